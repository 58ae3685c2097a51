/**
 * Cross-site request forgery: a browser attaches the session cookie to requests other sites make it send.
 * SameSite=Lax already keeps it off cross-site POSTs in current browsers; as a second wall, a state-changing
 * request that relies on the cookie (and every /auth write, e.g. a forged sign-in) must be JSON — an HTML
 * form cannot send `application/json` — and, when the browser names its Origin, come from this server's
 * own origin or one listed in TRELLIS_CORS_ORIGINS.
 */
import type { IncomingMessage } from 'node:http';
import { requestOrigin } from './http-request-info.js';

export function isStateChanging(method: string | undefined): boolean {
  return method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
}

/** Why the request is refused, or null when it passes. */
export function csrfProblem(req: IncomingMessage, options: { trustProxy: boolean; corsOrigins: readonly string[] }): string | null {
  if (!isStateChanging(req.method)) return null;
  if (!isJson(req.headers['content-type'])) {
    return 'Requests that change something must send their body as JSON (content-type: application/json).';
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== requestOrigin(req, options.trustProxy) && !options.corsOrigins.includes(origin)) {
    return `Cross-origin request from ${origin} refused: add it to TRELLIS_CORS_ORIGINS to allow it.`;
  }
  return null;
}

function isJson(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const end = contentType.indexOf(';');
  return (end === -1 ? contentType : contentType.slice(0, end)).trim().toLowerCase() === 'application/json';
}
