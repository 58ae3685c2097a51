/**
 * Drives the session reducer: asks GET /auth/session on load, loads the capabilities once signed in, and
 * drops back to the sign-in page when any request of the app answers 401 UNAUTHENTICATED.
 */
import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import { onUnauthenticated } from '../api/graphql-client.js';
import { authApi, type SessionUser } from './auth-api.js';
import { fetchCapabilities } from './me-api.js';
import { capabilitiesFromRoles, type Capabilities, type Session } from './session-context.js';
import { initialSession, sessionReducer, type SessionPhase } from './session-state.js';

export interface SessionMachine {
  phase: SessionPhase;
  /** Set once signed in and the capabilities are known. */
  session: Session | null;
  signedIn: (user: SessionUser) => void;
  passwordReset: () => void;
  retry: () => void;
}

export function useSessionMachine(): SessionMachine {
  const [phase, dispatch] = useReducer(sessionReducer, initialSession);
  const [me, setMe] = useState<{ userId: string; capabilities: Capabilities } | null>(null);

  const load = useCallback(async () => {
    dispatch({ type: 'reloading' });
    try {
      dispatch({ type: 'loaded', answer: await authApi.session() });
    } catch (e) {
      dispatch({ type: 'loadFailed', message: (e as Error).message });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => onUnauthenticated(() => dispatch({ type: 'unauthenticated' })), []);

  const user = phase.kind === 'signedIn' ? phase.user : null;
  const loadCapabilities = useCallback(async (u: SessionUser) => {
    let capabilities: Capabilities;
    try {
      capabilities = await fetchCapabilities();
    } catch (e) {
      // An older server without `me`, or a hiccup: fall back to what the role names alone tell.
      console.warn('Cannot load the capabilities of the signed-in user:', (e as Error).message);
      capabilities = capabilitiesFromRoles(u.roles);
    }
    setMe({ userId: u.id, capabilities });
  }, []);

  useEffect(() => {
    if (user && me?.userId !== user.id) void loadCapabilities(user);
    if (!user && me) setMe(null);
  }, [user, me, loadCapabilities]);

  const signOut = useCallback(async () => {
    try {
      await authApi.signOut();
    } finally {
      dispatch({ type: 'signedOut' });
    }
  }, []);

  const refresh = useCallback(async () => {
    const answer = await authApi.session();
    if (answer.user) {
      dispatch({ type: 'userChanged', user: answer.user });
      await loadCapabilities(answer.user);
    } else dispatch({ type: 'loaded', answer });
  }, [loadCapabilities]);

  const session = useMemo<Session | null>(
    () => (user && me?.userId === user.id ? { user, me: me.capabilities, signOut, refresh } : null),
    [user, me, signOut, refresh],
  );

  return {
    phase,
    session,
    signedIn: useCallback((u: SessionUser) => dispatch({ type: 'signedIn', user: u }), []),
    passwordReset: useCallback(() => dispatch({ type: 'passwordReset' }), []),
    retry: useCallback(() => void load(), [load]),
  };
}
