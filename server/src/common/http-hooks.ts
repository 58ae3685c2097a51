/**
 * Cross-cutting HTTP concerns — CORS, authentication, rate limiting, request logging — plug in HERE.
 *
 * The HTTP entry (http-entry.ts) runs these hooks, in order, on EVERY request before routing it, whether
 * the request then takes the data API's fast path (POST /graphql, which skips Express) or goes through
 * Express (everything else: GET /graphql, /metadata, /health, the studio). A concern added here therefore
 * covers the whole server; an Express middleware (`app.use`, Nest `MiddlewareConsumer`, `enableCors`)
 * does not see POST /graphql — and if one is registered where it would, the entry notices, logs a warning
 * naming it and sends POST /graphql through Express again (slower, never bypassed). See http-entry.ts.
 *
 * Writing a hook: work on Node's `IncomingMessage` / `ServerResponse` (no Express helpers: on the fast path
 * there are none). Answer the request yourself (a CORS preflight, 401, 429) and return `'handled'`, or
 * return `'continue'`. To pass something on — e.g. the authenticated actor — attach it to the request with
 * a module-private WeakMap or symbol, and read it where request contexts are made: `httpRequestContext`
 * (request-context.ts), called with the request by the data API's `context` (data-api.module.ts) and by the
 * /metadata resolvers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { INestApplicationContext } from '@nestjs/common';
import { AUTH_CONFIG } from '../auth/auth-clock.js';
import type { AuthConfig } from '../auth/auth-config.js';
import { AuthHook } from '../auth/auth.hook.js';
import { clientIp, isHttps } from '../auth/http-request-info.js';
import { RateLimits } from '../auth/rate-limits.js';
import { corsHook } from './cors.js';
import { actorRateLimitHook, authIpRateLimitHook } from './rate-limit.js';
import { securityHeadersHook } from './security-headers.js';

export type HttpHookResult = 'continue' | 'handled';

export interface HttpHook {
  /** Shown in logs and errors. */
  readonly name: string;
  /** Runs before routing. Synchronous results keep the hot path free of extra promise turns. */
  handle(req: IncomingMessage, res: ServerResponse): HttpHookResult | Promise<HttpHookResult>;
}

/**
 * The server's hooks, in the order they run: security headers on every answer; CORS (preflights answered
 * here); the per-IP limit on /auth writes (before sign-in spends a password hash); authentication (the
 * actor, 401 for the APIs without one, the CSRF rule); the per-actor rate limit.
 */
export function httpHooks(app: Pick<INestApplicationContext, 'get'>): readonly HttpHook[] {
  const config = app.get<AuthConfig>(AUTH_CONFIG);
  const limits = app.get(RateLimits);
  return [
    securityHeadersHook({ isHttps: (req) => isHttps(req, config.trustProxy) }),
    corsHook(config.corsOrigins),
    authIpRateLimitHook(limits.perIpAuth, (req) => clientIp(req, config.trustProxy)),
    app.get(AuthHook),
    actorRateLimitHook(limits.perActor),
  ];
}
