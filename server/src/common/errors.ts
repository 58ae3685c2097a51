/**
 * Errors that cross the API boundary: GraphQLErrors whose `extensions.code` clients switch on.
 */
import { GraphQLError } from 'graphql';

export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'FORBIDDEN'
  | 'INTERNAL_SERVER_ERROR'
  | 'METADATA_INVALID'
  | 'VERSION_CONFLICT'
  | 'MIGRATION_FAILED';

/** A GraphQLError carrying `extensions.code` plus any extra extensions (problems, fieldErrors, step…). */
export function apiError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

/** The `extensions.code` of an error, if it is one of ours. */
export function errorCode(error: unknown): string | undefined {
  if (error instanceof GraphQLError) {
    const code = error.extensions?.['code'];
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}
