import type { GraphQLError } from 'graphql';
import { apiError } from '../common/errors.js';

/** FORBIDDEN: the actor is known but may not do this; the message says what and why. */
export function forbidden(message: string, details: Record<string, unknown> = {}): GraphQLError {
  return apiError('FORBIDDEN', message, details);
}

/** SQLSTATE raised by "trellis"."permission_denied"(message) inside a write statement. */
export const PERMISSION_DENIED_SQLSTATE = 'TR403';
