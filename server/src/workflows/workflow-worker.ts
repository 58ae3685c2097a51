/**
 * One instance's worker: keeps up to `concurrency` runs executing, claiming more whenever a slot frees up,
 * a run is announced (NOTIFY or this instance's dispatcher) or the poll ticks. A heartbeat extends the leases
 * of the runs it holds; a run whose lease was taken over is aborted here (its next commit would fail anyway).
 */
import { Logger } from '@nestjs/common';
import { DEFAULT_WORKSPACE } from '../common/request-context.js';
import type { DatabaseService } from '../database/database.service.js';
import { claimRuns, renewLeases, type RunRow } from './run-store.js';
import type { RunExecutor } from './run-executor.js';
import type { WorkflowOptions } from './workflow-options.js';

export class WorkflowWorker {
  private readonly logger = new Logger('WorkflowWorker');
  private readonly active = new Map<string, { token: string; abort: AbortController; done: Promise<void> }>();
  private claims = 0;
  private filling = false;
  private again = false;
  private stopped = false;
  private heartbeat?: NodeJS.Timeout;

  constructor(
    private readonly database: DatabaseService,
    private readonly executor: RunExecutor,
    private readonly options: WorkflowOptions,
    readonly me: string,
    private readonly workspaces: () => string[] = () => [DEFAULT_WORKSPACE],
  ) {}

  start(): void {
    const every = Math.max(50, Math.floor(this.options.leaseMs / 3));
    this.heartbeat = setInterval(() => void this.renew(), every);
    this.heartbeat.unref();
    this.wake();
  }

  /** Claims runs into the free slots (coalesces concurrent calls). */
  wake(): void {
    if (this.stopped) return;
    if (this.filling) {
      this.again = true;
      return;
    }
    this.filling = true;
    void this.fill()
      .catch((error: unknown) => this.logger.error(`claiming workflow runs failed: ${String(error)}`))
      .finally(() => {
        this.filling = false;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Runs this worker is executing. */
  get running(): number {
    return this.active.size;
  }

  private async fill(): Promise<void> {
    for (const workspace of this.workspaces()) {
      const room = this.options.concurrency - this.active.size;
      if (room <= 0 || this.stopped) return;
      const now = this.options.clock();
      const token = `${this.me}#${++this.claims}`;
      const runs = await claimRuns(this.database.pool, workspace, token, room, this.options.workspaceConcurrency, now, this.options.leaseMs);
      for (const run of runs) this.begin(run);
      if (runs.length === room) this.again = true; // there may be more
    }
  }

  private begin(run: RunRow): void {
    const abort = new AbortController();
    const done = this.executor
      .execute(run, abort.signal)
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error(`workflow run ${run.id} (${run.workflow}) failed in the engine: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`))
      .finally(() => {
        if (this.active.get(run.id)?.token === run.locked_by) this.active.delete(run.id);
        this.wake();
      });
    this.active.set(run.id, { token: run.locked_by!, abort, done });
  }

  private async renew(): Promise<void> {
    if (this.active.size === 0) return;
    try {
      const held = new Map([...this.active].map(([id, run]) => [id, run.token]));
      const lost = await renewLeases(this.database.pool, held, this.options.clock(), this.options.leaseMs);
      for (const id of lost) this.active.get(id)?.abort.abort(new Error('lease lost'));
    } catch (error) {
      this.logger.warn(`renewing workflow leases failed: ${String(error)}`);
    }
  }

  /** Stops claiming; aborts running runs after `graceMs` (they go back to the queue at their next step). */
  async stop(graceMs: number): Promise<void> {
    this.stopped = true;
    const running = [...this.active.values()];
    const all = Promise.all(running.map((r) => r.done));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    for (const r of running) r.abort.abort(new Error('shutting down'));
    await Promise.race([all, timedOut]);
    clearTimeout(timer);
    clearInterval(this.heartbeat);
  }

  /** Test hook: abort one held run as if its worker died (its lease is left to expire). */
  abandon(runId: string): void {
    this.active.get(runId)?.abort.abort(new Error('abandoned'));
  }
}
