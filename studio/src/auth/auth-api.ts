/**
 * The /auth REST endpoints (JSON in and out). Errors come back as `{ error: { code, message, fields?,
 * retryAfterSeconds? } }`; they become `AuthRequestError`s so the pages can show them by code.
 */
import type { Fetcher } from '../api/graphql-client.js';

/** The signed-in user as GET /auth/session answers it. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  locale: string;
  timeZone: string;
  roles: string[];
  teams: { id: string; name: string }[];
  attributes: Record<string, unknown>;
}

export interface SessionAnswer {
  user: SessionUser | null;
  /** No user exists yet: the studio asks for the first administrator. */
  firstRun: boolean;
}

export class AuthRequestError extends Error {
  constructor(
    /** `INVALID_CREDENTIALS`, `LOCKED_OUT`, `USER_INACTIVE`, `VALIDATION_FAILED`, `INVALID_TOKEN`, … or `NETWORK_ERROR`. */
    readonly code: string,
    message: string,
    readonly status: number,
    readonly fields: { field: string; message: string }[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AuthRequestError';
  }
}

export interface AuthApi {
  session(): Promise<SessionAnswer>;
  firstRun(input: { email: string; name: string; password: string }): Promise<SessionUser>;
  signIn(input: { email: string; password: string }): Promise<SessionUser>;
  signOut(): Promise<void>;
  requestPasswordReset(email: string): Promise<void>;
  completePasswordReset(input: { token: string; password: string }): Promise<void>;
  changePassword(input: { currentPassword: string; newPassword: string }): Promise<void>;
}

export function createAuthApi(fetcher: Fetcher = (i, init) => fetch(i, init)): AuthApi {
  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetcher(`/auth${path}`, {
        method,
        credentials: 'same-origin',
        // The server refuses cookie-authenticated POSTs that are not JSON (a form cannot forge them).
        headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (cause) {
      throw new AuthRequestError('NETWORK_ERROR', `Cannot reach the server (${(cause as Error).message}).`, 0);
    }
    const text = await response.text();
    let json: unknown = undefined;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch {
        throw new AuthRequestError('NETWORK_ERROR', `The server answered ${response.status} ${response.statusText} without JSON.`, response.status);
      }
    }
    if (!response.ok) throw toAuthError(json, response);
    return json as T;
  }

  return {
    session: () => call<SessionAnswer>('GET', '/session'),
    firstRun: async (input) => (await call<{ user: SessionUser }>('POST', '/first-run', input)).user,
    signIn: async (input) => (await call<{ user: SessionUser }>('POST', '/sign-in', input)).user,
    signOut: async () => {
      await call('POST', '/sign-out', {});
    },
    requestPasswordReset: async (email) => {
      await call('POST', '/password-reset', { email });
    },
    completePasswordReset: async (input) => {
      await call('POST', '/password-reset/complete', input);
    },
    changePassword: async (input) => {
      await call('POST', '/password', input);
    },
  };
}

function toAuthError(json: unknown, response: Response): AuthRequestError {
  const error = (json as { error?: Record<string, unknown> } | undefined)?.error;
  const header = Number(response.headers.get('retry-after'));
  if (!error || typeof error !== 'object') {
    return new AuthRequestError(response.status === 429 ? 'RATE_LIMITED' : 'INTERNAL_SERVER_ERROR', `The server answered ${response.status} ${response.statusText}.`, response.status, [], header || undefined);
  }
  const retry = typeof error['retryAfterSeconds'] === 'number' ? error['retryAfterSeconds'] : header || undefined;
  return new AuthRequestError(
    typeof error['code'] === 'string' ? error['code'] : 'INTERNAL_SERVER_ERROR',
    typeof error['message'] === 'string' ? error['message'] : `The server answered ${response.status}.`,
    response.status,
    Array.isArray(error['fields']) ? (error['fields'] as { field: string; message: string }[]) : [],
    retry,
  );
}

export const authApi = createAuthApi();
