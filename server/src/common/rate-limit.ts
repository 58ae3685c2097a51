/**
 * Rate limits as token buckets: each key (a user, an API key, an IP) holds up to `perMinute` tokens,
 * refilled continuously; a request takes one. Two hooks: per IP for sign-in and the other /auth writes
 * (brute force; failed credentials anywhere count too, see auth.hook.ts), and per actor after
 * authentication. Over the limit: 429 with Retry-After.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerError } from './http-answer.js';
import type { HttpHook } from './http-hooks.js';
import { requestActor } from './request-context.js';

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  /** perMinute 0 = unlimited. */
  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 100_000,
  ) {
    this.perMs = perMinute / 60_000;
  }

  /** Without taking one: 0 when a token is available, else the seconds until one is. */
  wait(key: string): number {
    if (this.perMinute <= 0) return 0;
    const bucket = this.buckets.get(key);
    if (bucket === undefined) return 0;
    const tokens = Math.min(this.perMinute, bucket.tokens + (this.now() - bucket.at) * this.perMs);
    return tokens >= 1 ? 0 : Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1000));
  }

  /** Takes a token: 0 when allowed, else the seconds until one is available. */
  take(key: string): number {
    if (this.perMinute <= 0) return 0;
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      if (this.buckets.size >= this.maxKeys) this.prune(now);
      bucket = { tokens: this.perMinute, at: now };
      this.buckets.set(key, bucket);
    } else {
      bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.perMs);
      bucket.at = now;
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000));
  }

  /** Forgets full buckets (they are the default state); if none are full, the oldest half. */
  private prune(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.perMinute) this.buckets.delete(key);
    }
    if (this.buckets.size < this.maxKeys) return;
    let drop = this.buckets.size / 2;
    for (const key of this.buckets.keys()) {
      if (drop-- <= 0) break;
      this.buckets.delete(key);
    }
  }
}

export function answerRateLimited(res: ServerResponse, path: string, retryAfterSeconds: number): 'handled' {
  answerError(res, path, 429, 'RATE_LIMITED', `Too many requests: try again in ${retryAfterSeconds} s.`, { retryAfterSeconds }, { 'retry-after': String(retryAfterSeconds) });
  return 'handled';
}

/** Per IP, for the state-changing /auth requests (sign-in, password reset…). */
export function authIpRateLimitHook(buckets: TokenBuckets, ipOf: (req: IncomingMessage) => string | null): HttpHook {
  return {
    name: 'rate limit (auth, per IP)',
    handle(req, res) {
      if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return 'continue';
      const url = req.url ?? '';
      if (!(url.startsWith('/auth/') || url === '/auth')) return 'continue';
      const wait = buckets.take(ipOf(req) ?? 'unknown');
      return wait === 0 ? 'continue' : answerRateLimited(res, url, wait);
    },
  };
}

/** Per authenticated actor (user or API key); runs after the authentication hook. */
export function actorRateLimitHook(buckets: TokenBuckets): HttpHook {
  return {
    name: 'rate limit (per actor)',
    handle(req, res) {
      if (buckets.perMinute <= 0) return 'continue';
      const known = requestActor(req);
      if (known === undefined) return 'continue';
      const wait = buckets.take(known.actor.kind === 'apiKey' ? `key:${known.actor.id}` : `user:${known.actor.userId ?? known.actor.id}`);
      return wait === 0 ? 'continue' : answerRateLimited(res, req.url ?? '/', wait);
    },
  };
}
