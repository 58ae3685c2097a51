import type { IncomingMessage } from 'node:http';
import { clientIp, isHttps, linkOrigin, requestOrigin } from './http-request-info.js';
import { sessionCookie, sessionToken } from './session-cookie.js';

const request = (headers: Record<string, string>, remoteAddress = '10.0.0.9') => ({ headers, socket: { remoteAddress } }) as unknown as IncomingMessage;

describe('what the server knows about a request', () => {
  const forwarded = request({ host: 'internal:3000', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'crm.example.com', 'x-forwarded-for': '203.0.113.7, 10.0.0.1' });

  it('ignores forwarded headers unless the proxy is trusted (anyone could forge them)', () => {
    expect([clientIp(forwarded, false), isHttps(forwarded, false), requestOrigin(forwarded, false)]).toEqual(['10.0.0.9', false, 'http://internal:3000']);
    expect([clientIp(forwarded, true), isHttps(forwarded, true), requestOrigin(forwarded, true)]).toEqual(['203.0.113.7', true, 'https://crm.example.com']);
  });

  it('points links in mails at TRELLIS_PUBLIC_URL when set, whatever Host the request claims', () => {
    const spoofed = request({ host: 'evil.example' });
    expect(linkOrigin(spoofed, { publicUrl: 'https://crm.example.com', trustProxy: false })).toBe('https://crm.example.com');
    expect(linkOrigin(spoofed, { publicUrl: null, trustProxy: false })).toBe('http://evil.example');
  });
});

describe('the session cookie', () => {
  it('finds the token among other cookies, and only under its exact name', () => {
    expect(sessionToken(request({ cookie: 'a=1; trellis_session=tok-en_1; b=2' }))).toBe('tok-en_1');
    expect(sessionToken(request({ cookie: 'trellis_session=first' }))).toBe('first');
    expect(sessionToken(request({ cookie: 'not_trellis_session=x; other=y' }))).toBeUndefined();
    expect(sessionToken(request({ cookie: 'xtrellis_session=x; trellis_session=real' }))).toBe('real');
    expect(sessionToken(request({ cookie: 'trellis_session=' }))).toBeUndefined();
    expect(sessionToken(request({}))).toBeUndefined();
  });

  it('is HttpOnly, SameSite=Lax, Path=/, and Secure only over https', () => {
    expect(sessionCookie('t', { secure: false, maxAgeMs: 60_000 })).toBe('trellis_session=t; Path=/; HttpOnly; SameSite=Lax; Max-Age=60');
    expect(sessionCookie('t', { secure: true, maxAgeMs: 60_000 })).toMatch(/; Secure$/);
  });
});
