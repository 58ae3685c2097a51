/**
 * Two server instances on one database share the engine's work without doing anything twice: outbox
 * events, cron ticks and date-relative timers each become exactly one run; the per-workspace concurrency
 * limit holds across both; a run left behind by an instance that stops mid-step is finished by the other.
 */
import { jest } from '@jest/globals';
import type { WorkflowDefinition } from '@trellis/metadata';
import type { TestApp } from '../testing/test-app.js';
import { startTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { FakeNotify, TestClock, crmWorkflowDocument, effects, fakeStep, publishWorkflows, runsOf, settledRuns, startWorkflowApp, waitFor } from './testing/workflow-test-kit.js';

jest.setTimeout(120_000);

let db: TestDatabase;
let a: TestApp;
let b: TestApp;
const notifyA = new FakeNotify();
const notifyB = new FakeNotify();
const clock = new TestClock();
const DAY = 24 * 3600_000;

beforeAll(async () => {
  db = await startTestDatabase();
  const workflows = (instanceId: string) => ({ concurrency: 4, workspaceConcurrency: 3, instanceId });
  a = await startWorkflowApp({ notify: notifyA, clock, document: crmWorkflowDocument(), database: db, workflows: workflows('instance-a') });
  b = await startWorkflowApp({ notify: notifyB, clock, database: db, workflows: workflows('instance-b') });
});

afterAll(async () => {
  notifyA.release();
  notifyB.release();
  await a?.close();
  await b?.close();
  await db?.stop();
});

const publish = (workflows: Record<string, WorkflowDefinition>) => publishWorkflows(a, workflows);

async function createDeals(n: number, data: (i: number) => Record<string, unknown>): Promise<string[]> {
  const r = await a.graphql<{ createDeals: { id: string }[] }>(`mutation($d: [DealCreateInput!]!) { createDeals(data: $d) { id } }`, {
    d: Array.from({ length: n }, (_, i) => data(i)),
  });
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data.createDeals.map((d) => d.id);
}

it('turns each outbox event into exactly one run', async () => {
  await publish({ onCreate: { label: 'On create', trigger: { type: 'recordCreated', entity: 'deal' }, steps: [fakeStep('note', 'effect {{record.title}}')] } });
  // Writes through both instances.
  await createDeals(60, (i) => ({ title: `A${i}` }));
  await b.graphql(`mutation { createDeals(data: [${Array.from({ length: 40 }, (_, i) => `{ title: "B${i}" }`).join(', ')}]) { id } }`);
  const runs = await settledRuns(db.pool, 'onCreate', 100, 20_000);
  expect(runs).toHaveLength(100);
  expect(new Set(runs.map((r) => r.record_id)).size).toBe(100);
  const notes = (await effects(db.pool, 'run_id = ANY($1)', [runs.map((r) => r.id)])).map((e) => e.note);
  expect(notes).toHaveLength(100);
  expect(new Set(notes).size).toBe(100);
});

it('fires each cron tick once, whichever instance sees it first', async () => {
  await publish({ tick: { label: 'Tick', trigger: { type: 'scheduled', cron: '* * * * * *' }, steps: [fakeStep('note', 'effect tick')] } });
  await new Promise((resolve) => setTimeout(resolve, 3500));
  await publish({});
  const runs = await waitFor(async () => {
    const all = await runsOf(db.pool, 'tick');
    return all.every((r) => r.status === 'succeeded') ? all : null;
  });
  const { rows } = await db.pool.query<{ trigger_key: string }>(`SELECT trigger_key FROM "trellis"."workflow_run" WHERE workflow = 'tick' ORDER BY trigger_key`);
  const ticks = rows.map((r) => Date.parse(r.trigger_key.slice('cron:'.length)));
  expect(ticks.length).toBeGreaterThanOrEqual(2);
  // One run per tick: no tick twice (ticks are whole seconds apart; under heavy load one may be skipped, never doubled).
  ticks.slice(1).forEach((t, i) => expect((t - ticks[i]!) % 1000 === 0 && t - ticks[i]! >= 1000).toBe(true));
  expect(ticks.length).toBeGreaterThanOrEqual(3);
  expect(await effects(db.pool, 'run_id = ANY($1)', [runs.map((r) => r.id)])).toHaveLength(runs.length);
});

it('fires each date-relative timer once when both instances reach its time', async () => {
  await publish({});
  const dateIn = (days: number) => new Date(clock.now().getTime() + days * DAY).toISOString().slice(0, 10);
  const ids = await createDeals(40, (i) => ({ title: `T${i}`, closeDate: dateIn(5 + (i % 3)) }));
  await publish({
    soon: {
      label: 'Soon',
      trigger: { type: 'dateRelative', entity: 'deal', field: 'closeDate', offset: { amount: 1, unit: 'days' }, direction: 'before' },
      steps: [fakeStep('note', 'effect soon {{record.title}}')],
    },
  });
  expect((await db.pool.query(`SELECT count(*)::int AS n FROM "trellis"."workflow_timer" WHERE workflow = 'soon'`)).rows[0].n).toBe(40);
  clock.advance(10 * DAY);
  const runs = await settledRuns(db.pool, 'soon', 40, 20_000);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(await runsOf(db.pool, 'soon')).toHaveLength(40);
  expect(new Set(runs.map((r) => r.record_id))).toEqual(new Set(ids));
  expect(await effects(db.pool, 'run_id = ANY($1)', [runs.map((r) => r.id)])).toHaveLength(40);
});

it('keeps the per-workspace concurrency limit across instances', async () => {
  await publish({ hold: { label: 'Hold', trigger: { type: 'recordCreated', entity: 'deal' }, steps: [fakeStep('wait', 'block'), fakeStep('note', 'effect held')] } });
  await createDeals(8, (i) => ({ title: `H${i}` }));
  await waitFor(async () => notifyA.blocked + notifyB.blocked === 3, 10_000, '3 blocked steps');
  await new Promise((resolve) => setTimeout(resolve, 400)); // both instances poll meanwhile: nobody takes a 4th
  expect(notifyA.blocked + notifyB.blocked).toBe(3);
  expect((await db.pool.query(`SELECT count(*)::int AS n FROM "trellis"."workflow_run" WHERE workflow = 'hold' AND status = 'running'`)).rows[0].n).toBe(3);
  const done = settledRuns(db.pool, 'hold', 8, 20_000);
  const releasing = setInterval(() => {
    notifyA.release();
    notifyB.release();
  }, 50);
  try {
    await done;
  } finally {
    clearInterval(releasing);
  }
  expect(await effects(db.pool, `note = 'effect held'`)).toHaveLength(8);
});

it('finishes, exactly once, a run whose instance shut down in the middle of it', async () => {
  await publish({ long: { label: 'Long', trigger: { type: 'manual', entity: 'deal' }, steps: [fakeStep('one', 'effect one'), fakeStep('two', 'slow:400'), fakeStep('three', 'effect three')] } });
  const [id] = await createDeals(1, () => ({ title: 'Long' }));
  const started = await a.metadata<{ runWorkflow: { id: string } }>(`mutation($id: ID) { runWorkflow(workflow: "long", recordId: $id) { id } }`, { id });
  const runId = started.data!.runWorkflow.id;
  await waitFor(async () => (await effects(db.pool, 'run_id = $1', [runId])).length === 1, 5000, 'step one');
  // A shuts down mid-run: if A holds the run, it goes back to the queue after the step in flight and B finishes it.
  await a.close();
  const [run] = await settledRuns(db.pool, 'long', 1, 20_000);
  expect(run!.status).toBe('succeeded');
  expect((await effects(db.pool, 'run_id = $1', [runId])).map((e) => e.step_key)).toEqual(['one', 'two', 'three']);
});
