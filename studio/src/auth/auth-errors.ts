/** What the sign-in and password pages say for each error code of /auth. */
import { AuthRequestError } from './auth-api.js';

/** "2 minutes", "1 minute", "30 seconds": how long a locked-out person waits. */
export function formatWait(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} second${Math.round(seconds) === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

export function signInErrorMessage(error: unknown): string {
  if (!(error instanceof AuthRequestError)) return (error as Error)?.message ?? 'Signing in failed.';
  switch (error.code) {
    case 'INVALID_CREDENTIALS':
      return 'The email or the password is wrong.';
    case 'LOCKED_OUT':
      return error.retryAfterSeconds
        ? `Too many failed sign-ins. Try again in ${formatWait(error.retryAfterSeconds)}, or ask an administrator to unlock your account.`
        : 'Too many failed sign-ins. Try again later, or ask an administrator to unlock your account.';
    case 'USER_INACTIVE':
      return 'This account is deactivated. Ask an administrator to reactivate it.';
    case 'RATE_LIMITED':
      return `Too many attempts from this network. Wait ${error.retryAfterSeconds ? formatWait(error.retryAfterSeconds) : 'a minute'} and try again.`;
    default:
      return error.message;
  }
}

/** The message of the field an /auth VALIDATION_FAILED error points at, else null. */
export function fieldError(error: unknown, field: string): string | null {
  return error instanceof AuthRequestError ? (error.fields.find((f) => f.field === field)?.message ?? null) : null;
}
