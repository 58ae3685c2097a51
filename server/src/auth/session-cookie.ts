/**
 * The `trellis_session` cookie: HttpOnly (scripts cannot read it), SameSite=Lax (not sent on cross-site
 * POSTs), Path=/, Secure over https. Its lifetime is the session's absolute lifetime; idle expiry is
 * enforced on the server.
 */
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'trellis_session';
const NEEDLE = SESSION_COOKIE + '=';

/** The session token from the Cookie header, if any (no full parse: this runs on every API request). */
export function sessionToken(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie;
  if (header === undefined) return undefined;
  let at = header.indexOf(NEEDLE);
  while (at > 0 && header[at - 1] !== ' ' && header[at - 1] !== ';') at = header.indexOf(NEEDLE, at + 1);
  if (at === -1) return undefined;
  const start = at + NEEDLE.length;
  const end = header.indexOf(';', start);
  const value = (end === -1 ? header.slice(start) : header.slice(start, end)).trim();
  return value.length > 0 ? value : undefined;
}

export function sessionCookie(token: string, options: { secure: boolean; maxAgeMs: number }): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${Math.floor(options.maxAgeMs / 1000)}${options.secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure ? '; Secure' : ''}`;
}
