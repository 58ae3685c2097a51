/**
 * The authentication HTTP hook: who sent the request. A `Bearer trk_…` API key or the `trellis_session`
 * cookie becomes the request's Actor (setRequestActor); /graphql and /metadata without one are answered
 * 401 here. /auth/* gets the actor when there is one and decides itself; everything else (the studio's
 * files, /health) is public and costs nothing here. Cached credentials resolve synchronously (see
 * credential-cache.ts): on the data API's hot path, a signed-in request costs a hash and a Map lookup.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { answerError, answerGraphQLError } from '../common/http-answer.js';
import type { HttpHook, HttpHookResult } from '../common/http-hooks.js';
import { answerRateLimited } from '../common/rate-limit.js';
import { setRequestActor, type Actor, type RequestSource } from '../common/request-context.js';
import { ApiKeysService } from './api-keys.service.js';
import { AUTH_CONFIG } from './auth-clock.js';
import type { AuthConfig } from './auth-config.js';
import { csrfProblem, isStateChanging } from './csrf.js';
import { RateLimits } from './rate-limits.js';
import { clientIp, pathOf } from './http-request-info.js';
import { sessionToken } from './session-cookie.js';
import { SessionsService } from './sessions.service.js';

type Area = 'api' | 'auth';

/** Which requests the hook looks at: the two GraphQL APIs (credentials required) and /auth (optional). */
function areaOf(path: string): Area | null {
  const lower = path.toLowerCase();
  if (lower === '/graphql' || lower.startsWith('/graphql/') || lower === '/metadata' || lower.startsWith('/metadata/')) return 'api';
  if (lower === '/auth' || lower.startsWith('/auth/')) return 'auth';
  return null;
}

@Injectable()
export class AuthHook implements HttpHook {
  readonly name = 'authentication';
  constructor(
    private readonly sessions: SessionsService,
    private readonly apiKeys: ApiKeysService,
    private readonly rateLimits: RateLimits,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  handle(req: IncomingMessage, res: ServerResponse): HttpHookResult | Promise<HttpHookResult> {
    const path = pathOf(req.url);
    const area = areaOf(path);
    if (area === null) return 'continue';
    const authorization = req.headers.authorization;
    if (authorization !== undefined) {
      const key = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
      const resolved = key === undefined ? null : this.apiKeys.resolve(key, clientIp(req, this.config.trustProxy));
      if (resolved instanceof Promise) return resolved.then((actor) => this.decide(req, res, path, area, actor, 'api'));
      return this.decide(req, res, path, area, resolved, 'api');
    }
    const token = sessionToken(req);
    if (token === undefined) return this.decide(req, res, path, area, undefined, 'ui');
    const resolved = this.sessions.resolve(token);
    if (resolved instanceof Promise) return resolved.then((actor) => this.decide(req, res, path, area, actor, 'ui'));
    return this.decide(req, res, path, area, resolved, 'ui');
  }

  /** actor: undefined = no credentials sent, null = credentials sent but not valid. */
  private decide(req: IncomingMessage, res: ServerResponse, path: string, area: Area, actor: Actor | null | undefined, source: RequestSource): HttpHookResult {
    // Every /auth write, and whatever else rides on the cookie, must pass the CSRF rule.
    if ((area === 'auth' || (actor && source === 'ui')) && isStateChanging(req.method)) {
      const problem = csrfProblem(req, this.config);
      if (problem) {
        answerError(res, path, 403, area === 'api' ? 'FORBIDDEN' : 'CSRF_REJECTED', problem);
        return 'handled';
      }
    }
    if (actor) {
      setRequestActor(req, actor, source);
      return 'continue';
    }
    if (actor === null) {
      // Guessing keys or tokens spends the same per-IP budget as guessing passwords.
      const wait = this.rateLimits.perIpAuth.take(clientIp(req, this.config.trustProxy) ?? 'unknown');
      if (wait > 0) return answerRateLimited(res, path, wait);
    }
    if (area === 'auth') return 'continue';
    const message =
      actor === null
        ? source === 'api'
          ? 'The API key is unknown, revoked or expired (send "Authorization: Bearer trk_…").'
          : 'Your session has expired or was ended: sign in again.'
        : 'Sign in first: this request carries no session cookie or API key (send "Authorization: Bearer trk_…").';
    answerGraphQLError(res, 401, 'UNAUTHENTICATED', message);
    return 'handled';
  }
}
