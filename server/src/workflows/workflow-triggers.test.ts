/**
 * Every trigger type end to end on a real server and Postgres: record created / updated / deleted, field
 * changed (with `previous`), condition, manual (mutation and buttons), inbound webhook, cron and
 * date-relative timers (with a controllable clock), and versions (a run finishes on the version it started with).
 */
import { jest } from '@jest/globals';
import type { WorkflowDefinition } from '@trellis/metadata';
import type { TestApp } from '../testing/test-app.js';
import { crmWorkflowDocument, effects, fakeStep, runsOf, settledRuns, waitFor, workflowTestServer } from './testing/workflow-test-kit.js';

jest.setTimeout(120_000);

const server = workflowTestServer();
const { notify, clock, publish, createDeal } = server;
let app: TestApp;
beforeAll(() => (app = server.app));

async function updateDeal(id: string, data: Record<string, unknown>): Promise<void> {
  const r = await app.graphql(`mutation($id: ID!, $d: DealUpdateInput!) { updateDeal(id: $id, data: $d) { id } }`, { id, d: data });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
}

describe('record triggers', () => {
  it('runs created / updated / deleted workflows with the record, previous and user in the context', async () => {
    await publish({
      onCreate: { label: 'On create', trigger: { type: 'recordCreated', entity: 'deal' }, steps: [fakeStep('note', 'effect created {{record.title}} by {{user.name}}')] },
      onUpdate: { label: 'On update', trigger: { type: 'recordUpdated', entity: 'deal' }, steps: [fakeStep('note', 'effect {{previous.amount}}→{{record.amount}}')] },
      onDelete: { label: 'On delete', trigger: { type: 'recordDeleted', entity: 'deal' }, steps: [fakeStep('note', 'effect deleted {{record.title}}')] },
    });
    const id = await createDeal({ title: 'Alpha', amount: 10 });
    await updateDeal(id, { amount: 20 });
    const deleted = await app.graphql(`mutation($id: ID!) { deleteDeal(id: $id) { id } }`, { id });
    expect(deleted.errors).toBeUndefined();
    const [created] = await settledRuns(app.pool, 'onCreate', 1);
    const [updated] = await settledRuns(app.pool, 'onUpdate', 1);
    const [gone] = await settledRuns(app.pool, 'onDelete', 1);
    for (const run of [created!, updated!, gone!]) expect(run).toMatchObject({ status: 'succeeded', record_id: id, depth: 1, version: 1 });
    // The three runs may execute in any order (concurrently).
    const notes = (await effects(app.pool, 'run_id = ANY($1)', [[created!.id, updated!.id, gone!.id]])).map((e) => e.note);
    expect(notes.sort()).toEqual(['effect 10→20', 'effect created Alpha by Test Admin', 'effect deleted Alpha']);
    expect(updated!.context).toMatchObject({ record: { amount: 20, title: 'Alpha' }, previous: { amount: 10 }, user: { name: 'Test Admin', kind: 'user' } });
    expect(gone!.context).toMatchObject({ record: { title: 'Alpha', amount: 20 }, previous: null });
  });

  it('runs a field-changed workflow only when a listed field changes, and only when its condition holds', async () => {
    await publish({
      wonDeal: {
        label: 'Won deal',
        trigger: { type: 'fieldChanged', entity: 'deal', fields: ['stage'] },
        condition: { and: [{ '==': [{ var: 'record.stage' }, 'won'] }, { '!=': [{ var: 'previous.stage' }, 'won'] }] },
        steps: [fakeStep('note', 'effect {{previous.stage}} to {{record.stage}}')],
      },
    });
    const id = await createDeal({ title: 'Beta', stage: 'new' });
    await updateDeal(id, { amount: 5 }); // stage untouched: no run
    await updateDeal(id, { stage: 'lost' }); // changed, condition false: no run
    await updateDeal(id, { stage: 'won' }); // runs
    const [run] = await settledRuns(app.pool, 'wonDeal', 1);
    expect(run).toMatchObject({ status: 'succeeded', trigger_type: 'fieldChanged' });
    expect(await effects(app.pool, 'run_id = $1', [run!.id])).toEqual([expect.objectContaining({ note: 'effect lost to won' })]);
    // Everything is dispatched: the other writes made no run.
    await waitFor(async () => (await app.pool.query(`SELECT count(*)::int AS n FROM "trellis"."workflow_event"`)).rows[0].n === 0);
    expect(await runsOf(app.pool, 'wonDeal')).toHaveLength(1);
  });

  it('sets aside an event that cannot be dispatched instead of blocking the outbox', async () => {
    await publish({ seen: { label: 'Seen', trigger: { type: 'recordCreated', entity: 'deal' }, steps: [fakeStep('note', 'effect seen {{record.title}}')] } });
    await app.pool.query(
      `INSERT INTO "trellis"."workflow_event" (workspace, table_name, op, new_row, actor, source)
       VALUES ('main', 'deal', 'create', '{"id": "00000000-0000-4000-8000-000000000001", "amount": "lots"}', 'system:test', 'system')`,
    );
    const id = await createDeal({ title: 'After poison' });
    const [run] = await settledRuns(app.pool, 'seen', 1);
    expect(run).toMatchObject({ status: 'succeeded', record_id: id });
    const { rows } = await app.pool.query(`SELECT error FROM "trellis"."workflow_event"`);
    expect(rows).toEqual([{ error: expect.stringContaining('invalid input syntax for type integer') }]);
    await app.pool.query(`DELETE FROM "trellis"."workflow_event"`);
  });

  it('installs the outbox trigger only on tables that active after-save workflows watch', async () => {
    const triggers = async () =>
      (
        await app.pool.query<{ table: string }>(
          `SELECT c.relname AS table FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = 'trellis_workflow_event' ORDER BY 1`,
        )
      ).rows.map((r) => r.table);
    await publish({ n: { label: 'N', trigger: { type: 'recordCreated', entity: 'note' }, steps: [fakeStep('s', 'effect')] } });
    expect(await triggers()).toEqual(['note']);
    await publish({ n: { label: 'N', active: false, trigger: { type: 'recordCreated', entity: 'note' }, steps: [fakeStep('s', 'effect')] } });
    expect(await triggers()).toEqual([]);
  });

  it('fires the outbox trigger only for the row events its workflows need (creations only: updates write no event)', async () => {
    /** The outbox rows an update of `id` writes, seen inside its own (rolled back) transaction. */
    const eventsOfUpdate = async (id: string): Promise<string[]> => {
      const client = await app.pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(`UPDATE main.deal SET amount = amount + 1 WHERE id = $1`, [id]);
        const { rows } = await client.query(`SELECT op FROM "trellis"."workflow_event" WHERE (new_row ->> 'id') = $1`, [id]);
        return rows.map((r) => r.op as string);
      } finally {
        await client.query('ROLLBACK');
        client.release();
      }
    };
    await publish({ made: { label: 'Made', trigger: { type: 'recordCreated', entity: 'deal' }, steps: [fakeStep('s', 'effect made')] } });
    const id = await createDeal({ title: 'Only made', amount: 1 });
    await settledRuns(app.pool, 'made', 1);
    expect(await eventsOfUpdate(id)).toEqual([]);
    await publish({ changed: { label: 'Changed', trigger: { type: 'recordUpdated', entity: 'deal' }, steps: [fakeStep('s', 'effect changed')] } });
    expect(await eventsOfUpdate(id)).toEqual(['update']);
  });
});

describe('publishing', () => {
  it('recomputing a formula of watched records at publish starts no workflow', async () => {
    const workflows: Record<string, WorkflowDefinition> = {
      touched: { label: 'Touched', trigger: { type: 'recordUpdated', entity: 'deal' }, steps: [fakeStep('s', 'effect touched')] },
    };
    await publish(workflows);
    await createDeal({ title: 'Formula', amount: 3 });
    const doc = crmWorkflowDocument(workflows);
    doc.entities['deal']!.fields['doubled'] = { type: 'formula', label: 'Doubled', expression: { '*': [{ var: 'record.amount' }, 2] }, resultType: 'decimal' };
    await app.publish(doc);
    const { rows } = await app.pool.query(`SELECT doubled FROM main.deal WHERE title = 'Formula'`);
    expect(Number(rows[0].doubled)).toBe(6);
    await new Promise((r) => setTimeout(r, 300));
    expect(await runsOf(app.pool, 'touched')).toHaveLength(0);
    expect((await app.pool.query(`SELECT count(*)::int AS n FROM "trellis"."workflow_event"`)).rows[0].n).toBe(0);
  });
});

describe('manual trigger', () => {
  it('starts from runWorkflow on a record the caller may read, and lists its button', async () => {
    await publish({
      remind: { label: 'Remind', trigger: { type: 'manual', entity: 'deal', buttonLabel: 'Send reminder' }, steps: [fakeStep('note', 'effect remind {{record.title}}')] },
      other: { label: 'Other', trigger: { type: 'manual', entity: 'note' }, steps: [fakeStep('note', 'effect')] },
    });
    const id = await createDeal({ title: 'Gamma' });
    const buttons = await app.metadata(`{ workflowButtons(entity: "deal") { workflow label } }`);
    expect(buttons.data).toEqual({ workflowButtons: [{ workflow: 'remind', label: 'Send reminder' }] });
    const started = await app.metadata<{ runWorkflow: { id: string; status: string; triggerType: string; recordId: string } }>(
      `mutation($id: ID) { runWorkflow(workflow: "remind", recordId: $id) { id status triggerType recordId } }`,
      { id },
    );
    expect(started.data?.runWorkflow).toMatchObject({ triggerType: 'manual', recordId: id });
    const [run] = await settledRuns(app.pool, 'remind', 1);
    expect(run!.id).toBe(started.data!.runWorkflow.id);
    expect(await effects(app.pool, 'run_id = $1', [run!.id])).toEqual([expect.objectContaining({ note: 'effect remind Gamma' })]);
    const missing = await app.metadata(`mutation { runWorkflow(workflow: "remind") { id } }`);
    expect(missing.errors?.[0]).toMatchObject({ message: expect.stringContaining('recordId'), extensions: { code: 'BAD_USER_INPUT' } });
    const unknown = await app.metadata(`mutation($id: ID) { runWorkflow(workflow: "remind", recordId: $id) { id } }`, { id: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });
});

describe('webhook trigger', () => {
  it('starts a run with the JSON body as trigger.payload; a wrong secret or an inactive workflow is a 404', async () => {
    await publish({ inbound: { label: 'Inbound', trigger: { type: 'webhook' }, steps: [fakeStep('note', 'effect hook {{trigger.payload.order.id}}')] } });
    const hook = await app.metadata<{ workflowWebhook: { url: string; secret: string } }>(`{ workflowWebhook(workflow: "inbound") { url secret } }`);
    const { url, secret } = hook.data!.workflowWebhook;
    expect(url).toBe(`/hooks/workflows/inbound/${secret}`);
    const post = (path: string, body: string, headers: Record<string, string> = {}) =>
      app.fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const accepted = await post(url, JSON.stringify({ order: { id: 'A-17' } }));
    expect(accepted.status).toBe(202);
    const { runId } = (await accepted.json()) as { runId: string };
    const [run] = await settledRuns(app.pool, 'inbound', 1);
    expect(run).toMatchObject({ id: runId, status: 'succeeded', trigger_type: 'webhook', record_id: null });
    expect(await effects(app.pool, 'run_id = $1', [runId])).toEqual([expect.objectContaining({ note: 'effect hook A-17' })]);
    // The same Idempotency-Key: the same run.
    const first = await post(url, '{"n":1}', { 'idempotency-key': 'k-1' });
    const again = await post(url, '{"n":1}', { 'idempotency-key': 'k-1' });
    expect(((await first.json()) as { runId: string }).runId).toBe(((await again.json()) as { runId: string }).runId);
    const wrong = await post(`/hooks/workflows/inbound/${secret}x`, '{}');
    expect(wrong.status).toBe(404);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    expect((await post(`/hooks/workflows/nope/${secret}`, '{}')).status).toBe(404);
    expect((await post(url, '[1, 2]')).status).toBe(400);
    expect((await post(url, '{not json')).status).toBe(400);
    expect((await post(url, JSON.stringify({ big: 'x'.repeat(1_100_000) }))).status).toBe(413);
    // Rotating the secret retires the old URL.
    const rotated = await app.metadata<{ rotateWorkflowSecret: { url: string } }>(`mutation { rotateWorkflowSecret(workflow: "inbound") { url } }`);
    expect((await post(url, '{}')).status).toBe(404);
    expect((await post(rotated.data!.rotateWorkflowSecret.url, '{}')).status).toBe(202);
    await publish({ inbound: { label: 'Inbound', active: false, trigger: { type: 'webhook' }, steps: [fakeStep('note', 'effect')] } });
    expect((await post(rotated.data!.rotateWorkflowSecret.url, '{}')).status).toBe(404);
  });
});

describe('scheduled trigger', () => {
  it('fires a cron workflow every second, with no record, until it is deactivated', async () => {
    await publish({ tick: { label: 'Tick', trigger: { type: 'scheduled', cron: '* * * * * *' }, steps: [fakeStep('note', 'effect tick')] } });
    const runs = await settledRuns(app.pool, 'tick', 2, 6000);
    expect(runs[0]).toMatchObject({ status: 'succeeded', trigger_type: 'scheduled', record_id: null });
    const keys = (await app.pool.query(`SELECT trigger_key FROM "trellis"."workflow_run" WHERE workflow = 'tick'`)).rows.map((r) => r.trigger_key as string);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.every((k) => /^cron:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/.test(k))).toBe(true);
    await publish({ tick: { label: 'Tick', active: false, trigger: { type: 'scheduled', cron: '* * * * * *' }, steps: [fakeStep('note', 'effect tick')] } });
    expect((await app.pool.query(`SELECT count(*)::int AS n FROM "trellis"."workflow_schedule"`)).rows[0].n).toBe(0);
  });
});

describe('date-relative trigger', () => {
  const DAY = 24 * 60 * 60 * 1000;
  const dateIn = (days: number) => new Date(clock.now().getTime() + days * DAY).toISOString().slice(0, 10);
  const timerOf = async (id: string) =>
    (await app.pool.query<{ fire_at: Date }>(`SELECT fire_at FROM "trellis"."workflow_timer" WHERE record_id = $1`, [id])).rows[0]?.fire_at ?? null;

  it('back-fills timers at publish, re-schedules when the date changes, and fires when the time comes', async () => {
    await publish({});
    const early = await createDeal({ title: 'Early', closeDate: dateIn(10) });
    const past = await createDeal({ title: 'Past', closeDate: dateIn(-10) });
    await publish({
      closing: {
        label: 'Closing soon',
        trigger: { type: 'dateRelative', entity: 'deal', field: 'closeDate', offset: { amount: 3, unit: 'days' }, direction: 'before', time: '08:30' },
        steps: [fakeStep('note', 'effect closing {{record.title}} on {{record.closeDate}}')],
      },
    });
    // Back-filled: the future date has a timer (3 days before, 08:30 UTC); the past one none.
    expect((await timerOf(early))?.toISOString()).toBe(`${dateIn(7)}T08:30:00.000Z`);
    expect(await timerOf(past)).toBeNull();
    // A new record and a changed date are (re)scheduled by the dispatcher.
    const later = await createDeal({ title: 'Later', closeDate: dateIn(20) });
    await waitFor(() => timerOf(later), 5000, 'the new timer');
    await updateDeal(early, { closeDate: dateIn(30) });
    await waitFor(async () => (await timerOf(early))?.toISOString() === `${dateIn(27)}T08:30:00.000Z`, 5000, 'the moved timer');
    // 21 days on, `later` is due (3 days before day 20), `early` (now day 30) is not.
    clock.advance(21 * DAY);
    const [run] = await settledRuns(app.pool, 'closing', 1, 5000);
    expect(run).toMatchObject({ status: 'succeeded', record_id: later, trigger_type: 'dateRelative' });
    expect(await effects(app.pool, 'run_id = $1', [run!.id])).toEqual([expect.objectContaining({ note: expect.stringMatching(/^effect closing Later on \d{4}-/) })]);
    expect(await timerOf(later)).toBeNull();
    expect(await timerOf(early)).not.toBeNull();
    // Clearing the date removes the timer.
    await updateDeal(early, { closeDate: null });
    await waitFor(async () => (await timerOf(early)) === null, 5000, 'the removed timer');
    clock.offsetMs = 0;
  });
});

describe('versions', () => {
  it('stores a version per changed definition and finishes a run on the version it started with', async () => {
    const v1: WorkflowDefinition = { label: 'Two steps', trigger: { type: 'manual', entity: 'deal' }, steps: [fakeStep('first', 'block'), fakeStep('second', 'effect v1 second')] };
    await publish({ twoSteps: v1 });
    await publish({ twoSteps: v1 }); // unchanged: no new version
    const id = await createDeal({ title: 'Delta' });
    const started = await app.metadata<{ runWorkflow: { id: string; version: number } }>(`mutation($id: ID) { runWorkflow(workflow: "twoSteps", recordId: $id) { id version } }`, { id });
    expect(started.data?.runWorkflow.version).toBe(1);
    await notify.untilBlocked(1);
    await publish({ twoSteps: { ...v1, steps: [fakeStep('first', 'effect v2 first'), fakeStep('second', 'effect v2 second')] } });
    notify.release();
    const [run] = await settledRuns(app.pool, 'twoSteps', 1);
    expect(run).toMatchObject({ version: 1, status: 'succeeded' });
    expect((await effects(app.pool, 'run_id = $1', [run!.id])).map((e) => e.note)).toEqual(['block', 'effect v1 second']);
    const versions = await app.metadata<{ workflowVersions: { version: number; definition: WorkflowDefinition }[] }>(
      `{ workflowVersions(workflow: "twoSteps") { version metadataVersion definition publishedAt publishedBy } }`,
    );
    expect(versions.data!.workflowVersions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions.data!.workflowVersions[0]!.definition.steps[0]).toMatchObject({ title: 'effect v2 first' });
    const next = await app.metadata<{ runWorkflow: { version: number } }>(`mutation($id: ID) { runWorkflow(workflow: "twoSteps", recordId: $id) { version } }`, { id });
    expect(next.data?.runWorkflow.version).toBe(2);
    await settledRuns(app.pool, 'twoSteps', 2);
  });
});
