import type { GraphQLError } from 'graphql';
import { apiError } from '../common/errors.js';

/** One problem with one field of one record (`index` = position in a bulk create). */
export interface RecordFieldError {
  field: string;
  message: string;
  rule?: string;
  index?: number;
}

export function badUserInput(message: string): GraphQLError {
  return apiError('BAD_USER_INPUT', message);
}

export function notFound(message: string): GraphQLError {
  return apiError('NOT_FOUND', message);
}

/** VALIDATION_FAILED with every field error; the message names the first one. */
export function validationFailed(fieldErrors: RecordFieldError[]): GraphQLError {
  const first = fieldErrors[0];
  const where = first ? `${first.index !== undefined ? `row ${first.index}: ` : ''}${first.field}: ${first.message}` : '';
  const more = fieldErrors.length > 1 ? ` (and ${fieldErrors.length - 1} more)` : '';
  return apiError('VALIDATION_FAILED', `Validation failed${where ? ` — ${where}` : ''}${more}`, { fieldErrors });
}
