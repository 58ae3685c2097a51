/**
 * Tasks (trellis.task): written by people (createTask) and by workflow steps (inside the step's transaction,
 * so a retried run never creates one twice). Who may see or change which task is the resolver's business.
 */
import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../database/database.service.js';
import { isUuid } from '../records/compile-filter.js';
import type { Queryable } from '../records/record.service.js';

export interface TaskRow {
  id: string;
  workspace: string;
  title: string;
  description: string | null;
  dueAt: Date | null;
  status: 'open' | 'done';
  assigneeId: string | null;
  assigneeName: string | null;
  entity: string | null;
  recordId: string | null;
  workflowRunId: string | null;
  createdAt: Date;
  completedAt: Date | null;
  /** The creator's actor label (`user:<id>`, `workflow:<name>`…). */
  createdBy: string | null;
}

export interface NewTask {
  workspace: string;
  title: string;
  description?: string | null;
  dueAt?: Date | null;
  assigneeId?: string | null;
  entity?: string | null;
  recordId?: string | null;
  workflowRunId?: string | null;
  createdBy: string;
}

export type TaskStatusFilter = 'open' | 'done' | 'all';

export const MAX_TASK_TITLE = 500;
export const MAX_TASK_DESCRIPTION = 10_000;

const COLUMNS = `t.id::text AS id, t.workspace, t.title, t.description, t.due_at AS "dueAt", t.status,
  t.assignee_id::text AS "assigneeId", u.name AS "assigneeName", t.entity, t.record_id::text AS "recordId",
  t.workflow_run_id::text AS "workflowRunId", t.created_at AS "createdAt", t.completed_at AS "completedAt", t.created_by AS "createdBy"`;
const FROM = `"trellis"."task" t LEFT JOIN "trellis"."user" u ON u.id = t.assignee_id`;

@Injectable()
export class TasksService {
  constructor(private readonly database: DatabaseService) {}

  /** Inserts the task (on `db`: a caller's transaction, e.g. a workflow step's) and returns its id. */
  async create(task: NewTask, db: Queryable = this.database.pool): Promise<string> {
    const { rows } = await db.query(
      `INSERT INTO "trellis"."task" (workspace, title, description, due_at, assignee_id, entity, record_id, workflow_run_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id::text`,
      [
        task.workspace,
        task.title,
        task.description ?? null,
        task.dueAt ?? null,
        task.assigneeId ?? null,
        task.entity ?? null,
        task.recordId ?? null,
        task.workflowRunId ?? null,
        task.createdBy,
      ],
    );
    return rows[0].id as string;
  }

  async get(id: string, db: Queryable = this.database.pool): Promise<TaskRow | null> {
    if (!isUuid(id)) return null;
    const { rows } = await db.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE t.id = $1`, [id]);
    return (rows[0] as TaskRow | undefined) ?? null;
  }

  /** A user's tasks: open ones by due date (undated last), done ones most recently completed first. */
  async listForAssignee(workspace: string, userId: string, status: TaskStatusFilter, first: number): Promise<TaskRow[]> {
    const order = status === 'done' ? 't.completed_at DESC, t.id' : `(t.status = 'done'), t.due_at ASC NULLS LAST, t.created_at, t.id`;
    const { rows } = await this.database.pool.query(
      `SELECT ${COLUMNS} FROM ${FROM}
        WHERE t.workspace = $1 AND t.assignee_id = $2 AND ($3 = 'all' OR t.status = $3)
        ORDER BY ${order} LIMIT $4`,
      [workspace, userId, status, first],
    );
    return rows as TaskRow[];
  }

  /** The tasks about one record: open first (by due date), then done ones. */
  async listForRecord(workspace: string, entity: string, recordId: string): Promise<TaskRow[]> {
    if (!isUuid(recordId)) return [];
    const { rows } = await this.database.pool.query(
      `SELECT ${COLUMNS} FROM ${FROM}
        WHERE t.workspace = $1 AND t.entity = $2 AND t.record_id = $3
        ORDER BY (t.status = 'done'), t.due_at ASC NULLS LAST, t.completed_at DESC, t.created_at, t.id LIMIT 500`,
      [workspace, entity, recordId],
    );
    return rows as TaskRow[];
  }

  /** Marks a task done (now) or open again; the task as it is afterwards. */
  async setDone(id: string, done: boolean): Promise<TaskRow | null> {
    await this.database.pool.query(
      `UPDATE "trellis"."task" SET status = $2, completed_at = CASE WHEN $2 = 'done' THEN coalesce(completed_at, now()) ELSE NULL END WHERE id = $1`,
      [id, done ? 'done' : 'open'],
    );
    return this.get(id);
  }
}
