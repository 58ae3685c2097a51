/**
 * The engine's settings: from the environment (TRELLIS_WORKFLOW_*), overridable per app (tests use short
 * leases, fast backoff and polling, a controllable clock and fake step executors).
 */
import type { StepExecutor } from './step-executor.js';

export interface WorkflowOptions {
  /** Runs one instance executes at once (TRELLIS_WORKFLOW_CONCURRENCY, default 4). */
  concurrency: number;
  /** Runs of one workspace running at once over all instances (TRELLIS_WORKFLOW_WORKSPACE_CONCURRENCY, default 8). */
  workspaceConcurrency: number;
  /** Tries of a step that fails transiently before the run is dead-lettered (TRELLIS_WORKFLOW_MAX_ATTEMPTS, default 5). */
  maxAttempts: number;
  /** First retry delay; doubles each try, ±25 % jitter (TRELLIS_WORKFLOW_RETRY_BASE_MS, default 1000). */
  retryBaseMs: number;
  /** Longest retry delay (TRELLIS_WORKFLOW_RETRY_MAX_MS, default 1 hour). */
  retryMaxMs: number;
  /** How long a claimed run is a worker's without a heartbeat (TRELLIS_WORKFLOW_LEASE_MS, default 60000). */
  leaseMs: number;
  /** Poll for events, due runs, timers and crashed runs this often, in case a notification was missed (TRELLIS_WORKFLOW_POLL_MS, default 1000). */
  pollMs: number;
  /** Finished runs are kept this many days (TRELLIS_WORKFLOW_RUN_DAYS, default 30). */
  runDays: number;
  /** Time zone of cron and date-relative triggers that name none (TRELLIS_WORKFLOW_TIME_ZONE, default UTC). */
  timeZone: string;
  /** Start the dispatcher, workers and scheduler (TRELLIS_WORKFLOW_ENGINE=0 serves the API only). */
  enabled: boolean;
  /**
   * Requests one webhook URL accepts a minute (TRELLIS_WORKFLOW_WEBHOOK_RATE_LIMIT, default 600; 0 = no limit); more
   * get 429 with Retry-After. A wrong URL counts as a failed credential of the sender's IP (TRELLIS_AUTH_RATE_LIMIT).
   */
  webhookRateLimit: number;
  /** On shutdown, wait this long for running steps to finish before leaving them to lease expiry (default 10000). */
  shutdownGraceMs: number;
  /** Name of this instance in `locked_by` (default host:pid:random). */
  instanceId?: string;
  /** The engine's clock (default: the system clock). */
  clock: () => Date;
  /** Executors used instead of (or besides) the built-in ones, by type (tests). */
  executors: StepExecutor[];
  /** Random in [0, 1) for retry jitter (tests make it deterministic). */
  random: () => number;
}

export type WorkflowOptionsInput = Partial<WorkflowOptions>;

export const WORKFLOW_OPTIONS = Symbol('WORKFLOW_OPTIONS');

export function workflowOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): WorkflowOptions {
  const int = (name: string, fallback: number, min: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number ≥ ${min} (got "${raw}")`);
    return value;
  };
  return {
    concurrency: int('TRELLIS_WORKFLOW_CONCURRENCY', 4, 1),
    workspaceConcurrency: int('TRELLIS_WORKFLOW_WORKSPACE_CONCURRENCY', 8, 1),
    maxAttempts: int('TRELLIS_WORKFLOW_MAX_ATTEMPTS', 5, 1),
    retryBaseMs: int('TRELLIS_WORKFLOW_RETRY_BASE_MS', 1000, 1),
    retryMaxMs: int('TRELLIS_WORKFLOW_RETRY_MAX_MS', 60 * 60 * 1000, 1),
    leaseMs: int('TRELLIS_WORKFLOW_LEASE_MS', 60_000, 100),
    pollMs: int('TRELLIS_WORKFLOW_POLL_MS', 1000, 10),
    runDays: int('TRELLIS_WORKFLOW_RUN_DAYS', 30, 1),
    timeZone: env['TRELLIS_WORKFLOW_TIME_ZONE'] || 'UTC',
    enabled: env['TRELLIS_WORKFLOW_ENGINE'] !== '0',
    shutdownGraceMs: int('TRELLIS_WORKFLOW_SHUTDOWN_GRACE_MS', 10_000, 0),
    webhookRateLimit: int('TRELLIS_WORKFLOW_WEBHOOK_RATE_LIMIT', 600, 0),
    clock: () => new Date(),
    executors: [],
    random: Math.random,
  };
}

/** The delay before try `attempt + 1` after `attempt` failed tries: base·2^(attempt-1), ±25 %, capped. */
export function retryDelayMs(options: Pick<WorkflowOptions, 'retryBaseMs' | 'retryMaxMs' | 'random'>, attempt: number): number {
  const exponential = Math.min(options.retryMaxMs, options.retryBaseMs * 2 ** Math.max(0, attempt - 1));
  const jitter = 0.75 + options.random() * 0.5;
  return Math.max(1, Math.round(exponential * jitter));
}
