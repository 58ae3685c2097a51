/**
 * API keys (trellis.api_key): `Authorization: Bearer trk_<secret>`, acting with one role for the user who
 * created it. Only the SHA-256 of the whole key is stored; the key is shown once, at creation. A key stops
 * working when revoked, expired, or when its creator is deactivated. Use is recorded (last_used_at and an
 * `api-key-used` security event) at most once a minute per key, not on every request.
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import { apiError } from '../common/errors.js';
import { DEFAULT_WORKSPACE, type Actor } from '../common/request-context.js';
import { DatabaseService } from '../database/database.service.js';
import { AUTH_CLOCK, AUTH_CONFIG, type Clock } from './auth-clock.js';
import type { AuthConfig } from './auth-config.js';
import { CredentialCache } from './credential-cache.js';
import { SecurityLogService } from './security-log.service.js';
import { hashToken, randomToken, sameHash } from './tokens.js';
import { isUuid } from './users.service.js';

export const API_KEY_PREFIX = 'trk_';
const USE_RESOLUTION_MS = 60_000;

export interface ApiKeyRecord {
  id: string;
  name: string;
  prefix: string;
  role: string;
  createdBy: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

const KEY_COLUMNS = `k.id::text, k.name, k.prefix, k.role, k.created_by::text, k.created_at, k.last_used_at, k.expires_at, k.revoked_at`;
const keyFromRow = (r: Record<string, any>): ApiKeyRecord => ({
  id: r['id'],
  name: r['name'],
  prefix: r['prefix'],
  role: r['role'],
  createdBy: r['created_by'],
  createdAt: r['created_at'],
  lastUsedAt: r['last_used_at'],
  expiresAt: r['expires_at'],
  revokedAt: r['revoked_at'],
});

@Injectable()
export class ApiKeysService {
  private readonly logger = new Logger('ApiKeys');
  private readonly cache: CredentialCache<Actor>;
  /** Key id → when its use was last written. */
  private readonly lastRecordedUse = new Map<string, number>();

  constructor(
    private readonly database: DatabaseService,
    private readonly securityLog: SecurityLogService,
    @Inject(AUTH_CONFIG) config: AuthConfig,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
  ) {
    this.cache = new CredentialCache(config.credentialCacheMs);
  }

  async create(input: { name: string; role: string; expiresAt?: Date | null }, createdBy: string): Promise<{ apiKey: ApiKeyRecord; secret: string }> {
    const name = input.name.trim();
    if (!name) throw apiError('BAD_USER_INPUT', 'An API key needs a name.');
    if (input.expiresAt && input.expiresAt.getTime() <= this.clock().getTime()) throw apiError('BAD_USER_INPUT', 'expiresAt must be in the future.');
    const secret = API_KEY_PREFIX + randomToken(32);
    const { rows } = await this.database.pool.query(
      `INSERT INTO trellis.api_key AS k (name, prefix, secret_hash, role, workspace, created_by, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${KEY_COLUMNS}`,
      [name, secret.slice(0, 8), hashToken(secret), input.role, DEFAULT_WORKSPACE, createdBy, this.clock(), input.expiresAt ?? null],
    );
    return { apiKey: keyFromRow(rows[0]), secret };
  }

  async list(): Promise<ApiKeyRecord[]> {
    const { rows } = await this.database.pool.query(`SELECT ${KEY_COLUMNS} FROM trellis.api_key k WHERE k.workspace = $1 ORDER BY k.created_at DESC`, [DEFAULT_WORKSPACE]);
    return rows.map(keyFromRow);
  }

  async revoke(id: string): Promise<ApiKeyRecord> {
    const { rows } = isUuid(id)
      ? await this.database.pool.query(
          `UPDATE trellis.api_key k SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING ${KEY_COLUMNS}`,
          [id, this.clock()],
        )
      : { rows: [] };
    if (!rows[0]) throw apiError('NOT_FOUND', `No API key with id ${id}.`);
    this.cache.forget((actor) => actor.id === id);
    return keyFromRow(rows[0]);
  }

  /** Keys of a deactivated user stop at once. */
  forgetCreator(userId: string): void {
    this.cache.forget((actor) => actor.userId === userId);
  }

  /** The actor of a Bearer key, cached briefly like sessions; null when unknown, revoked or expired. */
  resolve(secret: string, ip: string | null): Actor | null | Promise<Actor | null> {
    if (!secret.startsWith(API_KEY_PREFIX)) return null;
    const key = hashToken(secret);
    const now = this.clock().getTime();
    const cached = this.cache.lookup(key, now);
    if (cached !== undefined) {
      if (cached) this.noteUse(cached, now, ip);
      return cached;
    }
    return this.cache.load(key, now, () => this.read(key, now)).then((actor) => {
      if (actor) this.noteUse(actor, now, ip);
      return actor;
    });
  }

  private async read(key: string, now: number): Promise<{ value: Actor | null; validUntil?: number }> {
    const { rows } = await this.database.pool.query(
      `SELECT k.id::text, k.name, k.secret_hash, k.role, k.created_by::text, k.expires_at, k.last_used_at
         FROM trellis.api_key k LEFT JOIN trellis."user" u ON u.id = k.created_by
        WHERE k.secret_hash = $1 AND k.revoked_at IS NULL AND k.workspace = $2 AND (u.id IS NULL OR u.active)`,
      [key, DEFAULT_WORKSPACE],
    );
    const row = rows[0];
    if (!row || !sameHash(row.secret_hash, key)) return { value: null };
    const expiresAt = row.expires_at ? (row.expires_at as Date).getTime() : undefined;
    if (expiresAt !== undefined && now >= expiresAt) return { value: null };
    if (row.last_used_at && !this.lastRecordedUse.has(row.id)) this.lastRecordedUse.set(row.id, (row.last_used_at as Date).getTime());
    const actor: Actor = { kind: 'apiKey', id: row.id, userId: row.created_by, name: row.name, roles: [row.role], teams: [], attributes: {} };
    return { value: actor, validUntil: expiresAt };
  }

  private noteUse(actor: Actor, now: number, ip: string | null): void {
    const last = this.lastRecordedUse.get(actor.id);
    if (last !== undefined && now - last < USE_RESOLUTION_MS) return;
    this.lastRecordedUse.set(actor.id, now);
    this.database.pool
      .query(`UPDATE trellis.api_key SET last_used_at = $2 WHERE id = $1`, [actor.id, new Date(now)])
      .catch((error: unknown) => this.logger.warn(`could not update last_used_at: ${String(error)}`));
    this.securityLog.record({ kind: 'api-key-used', apiKeyId: actor.id, userId: actor.userId, ip });
  }
}
