/**
 * Shared pieces of the workflow engine's integration tests: a small CRM document, fast engine settings, a
 * controllable clock, and a fake `notify` executor whose behaviour is chosen by the step's title — it records
 * its effect in `public.wf_effect` through the step's own transaction, so tests count effects exactly — and a
 * server running the engine with them for a test file.
 */
import type { MetadataDocument, NotifyStep, WorkflowDefinition } from '@trellis/metadata';
import { renderTemplate } from '@trellis/runtime';
import type pg from 'pg';
import { withTestApp, type TestApp, type TestClient } from '../../testing/test-app.js';
import type { TestDatabase } from '../../testing/test-database.js';
import { TransientStepError, type StepExecution, type StepExecutor, type StepResult } from '../step-executor.js';
import type { WorkflowOptionsInput } from '../workflow-options.js';

export function crmWorkflowDocument(workflows: Record<string, WorkflowDefinition> = {}, roles: MetadataDocument['roles'] = REP_ROLE): MetadataDocument {
  return {
    roles,
    entities: {
      deal: {
        label: 'Deal',
        pluralLabel: 'Deals',
        plural: 'deals',
        fields: {
          title: { type: 'text', label: 'Title', required: true },
          stage: {
            type: 'select',
            label: 'Stage',
            options: [
              { value: 'new', label: 'New' },
              { value: 'won', label: 'Won' },
              { value: 'lost', label: 'Lost' },
            ],
          },
          amount: { type: 'integer', label: 'Amount' },
          closeDate: { type: 'date', label: 'Close date' },
        },
      },
      note: {
        label: 'Note',
        pluralLabel: 'Notes',
        plural: 'notes',
        fields: { text: { type: 'text', label: 'Text' } },
      },
    },
    workflows,
  };
}

/** A rep reads and changes the deals they own; no studio capability. */
export const REP_ROLE: MetadataDocument['roles'] = {
  rep: {
    label: 'Rep',
    entities: {
      deal: { read: { '==': [{ var: 'record.owner' }, { var: 'user.id' }] }, create: true, update: { '==': [{ var: 'record.owner' }, { var: 'user.id' }] } },
    },
  },
};

/** A notify step the fake executor interprets: `effect …`, `transient`, `transient-then-ok:N`, `hard`, `flaky`, `block`, `slow:MS`. */
export function fakeStep(key: string, title: string): NotifyStep {
  return { key, type: 'notify', recipients: { roles: ['admin'] }, title };
}

/** A controllable clock: real time plus an offset the test moves. */
export class TestClock {
  offsetMs = 0;
  readonly now = (): Date => new Date(Date.now() + this.offsetMs);
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export class FakeNotify implements StepExecutor<NotifyStep> {
  readonly type = 'notify' as const;
  /** `block` steps wait for this to be called. */
  private gates: (() => void)[] = [];
  private waiting: ((n: number) => void)[] = [];
  /** How many `block` steps are waiting. */
  blocked = 0;
  calls = 0;
  /** `flaky` steps fail (not transiently) while this is true. */
  broken = false;

  async execute(execution: StepExecution<NotifyStep>): Promise<StepResult> {
    this.calls++;
    const title = renderTemplate(execution.step.title, execution.context);
    const [command, arg] = title.split(':');
    if (command === 'transient') throw new TransientStepError('the service is unavailable (503)');
    if (command === 'transient-then-ok' && execution.attempt <= Number(arg)) throw new TransientStepError(`try ${execution.attempt} timed out`);
    if (command === 'hard' || (command === 'flaky' && this.broken)) throw new Error('the step is broken');
    if (command === 'block') {
      this.blocked++;
      this.waiting.forEach((w) => w(this.blocked));
      await new Promise<void>((resolve) => this.gates.push(resolve));
      this.blocked--;
    }
    if (command === 'slow') await new Promise((resolve) => setTimeout(resolve, Number(arg)));
    if (execution.dryRun) return { output: { count: 1 }, description: `Would note “${title}”` };
    await execution.client.query(`INSERT INTO public.wf_effect (run_id, step_key, note) VALUES ($1, $2, $3)`, [execution.runId, execution.step.key, title]);
    return { output: { count: 1, note: title }, input: { title }, description: `Noted “${title}”` };
  }

  /** Lets every blocked step go on. */
  release(): void {
    const gates = this.gates;
    this.gates = [];
    gates.forEach((g) => g());
  }

  /** Resolves once `n` steps are blocked. */
  async untilBlocked(n = 1, timeoutMs = 10_000): Promise<void> {
    if (this.blocked >= n) return;
    await waitFor(async () => this.blocked >= n, timeoutMs);
  }
}

export async function createEffectTable(pool: pg.Pool): Promise<void> {
  await pool.query(`CREATE TABLE IF NOT EXISTS public.wf_effect (id serial PRIMARY KEY, run_id text, step_key text, note text, at timestamptz DEFAULT clock_timestamp())`);
}

export async function effects(pool: pg.Pool, where = 'TRUE', values: unknown[] = []): Promise<{ run_id: string; step_key: string; note: string }[]> {
  const { rows } = await pool.query(`SELECT run_id, step_key, note FROM public.wf_effect WHERE ${where} ORDER BY id`, values);
  return rows;
}

/** Engine settings for tests: quick polls, short leases, fast retries without jitter. */
export function fastWorkflowOptions(overrides: WorkflowOptionsInput = {}): WorkflowOptionsInput {
  return { pollMs: 50, leaseMs: 1500, retryBaseMs: 20, retryMaxMs: 200, random: () => 0.5, shutdownGraceMs: 2000, ...overrides };
}

/** Polls `check` until it is truthy (returns its value) or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => Promise<T | false | null | undefined>, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export interface RunSummary {
  id: string;
  workflow: string;
  status: string;
  version: number;
  depth: number;
  attempts: number;
  trigger_type: string;
  record_id: string | null;
  error: { message: string; code?: string; stepKey?: string } | null;
  context: Record<string, any>;
}

export async function runsOf(pool: pg.Pool, workflow: string): Promise<RunSummary[]> {
  const { rows } = await pool.query<RunSummary>(
    `SELECT id::text, workflow, status, version, depth, attempts, trigger_type, record_id::text, error, context FROM "trellis"."workflow_run"
      WHERE workflow = $1 ORDER BY created_at, id`,
    [workflow],
  );
  return rows;
}

/** Waits until `workflow` has `count` runs, all finished (succeeded, dead or cancelled). */
export async function settledRuns(pool: pg.Pool, workflow: string, count: number, timeoutMs = 10_000): Promise<RunSummary[]> {
  return waitFor(
    async () => {
      const runs = await runsOf(pool, workflow);
      return runs.length >= count && runs.every((r) => ['succeeded', 'dead', 'cancelled'].includes(r.status)) ? runs : null;
    },
    timeoutMs,
    `${count} finished run(s) of ${workflow}`,
  );
}

export interface WorkflowAppSetup {
  notify: FakeNotify;
  clock: TestClock;
  /** Published on boot. */
  document?: MetadataDocument;
  /** Share a database (with another instance); default: a fresh one. */
  database?: TestDatabase;
  /** More engine settings, over `fastWorkflowOptions`. */
  workflows?: WorkflowOptionsInput;
}

/** Starts a server whose engine runs `notify` as its notify step, on `clock`, with the effect table. */
export async function startWorkflowApp({ notify, clock, document, database, workflows }: WorkflowAppSetup): Promise<TestApp> {
  const app = await withTestApp(document, { database, workflows: fastWorkflowOptions({ executors: [notify], clock: clock.now, ...workflows }) });
  await createEffectTable(app.pool);
  return app;
}

/** Publishes the CRM document with these workflows. */
export async function publishWorkflows(app: Pick<TestApp, 'publish'>, workflows: Record<string, WorkflowDefinition>): Promise<void> {
  await app.publish(crmWorkflowDocument(workflows));
}

/** Creates a deal through the generated API as `client`; its id. */
export async function createDeal(client: Pick<TestClient, 'graphql'>, data: Record<string, unknown>): Promise<string> {
  const r = await client.graphql<{ createDeal: { id: string } }>(`mutation($d: DealCreateInput!) { createDeal(data: $d) { id } }`, { d: data });
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data.createDeal.id;
}

export interface WorkflowTestServer {
  /** The server (there once the file's tests run). */
  readonly app: TestApp;
  readonly notify: FakeNotify;
  readonly clock: TestClock;
  publish(workflows: Record<string, WorkflowDefinition>): Promise<void>;
  /** Creates a deal as the admin, or as `client`. */
  createDeal(data: Record<string, unknown>, client?: Pick<TestClient, 'graphql'>): Promise<string>;
}

/** A test file's server on the CRM document (see `startWorkflowApp`): started before its tests, closed after them. */
export function workflowTestServer(): WorkflowTestServer {
  const notify = new FakeNotify();
  const clock = new TestClock();
  let started: TestApp | undefined;
  const server: WorkflowTestServer = {
    get app() {
      if (!started) throw new Error('the workflow test server starts before the tests');
      return started;
    },
    notify,
    clock,
    publish: (workflows) => publishWorkflows(server.app, workflows),
    createDeal: (data, client = server.app) => createDeal(client, data),
  };
  beforeAll(async () => {
    started = await startWorkflowApp({ notify, clock, document: crmWorkflowDocument() });
  });
  afterAll(async () => {
    notify.release();
    await started?.close();
  });
  return server;
}
