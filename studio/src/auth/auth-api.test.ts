import type { Fetcher } from '../api/graphql-client.js';
import { AuthRequestError, createAuthApi } from './auth-api.js';
import { formatWait, signInErrorMessage } from './auth-errors.js';

const answer = (status: number, body?: unknown, headers: Record<string, string> = {}): Fetcher => async () =>
  new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const failure = (p: Promise<unknown>): Promise<AuthRequestError> =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: AuthRequestError) => e,
  );

describe('auth API', () => {
  it('posts JSON (the server refuses cookie-authenticated posts that are not) and returns the user', async () => {
    let seen: { url: string; init: RequestInit } | undefined;
    const api = createAuthApi(async (url, init) => {
      seen = { url, init };
      return new Response(JSON.stringify({ user: { id: 'u1' } }), { status: 200 });
    });
    await expect(api.signIn({ email: 'a@x.io', password: 'pw' })).resolves.toEqual({ id: 'u1' });
    expect(seen!.url).toBe('/auth/sign-in');
    expect(seen!.init.method).toBe('POST');
    expect((seen!.init.headers as Record<string, string>)['content-type']).toBe('application/json');
    expect(JSON.parse(String(seen!.init.body))).toEqual({ email: 'a@x.io', password: 'pw' });
  });

  it('accepts empty answers (204 sign-out, 202 reset request)', async () => {
    await expect(createAuthApi(answer(204)).signOut()).resolves.toBeUndefined();
    await expect(createAuthApi(answer(202, {})).requestPasswordReset('a@x.io')).resolves.toBeUndefined();
  });

  it('turns error answers into coded errors with fields and the wait of a lockout', async () => {
    const locked = await failure(createAuthApi(answer(429, { error: { code: 'LOCKED_OUT', message: 'wait', retryAfterSeconds: 120 } })).signIn({ email: 'a', password: 'b' }));
    expect(locked).toBeInstanceOf(AuthRequestError);
    expect(locked.code).toBe('LOCKED_OUT');
    expect(locked.retryAfterSeconds).toBe(120);
    const weak = await failure(
      createAuthApi(answer(400, { error: { code: 'VALIDATION_FAILED', message: 'weak', fields: [{ field: 'password', message: 'too short' }] } })).firstRun({ email: 'a', name: 'b', password: 'c' }),
    );
    expect(weak.fields).toEqual([{ field: 'password', message: 'too short' }]);
  });

  it('reads the wait from Retry-After when the body has none, and reports unreachable servers', async () => {
    const limited = await failure(createAuthApi(answer(429, undefined, { 'retry-after': '30' })).signIn({ email: 'a', password: 'b' }));
    expect(limited.code).toBe('RATE_LIMITED');
    expect(limited.retryAfterSeconds).toBe(30);
    const down = await failure(
      createAuthApi(async () => {
        throw new TypeError('fetch failed');
      }).session(),
    );
    expect(down.code).toBe('NETWORK_ERROR');
  });
});

describe('sign-in error messages', () => {
  const error = (code: string, retryAfterSeconds?: number) => new AuthRequestError(code, 'server text', 401, [], retryAfterSeconds);

  it('says the email or password is wrong without telling which', () => {
    expect(signInErrorMessage(error('INVALID_CREDENTIALS'))).toBe('The email or the password is wrong.');
  });

  it('says how long a locked-out person waits', () => {
    expect(signInErrorMessage(error('LOCKED_OUT', 240))).toMatch(/try again in 4 minutes/i);
    expect(formatWait(60)).toBe('1 minute');
    expect(formatWait(61)).toBe('2 minutes');
    expect(formatWait(30)).toBe('30 seconds');
  });

  it('tells a deactivated user to ask an administrator, and passes other messages through', () => {
    expect(signInErrorMessage(error('USER_INACTIVE'))).toMatch(/deactivated/);
    expect(signInErrorMessage(error('SOMETHING'))).toBe('server text');
  });
});
