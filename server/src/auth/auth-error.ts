/**
 * Errors of the /auth REST endpoints, answered as `{ error: { code, message, fields? , retryAfterSeconds? } }`
 * with their HTTP status (see auth-error.filter.ts).
 */
export type AuthErrorCode =
  | 'BAD_REQUEST'
  | 'VALIDATION_FAILED'
  | 'INVALID_CREDENTIALS'
  | 'LOCKED_OUT'
  | 'USER_INACTIVE'
  | 'ALREADY_SET_UP'
  | 'UNAUTHENTICATED'
  | 'INVALID_TOKEN'
  | 'CSRF_REJECTED'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'NOT_FOUND'
  | 'INTERNAL_SERVER_ERROR';

export interface FieldProblem {
  field: string;
  message: string;
}

export class AuthError extends Error {
  constructor(
    readonly status: number,
    readonly code: AuthErrorCode,
    message: string,
    readonly extra: { fields?: FieldProblem[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }

  toJSON(): { error: Record<string, unknown> } {
    return { error: { code: this.code, message: this.message, ...this.extra } };
  }
}

export const invalidCredentials = (): AuthError => new AuthError(401, 'INVALID_CREDENTIALS', 'The email or the password is wrong.');

export const lockedOut = (retryAfterSeconds: number): AuthError =>
  new AuthError(429, 'LOCKED_OUT', `Too many failed sign-ins: try again in ${formatWait(retryAfterSeconds)}, or ask an administrator to unlock the account.`, {
    retryAfterSeconds,
  });

export const validationFailed = (field: string, message: string): AuthError => new AuthError(400, 'VALIDATION_FAILED', message, { fields: [{ field, message }] });

function formatWait(seconds: number): string {
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}
