/**
 * What a workflow step type does, as the engine calls it. The engine owns the run (order, `if`, `wait`,
 * retries, history); an executor does one step's work inside the transaction the engine opened for it, so
 * the step's database effects and its "succeeded" history row commit together: a retried run never repeats
 * a step that committed.
 */
import type { MetadataDocument, WorkflowDefinition, WorkflowStep } from '@trellis/metadata';
import type { WorkflowContext } from '@trellis/runtime';
import type pg from 'pg';

/** What steps query with: a transaction's client or the pool. */
export type Queryable = Pick<pg.ClientBase, 'query'>;
import type { RequestContext } from '../common/request-context.js';

export interface StepExecution<S extends WorkflowStep = WorkflowStep> {
  step: S;
  workflowName: string;
  workflow: WorkflowDefinition;
  /** The published document the run executes against. */
  document: MetadataDocument;
  /** The trigger's entity (null for scheduled/webhook workflows). */
  entity: string | null;
  /** Expressions and templates are evaluated over this (record = the trigger record as of the run's start, refreshed after updateRecord). */
  context: WorkflowContext;
  /** The workflow actor: kind 'workflow', id = workflow name, roles = [runAs]. Use it for every record read/write. */
  actor: RequestContext;
  /**
   * A client inside the step's transaction (trellis.actor/source/workflow_depth/workflow_chain already set); for an
   * `external` executor, the pool (no transaction is held while it waits on the outside world).
   */
  client: Queryable;
  runId: string;
  /** `<runId>:<stepKey>`: send it with external effects (Idempotency-Key) so a retry is recognisable. */
  idempotencyKey: string;
  /** 1 for the first try. */
  attempt: number;
  /** Aborted when the run's lease is lost or the server shuts down. */
  signal: AbortSignal;
  /** Test run: do not write or send anything; describe what would happen. */
  dryRun: boolean;
}

export interface StepResult {
  /** Stored as the step's output and visible to later steps as `steps.<key>`. */
  output: unknown;
  /** The evaluated input (values after expressions, rendered templates): stored in the run history. */
  input?: unknown;
  /** One line for people, e.g. "Created task “Follow up” for Alice, due 26 Nov 2026" (dry run: "Would create …"). */
  description: string;
  /** updateRecord: the trigger record's values after the step (the engine refreshes context.record). */
  record?: Record<string, unknown>;
}

export interface StepExecutor<S extends WorkflowStep = WorkflowStep> {
  type: S['type'];
  /**
   * Its work is outside the database (an HTTP call, a plugin action): it runs before the step's transaction opens,
   * which then only records its result, so no pool connection is held while it waits. A crash in between repeats
   * the call on retry, as any failure after the call would: send `idempotencyKey` along.
   */
  readonly external?: boolean;
  execute(execution: StepExecution<S>): Promise<StepResult>;
}

/** A fault worth retrying (timeout, network error, HTTP 408/429/5xx, a deadlock): the run is retried with backoff. */
export class TransientStepError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransientStepError';
  }
}

/** Executors by step type; steps/steps.module.ts registers the built-in ones, plugins add `pluginAction` actions. */
export const STEP_EXECUTORS = Symbol('STEP_EXECUTORS');

const STEP_INPUT = Symbol('trellis.stepInput');

/**
 * Runs the part of a step that may fail once its input is known (the call, the write), so that a failed try's
 * history shows what the step was given, not only why it failed.
 */
export async function withStepInput<T>(input: unknown, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (typeof error === 'object' && error !== null && !(STEP_INPUT in error)) Object.defineProperty(error, STEP_INPUT, { value: input });
    throw error;
  }
}

/** The input a failed step had reached (see `withStepInput`; also when the error was wrapped, through `cause`), or null. */
export function failedStepInput(error: unknown): unknown {
  for (let at = error, depth = 0; typeof at === 'object' && at !== null && depth < 5; at = (at as { cause?: unknown }).cause, depth++) {
    if (STEP_INPUT in at) return (at as Record<symbol, unknown>)[STEP_INPUT] ?? null;
  }
  return null;
}
