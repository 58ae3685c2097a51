/**
 * The HTTP hooks on a real server: authentication required by both APIs (also on the data API's fast
 * path), the CSRF rule, security headers, CORS, rate limits, query limits on /metadata, and what the
 * authentication hook costs per request with a cached session.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Socket } from 'node:net';
import { crmDocument } from '../testing/fixtures.js';
import { TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD, withTestApp, type TestApp } from '../testing/test-app.js';
import { httpHooks } from './http-hooks.js';
import { STUDIO_CSP } from './security-headers.js';

const gqlBody = (query: string) => JSON.stringify({ query });

describe('HTTP hardening', () => {
  let t: TestApp;
  let studioDir: string;
  let apiKey: string;

  beforeAll(async () => {
    studioDir = await mkdtemp(path.join(os.tmpdir(), 'trellis-studio-'));
    await writeFile(path.join(studioDir, 'index.html'), '<!doctype html><title>Studio</title>');
    t = await withTestApp(crmDocument(), { studioDir, auth: { config: { corsOrigins: ['https://crm.example.com'], trustProxy: true } } });
    const key = await t.metadata<{ createApiKey: { secret: string } }>('mutation { createApiKey(input: { name: "k", role: "admin" }) { secret } }');
    apiKey = key.data!.createApiKey.secret;
  });

  afterAll(async () => {
    await t?.close();
    await rm(studioDir, { recursive: true, force: true });
  });

  describe('authentication', () => {
    it.each(['/graphql', '/metadata'])('answers POST %s without credentials 401, GraphQL-style', async (path) => {
      const res = await t.fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: gqlBody('{ __typename }') });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ errors: [{ message: expect.stringMatching(/^Sign in first/), extensions: { code: 'UNAUTHENTICATED' } }] });
    });

    it('answers a stale cookie and an unknown key 401 too', async () => {
      const stale = await t.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', cookie: 'trellis_session=nope' }, body: gqlBody('{ __typename }') });
      expect(stale.status).toBe(401);
      const key = await t.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer trk_nope' }, body: gqlBody('{ __typename }') });
      expect(key.status).toBe(401);
      const basic = await t.fetch('/metadata', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Basic YTpi' }, body: gqlBody('{ __typename }') });
      expect(basic.status).toBe(401);
    });

    it('serves the data API with a session (the fast path) or an API key', async () => {
      expect(await t.graphql('{ _version }')).toEqual({ data: { _version: 1 } });
      const res = await t.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` }, body: gqlBody('{ _version }') });
      expect(await res.json()).toEqual({ data: { _version: 1 } });
    });

    it('keeps the studio, /health and /auth public; the explorer page and GET queries need a session', async () => {
      expect((await t.fetch('/')).status).toBe(200);
      expect((await t.fetch('/some/client/route', { headers: { accept: 'text/html' } })).status).toBe(200);
      expect((await t.fetch('/health')).status).toBe(200);
      expect((await t.fetch('/auth/session')).status).toBe(200);
      expect((await t.fetch('/auth/nothing-here')).status).toBe(404);
      expect((await t.fetch('/graphql', { headers: { accept: 'text/html' } })).status).toBe(401);
      const explorer = await t.fetch('/graphql', { headers: { accept: 'text/html', cookie: t.admin.client.cookie } });
      expect(explorer.status).toBe(200);
      expect(await explorer.text()).toContain('Trellis data API');
      expect(explorer.headers.get('content-security-policy')).toContain("script-src 'self' 'unsafe-inline'"); // its inline script
    });
  });

  describe('CSRF', () => {
    const withCookie = (headers: Record<string, string>, body = gqlBody('{ me { admin } }')) =>
      t.fetch('/metadata', { method: 'POST', headers: { cookie: t.admin.client.cookie, ...headers }, body });

    it('refuses cookie-authenticated writes that are not JSON (what an HTML form sends)', async () => {
      const form = await withCookie({ 'content-type': 'application/x-www-form-urlencoded' }, 'query=%7Bme%7Badmin%7D%7D');
      expect(form.status).toBe(403);
      expect(((await form.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
      const text = await withCookie({ 'content-type': 'text/plain' });
      expect(text.status).toBe(403);
    });

    it('refuses a cookie-authenticated request from a foreign Origin, allows its own and listed ones', async () => {
      expect((await withCookie({ 'content-type': 'application/json', origin: 'https://evil.example' })).status).toBe(403);
      expect((await withCookie({ 'content-type': 'application/json', origin: t.baseUrl })).status).toBe(200);
      expect((await withCookie({ 'content-type': 'application/json', origin: 'https://crm.example.com' })).status).toBe(200);
      const fast = await t.fetch('/graphql', { method: 'POST', headers: { cookie: t.admin.client.cookie, 'content-type': 'application/json', origin: 'https://evil.example' }, body: gqlBody('{ _version }') });
      expect(fast.status).toBe(403);
    });

    it('does not apply to API keys (no ambient credential to abuse)', async () => {
      const res = await t.fetch('/metadata', { method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', origin: 'https://elsewhere.example' }, body: gqlBody('{ me { admin } }') });
      expect(res.status).toBe(200);
    });

    it('refuses /auth writes from a form or a foreign origin (login CSRF)', async () => {
      const form = await t.fetch('/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `email=${TEST_ADMIN_EMAIL}&password=${TEST_ADMIN_PASSWORD}` });
      expect(form.status).toBe(403);
      expect(((await form.json()) as any).error.code).toBe('CSRF_REJECTED');
      const foreign = await t.fetch('/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: JSON.stringify({ email: TEST_ADMIN_EMAIL, password: TEST_ADMIN_PASSWORD }) });
      expect(foreign.status).toBe(403);
    });
  });

  describe('headers', () => {
    it('sets the security headers on every kind of answer, HSTS only over https', async () => {
      const answers = [
        await t.fetch('/'),
        await t.fetch('/health'),
        await t.fetch('/auth/session'),
        await t.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: gqlBody('{ __typename }') }),
        await t.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', cookie: t.admin.client.cookie }, body: gqlBody('{ __typename }') }),
        await t.fetch('/metadata', { method: 'POST', headers: { 'content-type': 'application/json', cookie: t.admin.client.cookie }, body: gqlBody('{ __typename }') }),
      ];
      for (const res of answers) {
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('x-frame-options')).toBe('DENY');
        expect(res.headers.get('referrer-policy')).toBe('same-origin');
        expect(res.headers.get('content-security-policy')).toBe(STUDIO_CSP);
        expect(res.headers.get('strict-transport-security')).toBeNull();
      }
      const https = await t.fetch('/health', { headers: { 'x-forwarded-proto': 'https' } });
      expect(https.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    });

    it('answers CORS preflights for listed origins only', async () => {
      const preflight = (origin: string) =>
        t.fetch('/graphql', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
      const allowed = await preflight('https://crm.example.com');
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://crm.example.com');
      expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
      expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
      const refused = await preflight('https://evil.example');
      expect(refused.status).toBe(204);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      const actual = await t.fetch('/graphql', { method: 'POST', headers: { origin: 'https://crm.example.com', authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' }, body: gqlBody('{ _version }') });
      expect(actual.headers.get('access-control-allow-origin')).toBe('https://crm.example.com');
    });
  });

  describe('query limits on /metadata', () => {
    it('refuses a query nested too deep or too complex before running it', async () => {
      const deep = await t.metadata('{ teams { members { teams { members { teams { members { teams { members { teams { members { teams { members { name } } } } } } } } } } } } }');
      expect(deep.errors?.[0]?.message).toMatch(/nested 13 levels deep; the limit is 12/);
      expect(deep.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
      const wide = await t.metadata('{ teams { members { teams { members { name } } } } }');
      expect(wide.errors?.[0]?.message).toMatch(/too complex/);
      expect((await t.metadata('{ users { id name teams { id name } } teams { id members { id name } } }')).errors).toBeUndefined();
    });
  });

  it('passes a request with a cached session through the whole hook chain synchronously (no database round trip)', async () => {
    const hooks = httpHooks(t.app);
    const req = Object.assign(Object.create(null) as IncomingMessage, {
      method: 'POST',
      url: '/graphql',
      headers: { cookie: `theme=dark; ${t.admin.client.cookie}`, 'content-type': 'application/json', host: t.baseUrl.slice(7) },
      socket: new Socket(),
    });
    const res = { setHeader: () => undefined } as unknown as ServerResponse;
    const auth = hooks[3]!;
    const first = auth.handle(req, res); // loads the session once
    if (first instanceof Promise) await first;
    const perRequest = (run: () => void): number => {
      for (let i = 0; i < 2000; i++) run();
      const rounds = 20_000;
      const started = process.hrtime.bigint();
      for (let i = 0; i < rounds; i++) run();
      return Number(process.hrtime.bigint() - started) / rounds / 1000;
    };
    const authUs = perRequest(() => {
      if (auth.handle(req, res) !== 'continue') throw new Error('the authentication hook did not continue');
    });
    const perRequestUs = perRequest(() => {
      for (const hook of hooks) if (hook.handle(req, res) !== 'continue') throw new Error(`${hook.name} did not continue`);
    });
    // Informational: a speed target would belong in `npm run bench`, not in a test that a busy machine can fail.
    console.log(`cached session: authentication hook ${authUs.toFixed(2)} µs, all ${hooks.length} hooks ${perRequestUs.toFixed(2)} µs per request`);
    expect(hooks.map((hook) => hook.handle(req, res))).toEqual(hooks.map(() => 'continue'));
  });
});

describe('rate limits', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await withTestApp(undefined, { auth: { config: { rateLimitPerMinute: 10, authRateLimitPerMinute: 4 } } });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('answers 429 with Retry-After once a user spends their per-minute budget', async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 12; i++) {
      last = await t.fetch('/metadata', { method: 'POST', headers: { 'content-type': 'application/json', cookie: t.admin.client.cookie }, body: gqlBody('{ me { admin } }') });
      statuses.push(last.status);
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await last!.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');
  });

  it('limits /auth writes per IP, and failed credentials spend the same budget', async () => {
    // The budget (4/min) is shared with withTestApp's own first run: at most 3 more sign-ins pass.
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.fetch('/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'x@y.test', password: 'no-such-password-1' }) });
      statuses.push(res.status);
      if (res.status === 429) expect(((await res.json()) as any).error.code).toBe('RATE_LIMITED');
    }
    expect(statuses.slice(-2)).toEqual([429, 429]);
    const guess = await t.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer trk_guess' }, body: gqlBody('{ __typename }') });
    expect(guess.status).toBe(429);
  });
});
