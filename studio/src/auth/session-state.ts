/**
 * Where the studio stands with the server's session, as a pure reducer: loading → first run, signed out or
 * signed in; a 401 while signed in ("expired") goes back to signed out and says why. The page to return to
 * is the hash itself: the sign-in page is shown in place of the route, so signing in shows that route again.
 */
import type { SessionAnswer, SessionUser } from './auth-api.js';

export type SessionPhase =
  | { kind: 'loading' }
  | { kind: 'unreachable'; message: string }
  | { kind: 'firstRun' }
  | { kind: 'signedOut'; reason: 'none' | 'expired' | 'signedOut' | 'passwordReset' }
  | { kind: 'signedIn'; user: SessionUser };

export type SessionEvent =
  | { type: 'loaded'; answer: SessionAnswer }
  | { type: 'loadFailed'; message: string }
  | { type: 'reloading' }
  | { type: 'signedIn'; user: SessionUser }
  | { type: 'signedOut' }
  | { type: 'passwordReset' }
  /** The server answered 401 UNAUTHENTICATED to a request of the app (session expired, revoked, user deactivated). */
  | { type: 'unauthenticated' }
  | { type: 'userChanged'; user: SessionUser };

export const initialSession: SessionPhase = { kind: 'loading' };

export function sessionReducer(state: SessionPhase, event: SessionEvent): SessionPhase {
  switch (event.type) {
    case 'loaded':
      if (event.answer.user) return { kind: 'signedIn', user: event.answer.user };
      if (event.answer.firstRun) return { kind: 'firstRun' };
      // A reload that finds no session after one was lost keeps saying why.
      return { kind: 'signedOut', reason: state.kind === 'signedOut' ? state.reason : 'none' };
    case 'loadFailed':
      return { kind: 'unreachable', message: event.message };
    case 'reloading':
      return state.kind === 'unreachable' ? { kind: 'loading' } : state;
    case 'signedIn':
      return { kind: 'signedIn', user: event.user };
    case 'signedOut':
      return { kind: 'signedOut', reason: 'signedOut' };
    case 'passwordReset':
      return { kind: 'signedOut', reason: 'passwordReset' };
    case 'unauthenticated':
      // Only a session that was there can expire; late answers after signing out change nothing.
      return state.kind === 'signedIn' ? { kind: 'signedOut', reason: 'expired' } : state;
    case 'userChanged':
      return state.kind === 'signedIn' && state.user.id === event.user.id ? { kind: 'signedIn', user: event.user } : state;
  }
}

/** Routes that only make sense signed out; after signing in on one of them, go to the start page. */
export const SIGNED_OUT_ROUTES = ['sign-in', 'forgot-password', 'reset-password'] as const;

export function isSignedOutRoute(segments: string[]): boolean {
  return (SIGNED_OUT_ROUTES as readonly string[]).includes(segments[0] ?? '');
}

/** The route to show once signed in: the one the person was on, unless it is a signed-out page. */
export function routeAfterSignIn(href: string): string | null {
  const first = href.replace(/^\//, '').split(/[/?]/)[0] ?? '';
  return (SIGNED_OUT_ROUTES as readonly string[]).includes(first) ? '/' : null;
}
