/**
 * /auth over HTTP on a real server and Postgres: first run, sign-in and out, lockout, sessions' expiry,
 * password resets and changes. Time moves through the injected auth clock, never by sleeping.
 */
import { SecurityLogService } from './security-log.service.js';
import { TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD, testPassword, withTestApp, type TestApp } from '../testing/test-app.js';

const HOUR = 3_600_000;

describe('/auth', () => {
  let t: TestApp;
  let now = Date.now();

  beforeAll(async () => {
    t = await withTestApp(undefined, { auth: { clock: () => new Date(now) } });
  });

  afterAll(async () => {
    await t?.close();
  });

  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await t.fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, cookie: response.headers.get('set-cookie'), headers: response.headers };
  };
  const session = async (cookie?: string): Promise<any> => (await t.fetch('/auth/session', { headers: cookie ? { cookie } : {} })).json();
  const events = async (kind: string, email?: string) => {
    await t.app.get(SecurityLogService).flush();
    const { rows } = await t.pool.query(`SELECT kind, email, user_id, detail FROM trellis.security_event WHERE kind = $1 AND ($2::text IS NULL OR email = $2) ORDER BY id`, [kind, email ?? null]);
    return rows;
  };
  const cookieOf = (setCookie: string | null) => setCookie!.split(';')[0]!;

  it('runs the first run once: a second one is refused with ALREADY_SET_UP', async () => {
    expect(await session()).toEqual({ user: null, firstRun: false });
    const again = await post('/auth/first-run', { email: 'second@trellis.test', name: 'Second', password: 'another-Strong-passphrase' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_SET_UP');
    const { rows } = await t.pool.query(`SELECT email FROM trellis."user"`);
    expect(rows).toEqual([{ email: TEST_ADMIN_EMAIL }]);
    expect((await events('first-run')).map((e) => e.email)).toEqual([TEST_ADMIN_EMAIL]);
  });

  it('signs in with the right password: a session cookie (HttpOnly, SameSite=Lax, Path=/) and the user', async () => {
    const answer = await post('/auth/sign-in', { email: 'Admin@Trellis.test ', password: TEST_ADMIN_PASSWORD });
    expect(answer.status).toBe(200);
    expect(answer.body.user).toMatchObject({ email: TEST_ADMIN_EMAIL, roles: ['admin'], teams: [], locale: 'en-US', timeZone: 'UTC' });
    expect(answer.cookie).toMatch(/^trellis_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=604800$/);
    expect((await session(cookieOf(answer.cookie))).user.email).toBe(TEST_ADMIN_EMAIL);
    const { rows } = await t.pool.query(`SELECT token_hash FROM trellis.session`);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true); // only hashes are stored
    expect(rows.some((r) => answer.cookie!.includes(r.token_hash))).toBe(false);
  });

  it('answers an unknown email and a wrong password identically, spending a password hash on both', async () => {
    const user = await t.createUser({ email: 'same@trellis.test', name: 'Same', roles: [] });
    void user;
    const timed = async (body: unknown) => {
      const started = performance.now();
      const answer = await post('/auth/sign-in', body);
      return { answer, ms: performance.now() - started };
    };
    const unknown = await timed({ email: 'nobody@trellis.test', password: 'whatever-it-is-123' });
    const wrong = await timed({ email: 'same@trellis.test', password: 'whatever-it-is-123' });
    expect(unknown.answer.status).toBe(401);
    expect(wrong.answer.status).toBe(401);
    expect(unknown.answer.body).toEqual(wrong.answer.body);
    expect(unknown.answer.body.error.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.answer.cookie).toBeNull();
    // argon2id takes several ms: an answer without it for the unknown email would be far faster.
    expect(unknown.ms).toBeGreaterThan(wrong.ms / 3);
    expect((await events('sign-in-failed', 'nobody@trellis.test')).length).toBe(1);
  });

  it('locks out after 5 failures in a row (brute force), refuses even the right password while locked, backs off, and unlocks', async () => {
    const email = 'target@trellis.test';
    const password = testPassword(email);
    await t.createUser({ email, name: 'Target', roles: [], password });
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof post>> | undefined;
    for (let i = 0; i < 20; i++) {
      last = await post('/auth/sign-in', { email, password: `guess-number-${i}-wrong` });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, ...Array(16).fill(429)]);
    expect(last!.body.error).toMatchObject({ code: 'LOCKED_OUT', retryAfterSeconds: 60 });
    expect(last!.headers.get('retry-after')).toBe('60');

    const whileLocked = await post('/auth/sign-in', { email, password });
    expect(whileLocked.status).toBe(429);
    expect(whileLocked.cookie).toBeNull();
    const { rows } = await t.pool.query(`SELECT failed_sign_ins FROM trellis."user" WHERE email = $1`, [email]);
    expect(rows[0].failed_sign_ins).toBe(5); // refused attempts while locked are not even checked

    now += 61_000; // the lock expires
    const wrongAgain = await post('/auth/sign-in', { email, password: 'still-wrong-guess-0' });
    expect(wrongAgain.body.error).toMatchObject({ code: 'LOCKED_OUT', retryAfterSeconds: 120 }); // backoff doubled

    now += 121_000;
    expect((await post('/auth/sign-in', { email, password })).status).toBe(200);
    const reset = await t.pool.query(`SELECT failed_sign_ins, locked_until FROM trellis."user" WHERE email = $1`, [email]);
    expect(reset.rows[0]).toEqual({ failed_sign_ins: 0, locked_until: null });

    expect((await events('locked-out', email)).map((e) => e.detail.failuresInARow)).toEqual([5, 6]);
    expect((await events('sign-in-failed', email)).length).toBe(6);
    expect((await events('sign-in', email)).length).toBe(2); // createUser's sign-in, and this one
  });

  it('lets a user manager unlock a locked account at once', async () => {
    const email = 'unlockme@trellis.test';
    const { id } = await t.createUser({ email, name: 'Unlock Me', roles: [] });
    for (let i = 0; i < 5; i++) await post('/auth/sign-in', { email, password: `wrong-guess-${i}-xx` });
    expect((await post('/auth/sign-in', { email, password: testPassword(email) })).status).toBe(429);
    const unlocked = await t.metadata(`mutation($id: ID!) { unlockUser(id: $id) { lockedUntil } }`, { id });
    expect(unlocked).toEqual({ data: { unlockUser: { lockedUntil: null } } });
    expect((await post('/auth/sign-in', { email, password: testPassword(email) })).status).toBe(200);
  });

  it('locks unknown emails too, so lockouts do not reveal which emails exist', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await post('/auth/sign-in', { email: 'ghost@trellis.test', password: `wrong-guess-${i}-xx` })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it('refuses a deactivated user with USER_INACTIVE (only once the password is right)', async () => {
    const email = 'gone@trellis.test';
    const { id } = await t.createUser({ email, name: 'Gone', roles: [] });
    await t.metadata(`mutation($id: ID!) { updateUser(id: $id, input: { active: false }) { active } }`, { id });
    expect((await post('/auth/sign-in', { email, password: 'wrong-password-xyz' })).body.error.code).toBe('INVALID_CREDENTIALS');
    const right = await post('/auth/sign-in', { email, password: testPassword(email) });
    expect(right.status).toBe(403);
    expect(right.body.error.code).toBe('USER_INACTIVE');
  });

  it('signs out: the session is revoked, the cookie cleared, the API refuses the old cookie', async () => {
    const client = await t.signIn(TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD);
    expect((await client.metadata('{ me { user { email } } }')).data).toBeTruthy();
    const out = await post('/auth/sign-out', {}, { cookie: client.cookie });
    expect(out.status).toBe(204);
    expect(out.cookie).toContain('Max-Age=0');
    const after = await client.metadata('{ me { user { email } } }');
    expect(after.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(await session(client.cookie)).toEqual({ user: null, firstRun: false });
    expect((await events('sign-out')).length).toBeGreaterThanOrEqual(1);
  });

  it('resets a password with the token mailed to the outbox: single use, ends every session', async () => {
    const email = 'forgetful@trellis.test';
    const { client } = await t.createUser({ email, name: 'Forgetful', roles: [] });
    const unknown = await post('/auth/password-reset', { email: 'nobody-here@trellis.test' });
    const known = await post('/auth/password-reset', { email });
    expect([unknown.status, known.status]).toEqual([202, 202]);
    expect(unknown.body).toEqual(known.body);
    const { rows } = await t.pool.query(`SELECT to_address, subject, body FROM trellis.mail_outbox WHERE to_address = $1 ORDER BY id DESC LIMIT 1`, [email]);
    expect(rows[0].subject).toBe('Reset your Trellis password');
    const token = decodeURIComponent(/#\/reset-password\?token=([^\s]+)/.exec(rows[0].body)![1]!);
    expect(rows[0].body).toContain(`${t.baseUrl}/#/reset-password?token=`);

    const weak = await post('/auth/password-reset/complete', { token, password: 'password1234' });
    expect(weak.status).toBe(400);
    expect(weak.body.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'password' }] });

    const done = await post('/auth/password-reset/complete', { token, password: 'a-brand-new-passphrase-7' });
    expect(done.status).toBe(200);
    expect((await client.metadata('{ me { admin } }')).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect((await post('/auth/sign-in', { email, password: 'a-brand-new-passphrase-7' })).status).toBe(200);
    const reused = await post('/auth/password-reset/complete', { token, password: 'yet-another-passphrase-8' });
    expect(reused.status).toBe(400);
    expect(reused.body.error.code).toBe('INVALID_TOKEN');
    expect((await events('password-reset')).length).toBe(1);
  });

  it('refuses a reset token older than an hour', async () => {
    const email = 'slow@trellis.test';
    await t.createUser({ email, name: 'Slow', roles: [] });
    await post('/auth/password-reset', { email });
    const { rows } = await t.pool.query(`SELECT body FROM trellis.mail_outbox WHERE to_address = $1 ORDER BY id DESC LIMIT 1`, [email]);
    const token = decodeURIComponent(/token=([^\s]+)/.exec(rows[0].body)![1]!);
    now += HOUR + 1000;
    const late = await post('/auth/password-reset/complete', { token, password: 'a-brand-new-passphrase-7' });
    expect(late.body.error.code).toBe('INVALID_TOKEN');
  });

  it('changes the password of the signed-in user, checking the current one and the policy', async () => {
    const email = 'changer@trellis.test';
    const { client } = await t.createUser({ email, name: 'Changer', roles: [] });
    const change = (body: unknown, cookie = client.cookie) => post('/auth/password', body, { cookie });
    expect((await change({ currentPassword: 'not-my-password-1', newPassword: 'fresh-passphrase-2024' })).body.error.fields[0].field).toBe('currentPassword');
    expect((await change({ currentPassword: testPassword(email), newPassword: 'short' })).body.error.fields[0].field).toBe('newPassword');
    expect((await change({ currentPassword: testPassword(email), newPassword: 'fresh-passphrase-2024' })).status).toBe(200);
    expect((await post('/auth/sign-in', { email, password: 'fresh-passphrase-2024' })).status).toBe(200);
    expect((await post('/auth/password', { currentPassword: 'x', newPassword: 'y' })).status).toBe(401);
  });

  it('refuses weak passwords when users are created', async () => {
    const res = await t.metadata(`mutation { createUser(input: { email: "weak@trellis.test", name: "Weak", password: "Weakling1!" }) { id } }`);
    expect(res.errors?.[0]?.extensions?.['code']).toBe('VALIDATION_FAILED');
    expect(res.errors?.[0]?.message).toMatch(/at least 12 characters/);
  });

  it('answers malformed and oversized /auth bodies in its JSON error format', async () => {
    const malformed = await t.fetch('/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as any).error.code).toBe('BAD_REQUEST');
    const big = await post('/auth/sign-in', { email: 'a@b.test', password: 'x'.repeat(20_000) });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });
  // Last: it moves the clock past every session of this app, the admin's too.
  it('expires a session after 12 idle hours, and after 7 days whatever its use', async () => {
    const idle = await t.signIn(TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD);
    const busy = await t.signIn(TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD);
    now += 11 * HOUR;
    expect((await busy.metadata('{ me { admin } }')).data).toEqual({ me: { admin: true } });
    now += 2 * HOUR; // idle: 13 h since its sign-in; busy: 2 h since its last use
    expect((await idle.metadata('{ me { admin } }')).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect((await busy.metadata('{ me { admin } }')).data).toEqual({ me: { admin: true } });
    for (let i = 0; i < 16; i++) { // 13 h + 160 h: past 7 days, never idle 12 h
      now += 10 * HOUR;
      await busy.metadata('{ me { admin } }');
    }
    expect((await busy.metadata('{ me { admin } }')).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});
