/**
 * The run queue's SQL: creating runs (idempotently, by trigger key), claiming due runs under a lease,
 * and the state changes of a claimed run. Every change of a claimed run is conditional on the lease still
 * being this worker's (`locked_by`): a worker whose lease expired and was claimed again changes nothing.
 */
import type { WorkflowDefinition } from '@trellis/metadata';
import type { WorkflowContext } from '@trellis/runtime';
import type pg from 'pg';
import { inPoolTransaction } from '../database/pool-transaction.js';
import { quoteLiteral } from '../records/sql.js';

type Queryable = Pick<pg.ClientBase, 'query'>;

export type RunStatus = 'queued' | 'running' | 'waiting' | 'succeeded' | 'dead' | 'cancelled';

export interface RunError {
  message: string;
  stepKey?: string;
  code?: string;
}

/** What a run starts from; `context.steps` is always empty (outputs live in the step runs). */
export interface NewRun {
  workspace: string;
  workflow: string;
  version: number;
  definition: WorkflowDefinition;
  triggerType: string;
  entity: string | null;
  recordId: string | null;
  /** Unique per workflow: the same trigger (an event, a cron tick, a timer) never makes two runs. */
  triggerKey: string;
  context: WorkflowContext;
  depth: number;
  chain: string[];
  actor: string | null;
  /** Default queued; `dead` for a run stopped before it started (loop guard). */
  status?: 'queued' | 'dead';
  error?: RunError;
  runAt: Date;
}

export interface RunRow {
  id: string;
  workspace: string;
  workflow: string;
  version: number;
  definition: WorkflowDefinition;
  trigger_type: string;
  entity: string | null;
  record_id: string | null;
  trigger_key: string;
  context: WorkflowContext;
  cursor: string | null;
  status: RunStatus;
  depth: number;
  chain: string[];
  attempts: number;
  run_at: Date;
  locked_by: string | null;
  locked_until: Date | null;
  error: RunError | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  actor: string | null;
}

/** Inserts the runs whose trigger key is new; returns the ids of those inserted (by trigger key). */
export async function insertRuns(client: Queryable, runs: readonly NewRun[], now: Date): Promise<Map<string, string>> {
  if (runs.length === 0) return new Map();
  const rows = runs.map((r) => ({
    workspace: r.workspace,
    workflow: r.workflow,
    version: r.version,
    definition: r.definition,
    trigger_type: r.triggerType,
    entity: r.entity,
    record_id: r.recordId,
    trigger_key: r.triggerKey,
    context: { ...r.context, steps: {} },
    status: r.status ?? 'queued',
    depth: r.depth,
    chain: r.chain,
    run_at: r.runAt.toISOString(),
    error: r.error ?? null,
    actor: r.actor,
    finished_at: r.status === 'dead' ? now.toISOString() : null,
  }));
  const { rows: inserted } = await client.query<{ id: string; workflow: string; trigger_key: string }>(
    `INSERT INTO "trellis"."workflow_run"
       (workspace, workflow, version, definition, trigger_type, entity, record_id, trigger_key, context, status, depth, chain, run_at, error, actor, finished_at)
     SELECT workspace, workflow, version, definition, trigger_type, entity, record_id, trigger_key, context, status, depth, chain, run_at, error, actor, finished_at
       FROM jsonb_to_recordset($1::jsonb) AS x(workspace text, workflow text, version int, definition jsonb, trigger_type text, entity text,
            record_id uuid, trigger_key text, context jsonb, status text, depth int, chain text[], run_at timestamptz, error jsonb, actor text, finished_at timestamptz)
     ON CONFLICT (workspace, workflow, trigger_key) DO NOTHING
     RETURNING id::text, workflow, trigger_key`,
    [JSON.stringify(rows)],
  );
  return new Map(inserted.map((r) => [`${r.workflow}\u0000${r.trigger_key}`, r.id]));
}

export const runKey = (workflow: string, triggerKey: string): string => `${workflow}\u0000${triggerKey}`;

/**
 * Claims up to `room` due runs of `workspace` under claim token `me` (unique per claim, so a run claimed
 * again — even by the same instance — is told apart from the stale execution), within the workspace's
 * concurrency limit over all instances. Runs whose lease expired (their worker crashed or hung) are put back
 * in the queue, for the next claim. One transaction of two round trips (claims are frequent).
 */
export async function claimRuns(
  pool: pg.Pool,
  workspace: string,
  me: string,
  room: number,
  workspaceLimit: number,
  now: Date,
  leaseMs: number,
): Promise<RunRow[]> {
  // Claims of one workspace take turns, so the count of running runs cannot change under a claim.
  const lock = `SELECT pg_advisory_xact_lock(hashtextextended(${quoteLiteral(`trellis.workflow-claim:${workspace}`)}, 0))`;
  return inPoolTransaction(
    pool,
    async (client) => {
      const { rows } = await client.query<RunRow>(
        `WITH requeued AS (
           UPDATE "trellis"."workflow_run" SET status = 'queued', locked_by = NULL, locked_until = NULL
            WHERE workspace = $1 AND status = 'running' AND locked_until <= $2 RETURNING id),
         picked AS (
           SELECT id FROM "trellis"."workflow_run"
            WHERE workspace = $1 AND status IN ('queued', 'waiting') AND run_at <= $2
            ORDER BY run_at, created_at
            LIMIT greatest(0, least($3::int, $6::int - (SELECT count(*)::int FROM "trellis"."workflow_run"
                                                         WHERE workspace = $1 AND status = 'running' AND locked_until > $2)))
            FOR UPDATE SKIP LOCKED)
         UPDATE "trellis"."workflow_run" r
            SET status = 'running', locked_by = $4, locked_until = $2::timestamptz + make_interval(secs => $5::double precision / 1000),
                started_at = coalesce(r.started_at, $2)
           FROM picked WHERE r.id = picked.id
         RETURNING r.id::text, r.workspace, r.workflow, r.version, r.definition, r.trigger_type, r.entity, r.record_id::text, r.trigger_key, r.context,
                   r.cursor, r.status, r.depth, r.chain, r.attempts, r.run_at, r.locked_by, r.locked_until, r.error, r.created_at, r.started_at,
                   r.finished_at, r.actor`,
        [workspace, now, room, me, leaseMs, workspaceLimit],
      );
      return rows;
    },
    lock,
  );
}

/** Extends the leases of held runs (id → claim token); returns the ids that are no longer held. */
export async function renewLeases(client: Queryable, held: ReadonlyMap<string, string>, now: Date, leaseMs: number): Promise<string[]> {
  if (held.size === 0) return [];
  const ids = [...held.keys()];
  const { rows } = await client.query<{ id: string }>(
    `UPDATE "trellis"."workflow_run" r SET locked_until = $3::timestamptz + make_interval(secs => $4::double precision / 1000)
       FROM unnest($1::uuid[], $2::text[]) AS h(id, token)
      WHERE r.id = h.id AND r.locked_by = h.token AND r.status = 'running' RETURNING r.id::text`,
    [ids, ids.map((id) => held.get(id)), now, leaseMs],
  );
  const kept = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !kept.has(id));
}

/** Outputs of the steps that committed, by step key. */
export async function succeededSteps(client: Queryable, runId: string): Promise<Map<string, unknown>> {
  const { rows } = await client.query<{ step_key: string; output: unknown }>(
    `SELECT step_key, output FROM "trellis"."workflow_step_run" WHERE run_id = $1 AND status = 'succeeded'`,
    [runId],
  );
  return new Map(rows.map((r) => [r.step_key, r.output]));
}

export interface StepRunRecord {
  runId: string;
  stepKey: string;
  stepType: string;
  attempt: number;
  status: 'succeeded' | 'failed';
  input: unknown;
  output: unknown;
  error: RunError | null;
  startedAt: Date;
  durationMs: number;
}

export interface HeldRunChange {
  status?: RunStatus;
  cursor?: string | null;
  attempts?: number;
  runAt?: Date;
  error?: RunError | null;
  /** The run's context without `steps` (written when the trigger record was refreshed). */
  context?: unknown;
  finished?: Date;
  /** Keep holding the run: `keep` the lease as it is (the heartbeat extends it) or extend it to this instant; absent: release it. */
  leaseUntil?: Date | 'keep';
}

/** `UPDATE … SET … WHERE` the run is still held under claim token `$2` (values start with runId, token). */
function heldRunUpdate(runId: string, me: string, change: HeldRunChange): { sql: string; values: unknown[] } {
  const sets: string[] = [];
  const values: unknown[] = [runId, me];
  const set = (column: string, value: unknown, cast = '') => {
    values.push(value);
    sets.push(`${column} = $${values.length}${cast}`);
  };
  if (change.status) set('status', change.status);
  if (change.cursor !== undefined) set('cursor', change.cursor);
  if (change.attempts !== undefined) set('attempts', change.attempts);
  if (change.runAt) set('run_at', change.runAt);
  if (change.error !== undefined) set('error', jsonOrNull(change.error), '::jsonb');
  if (change.context !== undefined) set('context', JSON.stringify(change.context), '::jsonb');
  if (change.finished) set('finished_at', change.finished);
  if (change.leaseUntil instanceof Date) set('locked_until', change.leaseUntil);
  else if (change.leaseUntil !== 'keep') sets.push('locked_by = NULL', 'locked_until = NULL');
  return { sql: `UPDATE "trellis"."workflow_run" SET ${sets.join(', ')} WHERE id = $1 AND locked_by = $2 AND status = 'running'`, values };
}

/** Changes a run held under claim token `me`; false when that lease is gone (the change is not made). */
export async function updateHeldRun(client: Queryable, runId: string, me: string, change: HeldRunChange): Promise<boolean> {
  const { sql, values } = heldRunUpdate(runId, me, change);
  const { rowCount } = await client.query(sql, values);
  return rowCount === 1;
}

/**
 * Records one step try and changes the run, in one statement — only while the run is still held under
 * `me` (false otherwise: nothing is written). A second `succeeded` row of a step violates
 * workflow_step_run_once: another worker committed it first.
 */
export async function recordStepRun(client: Queryable, me: string, step: StepRunRecord, change: HeldRunChange): Promise<boolean> {
  const { sql, values } = heldRunUpdate(step.runId, me, change);
  const at = values.length;
  values.push(step.stepKey, step.stepType, step.attempt, step.status, jsonOrNull(step.input), jsonOrNull(step.output), jsonOrNull(step.error), step.startedAt, Math.round(step.durationMs));
  const { rowCount } = await client.query(
    `WITH held AS (${sql} RETURNING id)
     INSERT INTO "trellis"."workflow_step_run" (run_id, step_key, step_type, attempt, status, input, output, error, started_at, duration_ms)
     SELECT held.id, $${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}::jsonb, $${at + 6}::jsonb, $${at + 7}::jsonb, $${at + 8}, $${at + 9} FROM held`,
    values,
  );
  return rowCount === 1;
}

const jsonOrNull = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));
