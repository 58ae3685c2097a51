/**
 * Browser sessions (trellis.session): a random token in the `trellis_session` cookie, its SHA-256 in the
 * table. A session ends when revoked (sign-out, password reset, the user deactivated), after
 * `sessionIdleMs` without use, or `sessionAbsoluteMs` after sign-in. Resolving one is cached briefly
 * (see credential-cache.ts): last_seen_at is written at most once a minute per session.
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import type pg from 'pg';
import type { Actor } from '../common/request-context.js';
import { DatabaseService } from '../database/database.service.js';
import { AUTH_CLOCK, AUTH_CONFIG, type Clock } from './auth-clock.js';
import type { AuthConfig } from './auth-config.js';
import { CredentialCache } from './credential-cache.js';
import { hashToken, randomToken, sameHash } from './tokens.js';
import { USER_COLUMNS, actorOfUser, userFromRow } from './users.service.js';

const LAST_SEEN_RESOLUTION_MS = 60_000;

export interface ClientInfo {
  ip?: string | null;
  userAgent?: string | null;
}

@Injectable()
export class SessionsService {
  private readonly logger = new Logger('Sessions');
  private readonly cache: CredentialCache<Actor>;

  constructor(
    private readonly database: DatabaseService,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
  ) {
    this.cache = new CredentialCache(config.credentialCacheMs);
  }

  /** Starts a session; returns the token for the cookie (never stored). */
  async create(userId: string, client: ClientInfo = {}): Promise<string> {
    const token = randomToken();
    const now = this.clock();
    await this.database.pool.query(
      `INSERT INTO trellis.session (token_hash, user_id, created_at, expires_at, last_seen_at, ip, user_agent) VALUES ($1, $2, $3, $4, $3, $5, $6)`,
      [hashToken(token), userId, now, new Date(now.getTime() + this.config.sessionAbsoluteMs), client.ip ?? null, client.userAgent?.slice(0, 500) ?? null],
    );
    return token;
  }

  /** The actor of a session token: from the cache when fresh (synchronous), else read from the database. */
  resolve(token: string): Actor | null | Promise<Actor | null> {
    const key = hashToken(token);
    const now = this.clock().getTime();
    const cached = this.cache.lookup(key, now);
    if (cached !== undefined) return cached;
    return this.cache.load(key, now, () => this.read(key, now));
  }

  async revoke(token: string): Promise<void> {
    const key = hashToken(token);
    this.cache.forgetKey(key);
    await this.database.pool.query(`UPDATE trellis.session SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL`, [key, this.clock()]);
  }

  /** Ends every session of a user at once (deactivation, password reset). */
  async revokeUser(userId: string, db: pg.Pool | pg.PoolClient = this.database.pool): Promise<void> {
    this.forgetUser(userId);
    await db.query(`UPDATE trellis.session SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL`, [userId, this.clock()]);
    this.forgetUser(userId); // a read that started before the UPDATE committed must not be cached either
  }

  /** Drops the cached actors of a user (roles, teams or attributes changed): the next request re-reads them. */
  forgetUser(userId: string): void {
    this.cache.forget((actor) => actor.userId === userId);
  }

  /** Drops every cached actor (team memberships changed). */
  forgetAll(): void {
    this.cache.clear();
  }

  private async read(key: string, now: number): Promise<{ value: Actor | null; validUntil?: number }> {
    const { rows } = await this.database.pool.query(
      `SELECT s.id::text AS session_id, s.token_hash, s.expires_at, s.last_seen_at, ${USER_COLUMNS}
         FROM trellis.session s JOIN trellis."user" u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL`,
      [key],
    );
    const row = rows[0];
    if (!row || !sameHash(row.token_hash, key) || !row.active) return { value: null };
    const lastSeen = (row.last_seen_at as Date).getTime();
    const validUntil = Math.min((row.expires_at as Date).getTime(), Math.max(lastSeen, now) + this.config.sessionIdleMs);
    if (now >= (row.expires_at as Date).getTime() || now >= lastSeen + this.config.sessionIdleMs) return { value: null };
    if (now - lastSeen >= LAST_SEEN_RESOLUTION_MS) this.touch(row.session_id, now);
    return { value: actorOfUser(userFromRow(row)), validUntil };
  }

  private touch(sessionId: string, now: number): void {
    this.database.pool
      .query(`UPDATE trellis.session SET last_seen_at = $2 WHERE id = $1`, [sessionId, new Date(now)])
      .catch((error: unknown) => this.logger.warn(`could not update last_seen_at: ${String(error)}`));
  }
}
