/**
 * The signed-in user and what they may do, for every screen of the app:
 *
 *   const { user, me, signOut, refresh } = useSession();
 *   if (me.manageMetadata) …            // capabilities from the /metadata `me` query
 *   resolveAccess(doc, { roles: me.roles })
 *
 * Only provided while someone is signed in (the sign-in pages render outside it), so `user` is never null.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { SessionUser } from './auth-api.js';

export type { SessionUser } from './auth-api.js';

export interface Capabilities {
  /** Holds the built-in `admin` role: full access to everything. */
  admin: boolean;
  /** May edit and publish metadata (entities, fields, rules, roles…). */
  manageMetadata: boolean;
  /** May manage users, teams, role assignments, API keys; read the security log. */
  manageUsers: boolean;
  /** The user's role names (possibly `admin`), as `resolveAccess(doc, { roles })` wants them. */
  roles: string[];
}

export interface Session {
  user: SessionUser;
  me: Capabilities;
  /** Ends the session on the server and shows the sign-in page. */
  signOut: () => Promise<void>;
  /** Reloads the user and the capabilities (after an admin changed one's own roles, name, …). */
  refresh: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ value, children }: { value: Session; children: ReactNode }) {
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider: only screens shown to a signed-in user can use it');
  return session;
}

/** What a user may do when the `me` query cannot answer: only the built-in admin role is known for sure. */
export function capabilitiesFromRoles(roles: string[]): Capabilities {
  const admin = roles.includes('admin');
  return { admin, manageMetadata: admin, manageUsers: admin, roles };
}
