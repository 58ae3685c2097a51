/**
 * Executes one claimed run on the definition snapshot it started with. Each step runs in its own
 * transaction (step-transaction.ts) that also writes the step's `succeeded` history row and moves the run's
 * cursor — only while this worker still holds the lease — so a step's database effects commit exactly once:
 * a replayed run (crash, expired lease, retry) skips the steps that have a succeeded row and takes the same
 * `if` branches (their outcome is a step output too).
 *
 * A transient failure (TransientStepError, a deadlock…) re-queues the run with exponential backoff and jitter;
 * the last allowed try, or any other failure, dead-letters it with the error. `wait` releases the run until
 * its time (status `waiting`).
 */
import type { MetadataDocument, WorkflowStep } from '@trellis/metadata';
import { evaluateExpression, renderTemplate, type WorkflowContext } from '@trellis/runtime';
import type { DatabaseService } from '../database/database.service.js';
import type { MetadataStoreService } from '../metadata-store/metadata-store.service.js';
import { errorCode } from '../common/errors.js';
import { recordStepRun, succeededSteps, updateHeldRun, type RunError, type RunRow } from './run-store.js';
import { failedStepInput, type Queryable, type StepResult } from './step-executor.js';
import type { StepRegistry } from './step-registry.js';
import { inStepTransaction, isDuplicateStep, isTransient } from './step-transaction.js';
import { waitUntil } from './wait-until.js';
import { workflowActor } from './workflow-actor.js';
import { errorMessage } from './workflow-dispatcher.js';
import { retryDelayMs, type WorkflowOptions } from './workflow-options.js';

/** This worker no longer holds the run (its lease expired and another worker claimed it): stop, change nothing. */
export class LeaseLost extends Error {
  constructor(runId: string) {
    super(`The lease on workflow run ${runId} was lost`);
    this.name = 'LeaseLost';
  }
}

/** A step failure that is final, with a code for the run's error. */
class StepFailure extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

type Outcome = 'finished' | 'paused' | 'failed' | 'stopped';

interface RunState {
  row: RunRow;
  ctx: WorkflowContext;
  done: Map<string, unknown>;
  document: MetadataDocument;
  signal: AbortSignal;
}

export class RunExecutor {
  constructor(
    private readonly database: DatabaseService,
    private readonly store: MetadataStoreService,
    private readonly registry: StepRegistry,
    private readonly options: WorkflowOptions,
  ) {}

  /** Runs the steps not done yet; returns how the run left this worker (LeaseLost: it did not change it). */
  async execute(row: RunRow, signal: AbortSignal): Promise<Outcome> {
    // The cursor moves in the transaction of each succeeded step: none yet, nothing to skip.
    const done = row.cursor === null ? new Map<string, unknown>() : await succeededSteps(this.database.pool, row.id);
    const ctx: WorkflowContext = { ...row.context, steps: Object.fromEntries(done) };
    const document = (await this.store.current(row.workspace)).served;
    const state: RunState = { row, ctx, done, document, signal };
    try {
      const outcome = await this.walk(state, row.definition.steps);
      if (outcome === 'finished') {
        const now = this.options.clock();
        if (!(await updateHeldRun(this.database.pool, row.id, row.locked_by!, { status: 'succeeded', finished: now, error: null, attempts: 0 }))) throw new LeaseLost(row.id);
      }
      return outcome;
    } catch (error) {
      if (error instanceof LeaseLost) return 'stopped';
      throw error;
    }
  }

  private async walk(state: RunState, steps: readonly WorkflowStep[]): Promise<Outcome> {
    for (const step of steps) {
      if (state.signal.aborted) {
        // Shutting down (or the lease is gone): hand the run back to the queue for whoever is next.
        await updateHeldRun(this.database.pool, state.row.id, state.row.locked_by!, { status: 'queued', runAt: this.options.clock() });
        return 'stopped';
      }
      if (!state.done.has(step.key)) {
        const outcome = await this.runStep(state, step);
        if (outcome !== 'finished') return outcome;
      }
      if (step.type === 'if') {
        const taken = (state.done.get(step.key) as { result?: boolean } | null)?.result ? step.then : (step.else ?? []);
        const outcome = await this.walk(state, taken);
        if (outcome !== 'finished') return outcome;
      }
    }
    return 'finished';
  }

  private async runStep(state: RunState, step: WorkflowStep): Promise<Outcome> {
    const { row, ctx } = state;
    const attempt = row.attempts + 1;
    const startedAt = this.options.clock();
    const started = performance.now();
    ctx.now = startedAt.toISOString();
    try {
      if (step.type === 'if') {
        const result = Boolean(evaluateExpression(step.condition, ctx));
        await this.commit(state, step, attempt, startedAt, started, async () => ({ output: { result }, input: { condition: step.condition }, description: '' }));
        return 'finished';
      }
      if (step.type === 'wait') {
        const until = waitUntil(step, ctx, startedAt, this.options.timeZone);
        const pause = until > startedAt;
        await this.commit(state, step, attempt, startedAt, started, async () => ({ output: { until: until.toISOString() }, description: '' }), pause ? until : undefined);
        return pause ? 'paused' : 'finished';
      }
      if (step.type === 'failWithMessage') throw new StepFailure(renderTemplate(step.message, ctx), 'FAILED');
      const executor = this.registry.get(step.type);
      if (!executor) throw new StepFailure(`No executor for step type "${step.type}" (step "${step.key}"): is its plugin installed?`, 'NO_EXECUTOR');
      const execution = (client: Queryable) =>
        executor.execute({
          step,
          workflowName: row.workflow,
          workflow: row.definition,
          document: state.document,
          entity: row.entity,
          context: ctx,
          actor: workflowActor(row.workspace, row.workflow, row.definition),
          client,
          runId: row.id,
          idempotencyKey: `${row.id}:${step.key}`,
          attempt,
          signal: state.signal,
          dryRun: false,
        });
      if (executor.external) {
        // The outside call first, holding no connection; the short transaction then records it.
        const result = await execution(this.database.pool);
        await this.commit(state, step, attempt, startedAt, started, async () => result);
      } else {
        await this.commit(state, step, attempt, startedAt, started, execution);
      }
      return 'finished';
    } catch (error) {
      if (error instanceof LeaseLost || isDuplicateStep(error)) throw new LeaseLost(row.id);
      if (state.signal.aborted) {
        // Interrupted by shutdown or a lost lease, not failed: the step rolled back; whoever runs it next retries it.
        await updateHeldRun(this.database.pool, row.id, row.locked_by!, { status: 'queued', runAt: this.options.clock() });
        return 'stopped';
      }
      await this.fail(state, step, attempt, startedAt, performance.now() - started, error);
      return 'failed';
    }
  }

  /**
   * One step's transaction: its work, its succeeded row, the run's cursor (and refreshed record) — or nothing
   * when the lease is gone. `waitUntil`: the run then waits (released) until that instant.
   */
  private async commit(
    state: RunState,
    step: WorkflowStep,
    attempt: number,
    startedAt: Date,
    started: number,
    work: (client: import('pg').PoolClient) => Promise<StepResult>,
    waitUntil?: Date,
  ): Promise<void> {
    const { row, ctx } = state;
    const output = await inStepTransaction(this.database, { workflow: row.workflow, depth: row.depth, chain: row.chain }, async (client) => {
      const result = await work(client);
      const output = result.output ?? null;
      const record = result.record ?? null;
      const { steps: _steps, ...context } = ctx;
      const stepRun = { runId: row.id, stepKey: step.key, stepType: step.type, attempt, status: 'succeeded' as const, input: result.input ?? null, output, error: null, startedAt, durationMs: performance.now() - started };
      const held = await recordStepRun(client, row.locked_by!, stepRun, {
        cursor: step.key,
        attempts: 0,
        ...(record ? { context: { ...context, record } } : {}),
        // Holding on: the lease is the heartbeat's business (an unchanged locked_until keeps this update cheap — no index touched).
        ...(waitUntil ? { status: 'waiting' as const, runAt: waitUntil } : { leaseUntil: 'keep' as const }),
      });
      if (!held) throw new LeaseLost(row.id);
      if (record) ctx.record = record;
      return output;
    });
    state.done.set(step.key, output);
    ctx.steps[step.key] = output;
    row.attempts = 0;
  }

  /** Records the failed try; re-queues the run with backoff, or dead-letters it. */
  private async fail(state: RunState, step: WorkflowStep, attempt: number, startedAt: Date, durationMs: number, error: unknown): Promise<void> {
    const { row } = state;
    const transient = isTransient(error);
    const retry = transient && attempt < this.options.maxAttempts;
    const now = this.options.clock();
    const message = errorMessage(error);
    const runError: RunError = {
      message: transient && !retry ? `${message} (gave up after ${attempt} tries)` : message,
      stepKey: step.key,
      code: error instanceof StepFailure ? error.code : transient ? 'TRANSIENT' : (errorCode(error) ?? 'STEP_FAILED'),
    };
    const stepRun = { runId: row.id, stepKey: step.key, stepType: step.type, attempt, status: 'failed' as const, input: failedStepInput(error), output: null, error: { message, code: runError.code }, startedAt, durationMs };
    const held = await recordStepRun(this.database.pool, row.locked_by!, stepRun, {
      attempts: attempt,
      error: runError,
      ...(retry ? { status: 'queued' as const, runAt: new Date(now.getTime() + retryDelayMs(this.options, attempt)) } : { status: 'dead' as const, finished: now }),
    });
    if (!held) throw new LeaseLost(row.id);
  }
}
