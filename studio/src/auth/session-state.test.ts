import type { SessionUser } from './auth-api.js';
import { initialSession, isSignedOutRoute, routeAfterSignIn, sessionReducer, type SessionPhase } from './session-state.js';

const ada: SessionUser = { id: 'u1', email: 'ada@x.io', name: 'Ada', locale: 'en-US', timeZone: 'UTC', roles: ['admin'], teams: [], attributes: {} };
const signedIn: SessionPhase = { kind: 'signedIn', user: ada };

describe('session state', () => {
  it('starts loading, then follows what GET /auth/session answers', () => {
    expect(initialSession.kind).toBe('loading');
    expect(sessionReducer(initialSession, { type: 'loaded', answer: { user: ada, firstRun: false } })).toEqual(signedIn);
    expect(sessionReducer(initialSession, { type: 'loaded', answer: { user: null, firstRun: true } })).toEqual({ kind: 'firstRun' });
    expect(sessionReducer(initialSession, { type: 'loaded', answer: { user: null, firstRun: false } })).toEqual({ kind: 'signedOut', reason: 'none' });
  });

  it('shows the sign-in page saying the session ended when a request answers 401 while signed in', () => {
    expect(sessionReducer(signedIn, { type: 'unauthenticated' })).toEqual({ kind: 'signedOut', reason: 'expired' });
  });

  it('ignores a late 401 once already signed out or before the session is known', () => {
    const out: SessionPhase = { kind: 'signedOut', reason: 'signedOut' };
    expect(sessionReducer(out, { type: 'unauthenticated' })).toBe(out);
    expect(sessionReducer(initialSession, { type: 'unauthenticated' })).toBe(initialSession);
  });

  it('keeps saying why the person is signed out when the session is checked again', () => {
    const expired: SessionPhase = { kind: 'signedOut', reason: 'expired' };
    expect(sessionReducer(expired, { type: 'loaded', answer: { user: null, firstRun: false } })).toEqual(expired);
  });

  it('signs in, signs out and notes a password reset', () => {
    expect(sessionReducer({ kind: 'signedOut', reason: 'none' }, { type: 'signedIn', user: ada })).toEqual(signedIn);
    expect(sessionReducer(signedIn, { type: 'signedOut' })).toEqual({ kind: 'signedOut', reason: 'signedOut' });
    expect(sessionReducer({ kind: 'signedOut', reason: 'none' }, { type: 'passwordReset' })).toEqual({ kind: 'signedOut', reason: 'passwordReset' });
  });

  it('reports an unreachable server and retries from loading', () => {
    const down = sessionReducer(initialSession, { type: 'loadFailed', message: 'Cannot reach the server' });
    expect(down).toEqual({ kind: 'unreachable', message: 'Cannot reach the server' });
    expect(sessionReducer(down, { type: 'reloading' })).toEqual({ kind: 'loading' });
    expect(sessionReducer(signedIn, { type: 'reloading' })).toBe(signedIn);
  });

  it('updates the signed-in user only for the same person', () => {
    const renamed = { ...ada, name: 'Ada L.' };
    expect(sessionReducer(signedIn, { type: 'userChanged', user: renamed })).toEqual({ kind: 'signedIn', user: renamed });
    expect(sessionReducer(signedIn, { type: 'userChanged', user: { ...ada, id: 'u2' } })).toBe(signedIn);
  });
});

describe('route after signing in', () => {
  it('returns to the page the person was on', () => {
    expect(routeAfterSignIn('/data/company/42')).toBeNull();
    expect(routeAfterSignIn('/admin/users?x=1')).toBeNull();
  });

  it('goes to the start page from the signed-out pages', () => {
    expect(routeAfterSignIn('/sign-in')).toBe('/');
    expect(routeAfterSignIn('/forgot-password')).toBe('/');
    expect(routeAfterSignIn('/reset-password?token=abc')).toBe('/');
    expect(isSignedOutRoute(['reset-password'])).toBe(true);
    expect(isSignedOutRoute(['data', 'company'])).toBe(false);
  });
});
