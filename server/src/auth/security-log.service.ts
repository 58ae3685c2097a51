/**
 * The security log (trellis.security_event): sign-ins, lockouts, identity changes, key use. `record` never
 * blocks or fails the request that logs: the insert runs in the background and a failure is only logged.
 */
import { Injectable, Logger } from '@nestjs/common';
import { DatabaseService } from '../database/database.service.js';

export type SecurityEventKind =
  | 'sign-in'
  | 'sign-in-failed'
  | 'locked-out'
  | 'sign-out'
  | 'password-reset-requested'
  | 'password-reset'
  | 'password-changed'
  | 'first-run'
  | 'user-created'
  | 'user-updated'
  | 'user-deactivated'
  | 'user-unlocked'
  | 'roles-changed'
  | 'api-key-created'
  | 'api-key-used'
  | 'api-key-revoked'
  | 'permission-denied';

export interface SecurityEventInput {
  kind: SecurityEventKind;
  userId?: string | null;
  apiKeyId?: string | null;
  email?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown> | null;
}

export interface SecurityEvent {
  id: string;
  at: Date;
  kind: string;
  userId: string | null;
  apiKeyId: string | null;
  email: string | null;
  ip: string | null;
  detail: Record<string, unknown> | null;
}

export interface SecurityLogQuery {
  kind?: string | null;
  userId?: string | null;
  first?: number;
  /** Events older than this id (paging backwards). */
  before?: string | null;
}

@Injectable()
export class SecurityLogService {
  private readonly logger = new Logger('SecurityLog');
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly database: DatabaseService) {}

  /** Fire-and-forget insert. */
  record(event: SecurityEventInput): void {
    const insert = this.database.pool
      .query(
        `INSERT INTO trellis.security_event (kind, user_id, api_key_id, email, ip, detail) VALUES ($1, $2, $3, $4, $5, $6)`,
        [event.kind, event.userId ?? null, event.apiKeyId ?? null, event.email ?? null, event.ip ?? null, event.detail ?? null],
      )
      .catch((error: unknown) => this.logger.warn(`could not record ${event.kind}: ${String(error)}`))
      .finally(() => this.pending.delete(insert));
    this.pending.add(insert);
  }

  /** Waits for the inserts started so far (tests, shutdown). */
  async flush(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  async list(query: SecurityLogQuery = {}): Promise<SecurityEvent[]> {
    await this.flush();
    const first = Math.min(Math.max(query.first ?? 100, 1), 1000);
    const { rows } = await this.database.pool.query(
      `SELECT id::text, at, kind, user_id, api_key_id, email, ip, detail FROM trellis.security_event
        WHERE ($1::text IS NULL OR kind = $1) AND ($2::uuid IS NULL OR user_id = $2) AND ($3::bigint IS NULL OR id < $3)
        ORDER BY security_event.id DESC LIMIT $4`,
      [query.kind ?? null, query.userId ?? null, query.before ?? null, first],
    );
    return rows.map((r) => ({ id: r.id, at: r.at, kind: r.kind, userId: r.user_id, apiKeyId: r.api_key_id, email: r.email, ip: r.ip, detail: r.detail }));
  }
}
