/**
 * The transaction a workflow step runs in: the workflow actor and the run's depth and chain are set as
 * transaction-local settings, so the record history says "workflow:<name>" and the outbox trigger carries
 * the depth and chain into the events this step's writes cause (the loop guard reads them).
 */
import type pg from 'pg';
import type { DatabaseService } from '../database/database.service.js';
import { inPoolTransaction } from '../database/pool-transaction.js';
import { quoteLiteral } from '../records/sql.js';

export interface StepSession {
  workflow: string;
  depth: number;
  chain: readonly string[];
}

/** Runs `work` in one transaction with the step session set (BEGIN and the settings in one round trip). */
export async function inStepTransaction<T>(database: DatabaseService, session: StepSession, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return inPoolTransaction(database.pool, work, stepSessionSql(session));
}

/** The settings as literals (names are validated camelCase identifiers; quoted all the same). */
function stepSessionSql(session: StepSession): string {
  return (
    `SELECT set_config('trellis.actor', ${quoteLiteral(`workflow:${session.workflow}`)}, true), set_config('trellis.source', 'workflow', true), ` +
    `set_config('trellis.workflow_depth', ${quoteLiteral(String(session.depth))}, true), set_config('trellis.workflow_chain', ${quoteLiteral(session.chain.join(','))}, true)`
  );
}

export async function setStepSession(client: Pick<pg.ClientBase, 'query'>, session: StepSession): Promise<void> {
  await client.query(
    `SELECT set_config('trellis.actor', $1, true), set_config('trellis.source', 'workflow', true),
            set_config('trellis.workflow_depth', $2, true), set_config('trellis.workflow_chain', $3, true)`,
    [`workflow:${session.workflow}`, String(session.depth), session.chain.join(',')],
  );
}

/** Whether a failure is worth retrying: a TransientStepError, or a database fault that goes away (deadlock, serialization, connection). */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'TransientStepError') return true;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code === '40001' || code === '40P01' || code === '55P03' || code.startsWith('08') || code === '57P01');
}

/** The step's succeeded row already exists: another worker committed it (this worker's lease had expired). */
export function isDuplicateStep(error: unknown): boolean {
  return (error as { code?: unknown; constraint?: unknown } | null)?.code === '23505' && (error as { constraint?: unknown }).constraint === 'workflow_step_run_once';
}
