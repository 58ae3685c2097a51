/**
 * Run history and run control for the /metadata API: lists, details, counts, versions, retry and cancel.
 * Who may see what: holders of manageMetadata see every run; anyone else only the runs of a record they may
 * read (the record page's "Workflow runs" panel).
 */
import { Inject, Injectable } from '@nestjs/common';
import type { WorkflowDefinition, WorkflowStep } from '@trellis/metadata';
import { walkSteps } from '@trellis/runtime';
import { accessOf, requireCapability } from '../auth/capabilities.js';
import type { RequestContext } from '../common/request-context.js';
import { DatabaseService } from '../database/database.service.js';
import { MetadataStoreService } from '../metadata-store/metadata-store.service.js';
import { badUserInput, notFound } from '../records/record-errors.js';
import { recordLabels } from '../records/record-labels.js';
import { RecordService } from '../records/record.service.js';
import { isUuid } from '../records/compile-filter.js';
import type { RunStatus } from './run-store.js';
import { WORKFLOW_OPTIONS, type WorkflowOptions } from './workflow-options.js';
import { listWorkflowVersions } from './workflow-versions.js';
import type { WorkflowRun, WorkflowRunCounts, WorkflowRunPage, WorkflowStepRun, WorkflowVersion } from './workflows.types.js';

export const MAX_RUN_PAGE = 200;
const STATUSES: RunStatus[] = ['queued', 'running', 'waiting', 'succeeded', 'dead', 'cancelled'];

const RUN_COLUMNS = `id::text, workflow, version, definition ->> 'label' AS label, trigger_type, entity, record_id::text, status, error, attempts,
  depth, created_at, started_at, finished_at, run_at, actor`;

interface RunListRow {
  id: string;
  workflow: string;
  version: number;
  label: string | null;
  trigger_type: string;
  entity: string | null;
  record_id: string | null;
  status: RunStatus;
  error: unknown;
  attempts: number;
  depth: number;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  run_at: Date;
  actor: string | null;
}

export interface RunFilter {
  workflow?: string | null;
  entity?: string | null;
  recordId?: string | null;
  status?: string[] | null;
  first?: number;
  before?: Date | null;
}

@Injectable()
export class WorkflowRunsService {
  constructor(
    private readonly database: DatabaseService,
    private readonly store: MetadataStoreService,
    private readonly records: RecordService,
    @Inject(WORKFLOW_OPTIONS) private readonly options: WorkflowOptions,
  ) {}

  async list(ctx: RequestContext, filter: RunFilter): Promise<WorkflowRunPage> {
    const first = filter.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > MAX_RUN_PAGE) throw badUserInput(`"first" must be between 1 and ${MAX_RUN_PAGE}`);
    for (const status of filter.status ?? []) {
      if (!STATUSES.includes(status as RunStatus)) throw badUserInput(`Unknown run status "${status}": use ${STATUSES.join(', ')}`);
    }
    if (filter.recordId != null && !isUuid(filter.recordId)) return { runs: [], hasMore: false };
    let entity = filter.entity ?? null;
    if (!(await this.canManage(ctx))) {
      if (filter.recordId == null) await requireCapability(this.store, ctx, 'manageMetadata');
      entity ??= await this.entityOfRecordRuns(ctx.workspace, filter.recordId!);
      if (entity === null) return { runs: [], hasMore: false };
      await this.assertReadable(ctx, entity, filter.recordId!);
    }
    const where = ['workspace = $1'];
    const values: unknown[] = [ctx.workspace];
    const add = (sql: string, value: unknown) => {
      values.push(value);
      where.push(sql.replace('?', `$${values.length}`));
    };
    if (filter.workflow != null) add('workflow = ?', filter.workflow);
    if (entity !== null) add('entity = ?', entity);
    if (filter.recordId != null) add('record_id = ?', filter.recordId);
    if (filter.status?.length) add('status = ANY(?::text[])', filter.status);
    if (filter.before != null) add('created_at < ?', filter.before);
    values.push(first + 1);
    const { rows } = await this.database.pool.query<RunListRow>(
      `SELECT ${RUN_COLUMNS} FROM "trellis"."workflow_run" WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $${values.length}`,
      values,
    );
    return { runs: await this.labelled(ctx, rows.slice(0, first).map(toRun)), hasMore: rows.length > first };
  }

  /** One run; null when there is none (or it is not one the caller may see). */
  async get(ctx: RequestContext, id: string): Promise<WorkflowRun | null> {
    if (!isUuid(id)) return null;
    const { rows } = await this.database.pool.query<RunListRow>(`SELECT ${RUN_COLUMNS} FROM "trellis"."workflow_run" WHERE workspace = $1 AND id = $2`, [
      ctx.workspace,
      id,
    ]);
    const row = rows[0];
    if (!row) return null;
    if (!(await this.canManage(ctx))) {
      if (!row.entity || !row.record_id) await requireCapability(this.store, ctx, 'manageMetadata');
      else await this.assertReadable(ctx, row.entity, row.record_id);
    }
    return (await this.labelled(ctx, [toRun(row)]))[0]!;
  }

  /** The runs with their records' display values, read as the caller (a record they may not read has none). */
  private async labelled(ctx: RequestContext, runs: WorkflowRun[]): Promise<WorkflowRun[]> {
    const labels = await recordLabels(this.records, ctx, runs);
    for (const run of runs) run.recordLabel = labels.get(`${run.entity}:${run.recordId}`) ?? null;
    return runs;
  }

  /** The run's step history, oldest first, with the labels of its definition snapshot. */
  async steps(runId: string): Promise<WorkflowStepRun[]> {
    const { rows } = await this.database.pool.query<{
      step_key: string;
      step_type: string;
      attempt: number;
      status: string;
      input: unknown;
      output: unknown;
      error: { message?: string } | null;
      started_at: Date;
      duration_ms: number;
      definition: WorkflowDefinition;
    }>(
      `SELECT s.step_key, s.step_type, s.attempt, s.status, s.input, s.output, s.error, s.started_at, s.duration_ms, r.definition
         FROM "trellis"."workflow_step_run" s JOIN "trellis"."workflow_run" r ON r.id = s.run_id
        WHERE s.run_id = $1 ORDER BY s.id`,
      [runId],
    );
    const labels = new Map<string, string | undefined>();
    if (rows[0]) for (const { step } of walkSteps(rows[0].definition.steps ?? [])) labels.set(step.key, (step as WorkflowStep).label);
    return rows.map((r) => ({
      key: r.step_key,
      type: r.step_type,
      label: labels.get(r.step_key) ?? null,
      attempt: r.attempt,
      status: r.status,
      input: r.input,
      output: r.output,
      error: r.error?.message ?? null,
      startedAt: r.started_at,
      durationMs: r.duration_ms,
    }));
  }

  async counts(ctx: RequestContext, workflow?: string | null): Promise<WorkflowRunCounts> {
    await requireCapability(this.store, ctx, 'manageMetadata');
    const { rows } = await this.database.pool.query<{ status: RunStatus; n: number }>(
      `SELECT status, count(*)::int AS n FROM "trellis"."workflow_run" WHERE workspace = $1 AND ($2::text IS NULL OR workflow = $2) GROUP BY status`,
      [ctx.workspace, workflow ?? null],
    );
    const counts: WorkflowRunCounts = { queued: 0, running: 0, waiting: 0, succeeded: 0, dead: 0, cancelled: 0 };
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  }

  async versions(ctx: RequestContext, workflow: string): Promise<WorkflowVersion[]> {
    await requireCapability(this.store, ctx, 'manageMetadata');
    return listWorkflowVersions(this.database.pool, ctx.workspace, workflow);
  }

  /** A dead or cancelled run goes back to the queue, from the step that failed (the steps that succeeded are kept). */
  async retry(ctx: RequestContext, id: string): Promise<WorkflowRun> {
    return this.transition(ctx, id, ['dead', 'cancelled'], `status = 'queued', attempts = 0, error = NULL, finished_at = NULL, run_at = $4`, 'retried');
  }

  /** A queued, waiting or dead run is cancelled: it will not run (again). */
  async cancel(ctx: RequestContext, id: string): Promise<WorkflowRun> {
    return this.transition(ctx, id, ['queued', 'waiting', 'dead'], `status = 'cancelled', finished_at = $4, locked_by = NULL, locked_until = NULL`, 'cancelled');
  }

  private async transition(ctx: RequestContext, id: string, from: RunStatus[], set: string, verb: string): Promise<WorkflowRun> {
    await requireCapability(this.store, ctx, 'manageMetadata');
    if (!isUuid(id)) throw notFound(`No workflow run with id ${id}`);
    const { rows } = await this.database.pool.query<RunListRow>(
      `UPDATE "trellis"."workflow_run" SET ${set} WHERE workspace = $1 AND id = $2 AND status = ANY($3::text[]) RETURNING ${RUN_COLUMNS}`,
      [ctx.workspace, id, from, this.options.clock()],
    );
    if (rows[0]) {
      if (verb === 'retried') await this.database.pool.query(`SELECT pg_notify('trellis_workflow', 'run')`);
      return toRun(rows[0]);
    }
    const { rows: found } = await this.database.pool.query<{ status: string }>(`SELECT status FROM "trellis"."workflow_run" WHERE workspace = $1 AND id = $2`, [
      ctx.workspace,
      id,
    ]);
    if (!found[0]) throw notFound(`No workflow run with id ${id}`);
    throw badUserInput(`This run is ${found[0].status}: only ${from.join(', ')} runs can be ${verb}.`);
  }

  private async canManage(ctx: RequestContext): Promise<boolean> {
    return (await accessOf(this.store, ctx)).manageMetadata;
  }

  private async entityOfRecordRuns(workspace: string, recordId: string): Promise<string | null> {
    const { rows } = await this.database.pool.query<{ entity: string }>(
      `SELECT entity FROM "trellis"."workflow_run" WHERE workspace = $1 AND record_id = $2 AND entity IS NOT NULL LIMIT 1`,
      [workspace, recordId],
    );
    return rows[0]?.entity ?? null;
  }

  /** NOT_FOUND unless the caller may read the record (the same answer as for a record that does not exist). */
  async assertReadable(ctx: RequestContext, entity: string, recordId: string): Promise<void> {
    const visible = await this.records.get(ctx, entity, recordId, { selection: { fields: [{ key: 'id', field: 'id' }] } });
    if (!visible) throw notFound(`No ${entity} record with id ${recordId}`);
  }
}

function toRun(row: RunListRow): WorkflowRun {
  return {
    id: row.id,
    workflow: row.workflow,
    workflowLabel: row.label,
    version: row.version,
    triggerType: row.trigger_type,
    entity: row.entity,
    recordId: row.record_id,
    status: row.status,
    error: row.error,
    attempts: row.attempts,
    depth: row.depth,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    runAt: row.status === 'queued' || row.status === 'waiting' ? row.run_at : null,
    actor: row.actor,
  };
}
