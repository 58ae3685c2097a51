/** The server's rate-limit buckets (see common/rate-limit.ts), on the auth clock so tests can move time. */
import { Inject, Injectable } from '@nestjs/common';
import { TokenBuckets } from '../common/rate-limit.js';
import { AUTH_CLOCK, AUTH_CONFIG, type Clock } from './auth-clock.js';
import type { AuthConfig } from './auth-config.js';

@Injectable()
export class RateLimits {
  /** Per user / API key, every authenticated request. */
  readonly perActor: TokenBuckets;
  /** Per IP: /auth writes and failed credentials anywhere. */
  readonly perIpAuth: TokenBuckets;

  constructor(@Inject(AUTH_CONFIG) config: AuthConfig, @Inject(AUTH_CLOCK) clock: Clock) {
    const now = () => clock().getTime();
    this.perActor = new TokenBuckets(config.rateLimitPerMinute, now);
    this.perIpAuth = new TokenBuckets(config.authRateLimitPerMinute, now);
  }
}
