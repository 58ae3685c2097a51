/**
 * In-app notifications (trellis.notification), one row per recipient: written by workflow steps inside
 * the step's transaction, read and marked read by their recipient only.
 */
import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../database/database.service.js';
import { isUuid } from '../records/compile-filter.js';
import type { Queryable } from '../records/record.service.js';

export interface NotificationRow {
  id: string;
  title: string;
  body: string | null;
  entity: string | null;
  recordId: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export interface NewNotifications {
  workspace: string;
  userIds: string[];
  title: string;
  body?: string | null;
  entity?: string | null;
  recordId?: string | null;
  workflowRunId?: string | null;
}

export const MAX_NOTIFICATION_TITLE = 500;
export const MAX_NOTIFICATION_BODY = 10_000;

const COLUMNS = `id::text, title, body, entity, record_id::text AS "recordId", created_at AS "createdAt", read_at AS "readAt"`;

@Injectable()
export class NotificationsService {
  constructor(private readonly database: DatabaseService) {}

  /** One notification per (distinct) user, in one statement; their ids. */
  async create(input: NewNotifications, db: Queryable = this.database.pool): Promise<string[]> {
    const userIds = [...new Set(input.userIds)];
    if (userIds.length === 0) return [];
    const { rows } = await db.query(
      `INSERT INTO "trellis"."notification" (workspace, user_id, title, body, entity, record_id, workflow_run_id)
       SELECT $1, u, $3, $4, $5, $6, $7 FROM unnest($2::uuid[]) AS u RETURNING id::text`,
      [input.workspace, userIds, input.title, input.body ?? null, input.entity ?? null, input.recordId ?? null, input.workflowRunId ?? null],
    );
    return rows.map((r) => r.id as string);
  }

  /** The user's notifications, newest first. */
  async list(workspace: string, userId: string, first: number, unreadOnly: boolean): Promise<NotificationRow[]> {
    const { rows } = await this.database.pool.query(
      `SELECT ${COLUMNS} FROM "trellis"."notification"
        WHERE workspace = $1 AND user_id = $2 AND (NOT $3 OR read_at IS NULL)
        ORDER BY created_at DESC, id LIMIT $4`,
      [workspace, userId, unreadOnly, first],
    );
    return rows as NotificationRow[];
  }

  async unreadCount(workspace: string, userId: string): Promise<number> {
    const { rows } = await this.database.pool.query(
      `SELECT count(*)::int AS n FROM "trellis"."notification" WHERE workspace = $1 AND user_id = $2 AND read_at IS NULL`,
      [workspace, userId],
    );
    return rows[0].n as number;
  }

  /** Marks the user's notifications read (these ids, or all of theirs); how many changed. Others' ids are ignored. */
  async markRead(workspace: string, userId: string, ids: string[] | null): Promise<number> {
    const valid = ids === null ? null : ids.filter(isUuid);
    if (valid !== null && valid.length === 0) return 0;
    const result = await this.database.pool.query(
      `UPDATE "trellis"."notification" SET read_at = now()
        WHERE workspace = $1 AND user_id = $2 AND read_at IS NULL AND ($3::uuid[] IS NULL OR id = ANY($3::uuid[]))`,
      [workspace, userId, valid],
    );
    return result.rowCount ?? 0;
  }
}
