/**
 * How runs execute: if/else, wait, retries with backoff then dead-letter, retry and cancel, idempotent
 * replay after a worker "crash" (its lease taken over mid-step), the loop guard with the real updateRecord
 * step, dry runs that write nothing, and who may see and control runs.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { jest } from '@jest/globals';
import type { WorkflowDefinition } from '@trellis/metadata';
import type { TestApp } from '../testing/test-app.js';
import { crmWorkflowDocument, effects, fakeStep, runsOf, settledRuns, waitFor, workflowTestServer } from './testing/workflow-test-kit.js';

jest.setTimeout(120_000);

const server = workflowTestServer();
const { notify, clock, publish, createDeal } = server;
let app: TestApp;
beforeAll(() => (app = server.app));

async function run(workflow: string, recordId: string): Promise<string> {
  const r = await app.metadata<{ runWorkflow: { id: string } }>(`mutation($w: String!, $id: ID) { runWorkflow(workflow: $w, recordId: $id) { id } }`, { w: workflow, id: recordId });
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data.runWorkflow.id;
}

const manual = (steps: WorkflowDefinition['steps'], extra: Partial<WorkflowDefinition> = {}): WorkflowDefinition => ({
  label: 'Manual',
  trigger: { type: 'manual', entity: 'deal' },
  steps,
  ...extra,
});

const RUN = `query($id: ID!) { workflowRun(id: $id) { id status attempts error version depth runAt steps { key type label attempt status input output error durationMs } } }`;

describe('steps', () => {
  it('takes the branch its if condition picks, with earlier outputs in the context', async () => {
    await publish({
      branch: manual([
        fakeStep('first', 'effect first'),
        {
          key: 'big',
          type: 'if',
          condition: { '>': [{ var: 'record.amount' }, 100] },
          then: [fakeStep('yes', 'effect big after {{steps.first.count}}')],
          else: [fakeStep('no', 'effect small')],
        },
        fakeStep('last', 'effect last'),
      ]),
    });
    const big = await run('branch', await createDeal({ title: 'Big', amount: 500 }));
    const small = await run('branch', await createDeal({ title: 'Small', amount: 5 }));
    await settledRuns(app.pool, 'branch', 2);
    expect((await effects(app.pool, 'run_id = $1', [big])).map((e) => e.note)).toEqual(['effect first', 'effect big after 1', 'effect last']);
    expect((await effects(app.pool, 'run_id = $1', [small])).map((e) => e.note)).toEqual(['effect first', 'effect small', 'effect last']);
    const detail = await app.metadata<{ workflowRun: { status: string; steps: { key: string; type: string; status: string; output: unknown }[] } }>(RUN, { id: big });
    expect(detail.data!.workflowRun.steps.map((s) => [s.key, s.type, s.status])).toEqual([
      ['first', 'notify', 'succeeded'],
      ['big', 'if', 'succeeded'],
      ['yes', 'notify', 'succeeded'],
      ['last', 'notify', 'succeeded'],
    ]);
    expect(detail.data!.workflowRun.steps[1]!.output).toEqual({ result: true });
  });

  it('waits: the run is released as waiting until its time, then goes on', async () => {
    await publish({ waiting: manual([fakeStep('before', 'effect before'), { key: 'pause', type: 'wait', duration: { amount: 2, unit: 'hours' } }, fakeStep('after', 'effect after')]) });
    const id = await run('waiting', await createDeal({ title: 'Wait' }));
    const waiting = await waitFor(async () => (await runsOf(app.pool, 'waiting')).find((r) => r.status === 'waiting'), 5000, 'a waiting run');
    expect(waiting.id).toBe(id);
    const detail = await app.metadata<{ workflowRun: { runAt: string } }>(RUN, { id });
    expect(new Date(detail.data!.workflowRun.runAt).getTime() - clock.now().getTime()).toBeGreaterThan(2 * 3600_000 - 60_000);
    expect((await effects(app.pool, 'run_id = $1', [id])).map((e) => e.note)).toEqual(['effect before']);
    clock.advance(2 * 3600_000 + 1000);
    await settledRuns(app.pool, 'waiting', 1);
    expect((await effects(app.pool, 'run_id = $1', [id])).map((e) => e.note)).toEqual(['effect before', 'effect after']);
  });
});

describe('failures', () => {
  it('retries a transient failure with exponential backoff, then dead-letters the run', async () => {
    await publish({ flaky: manual([fakeStep('ok', 'effect ok'), fakeStep('call', 'transient')]), recovers: manual([fakeStep('call', 'transient-then-ok:2')]) });
    const id = await run('flaky', await createDeal({ title: 'Flaky' }));
    const recovering = await run('recovers', await createDeal({ title: 'Recovers' }));
    const [dead] = await settledRuns(app.pool, 'flaky', 1);
    expect(dead).toMatchObject({ status: 'dead', attempts: 5, error: { code: 'TRANSIENT', stepKey: 'call', message: expect.stringContaining('gave up after 5 tries') } });
    const { rows: tries } = await app.pool.query<{ attempt: number; started_at: Date }>(
      `SELECT attempt, started_at FROM "trellis"."workflow_step_run" WHERE run_id = $1 AND step_key = 'call' ORDER BY id`,
      [id],
    );
    expect(tries.map((t) => t.attempt)).toEqual([1, 2, 3, 4, 5]);
    // Backoff doubles from 20 ms (jitter is fixed at ×1 here): each gap at least the delay.
    const gaps = tries.slice(1).map((t, i) => t.started_at.getTime() - tries[i]!.started_at.getTime());
    [20, 40, 80, 160].forEach((delay, i) => expect(gaps[i]).toBeGreaterThanOrEqual(delay - 2));
    // The step that succeeded ran once.
    expect((await effects(app.pool, 'run_id = $1', [id])).map((e) => e.note)).toEqual(['effect ok']);
    const [recovered] = await settledRuns(app.pool, 'recovers', 1);
    expect(recovered).toMatchObject({ id: recovering, status: 'succeeded', error: null });
    expect(await effects(app.pool, 'run_id = $1', [recovering])).toHaveLength(1);
  });

  it('dead-letters a permanent failure at once; retry resumes at the failed step, cancel stops a run', async () => {
    notify.broken = true;
    await publish({ fragile: manual([fakeStep('one', 'effect one'), fakeStep('two', 'flaky'), fakeStep('three', 'effect three')]) });
    const id = await run('fragile', await createDeal({ title: 'Fragile' }));
    const [dead] = await settledRuns(app.pool, 'fragile', 1);
    expect(dead).toMatchObject({ status: 'dead', attempts: 1, error: { code: 'STEP_FAILED', stepKey: 'two', message: 'the step is broken' } });
    const page = await app.metadata<{ workflowRuns: { runs: { id: string }[]; hasMore: boolean } }>(`{ workflowRuns(status: ["dead"], workflow: "fragile") { runs { id } hasMore } }`);
    expect(page.data!.workflowRuns).toEqual({ runs: [{ id }], hasMore: false });
    notify.broken = false;
    const retried = await app.metadata<{ retryWorkflowRun: { status: string; attempts: number } }>(`mutation($id: ID!) { retryWorkflowRun(id: $id) { status attempts } }`, { id });
    expect(retried.data!.retryWorkflowRun).toEqual({ status: 'queued', attempts: 0 });
    await waitFor(async () => (await runsOf(app.pool, 'fragile'))[0]!.status === 'succeeded', 5000, 'the retried run');
    expect((await effects(app.pool, 'run_id = $1', [id])).map((e) => e.note)).toEqual(['effect one', 'flaky', 'effect three']);
    const again = await app.metadata(`mutation($id: ID!) { retryWorkflowRun(id: $id) { status } }`, { id });
    expect(again.errors?.[0]).toMatchObject({ message: expect.stringContaining('only dead, cancelled runs'), extensions: { code: 'BAD_USER_INPUT' } });
    // Cancel a waiting run: it never resumes.
    await publish({ parked: manual([{ key: 'pause', type: 'wait', duration: { amount: 1, unit: 'days' } }, fakeStep('after', 'effect after')]) });
    const parked = await run('parked', await createDeal({ title: 'Parked' }));
    await waitFor(async () => (await runsOf(app.pool, 'parked'))[0]?.status === 'waiting', 5000, 'a waiting run');
    const cancelled = await app.metadata<{ cancelWorkflowRun: { status: string } }>(`mutation($id: ID!) { cancelWorkflowRun(id: $id) { status } }`, { id: parked });
    expect(cancelled.data!.cancelWorkflowRun.status).toBe('cancelled');
    clock.advance(2 * 24 * 3600_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await runsOf(app.pool, 'parked'))[0]!.status).toBe('cancelled');
    expect(await effects(app.pool, 'run_id = $1', [parked])).toEqual([]);
    const counts = await app.metadata<{ workflowRunCounts: Record<string, number> }>(`{ workflowRunCounts(workflow: "parked") { queued running waiting succeeded dead cancelled } }`);
    expect(counts.data!.workflowRunCounts).toEqual({ queued: 0, running: 0, waiting: 0, succeeded: 0, dead: 0, cancelled: 1 });
  });

  it('replays a run whose worker lost its lease mid-step: every step takes effect exactly once', async () => {
    await publish({ crashy: manual([fakeStep('one', 'effect one'), fakeStep('two', 'block'), fakeStep('three', 'effect three')]) });
    const id = await run('crashy', await createDeal({ title: 'Crashy' }));
    await notify.untilBlocked(1);
    // The worker "dies" in step two: its lease expires and belongs to nobody; another claim takes the run over.
    await app.pool.query(`UPDATE "trellis"."workflow_run" SET locked_by = 'crashed-worker#1', locked_until = $2 WHERE id = $1`, [id, new Date(clock.now().getTime() - 1000)]);
    await notify.untilBlocked(2); // the replay reached step two again (step one was skipped)
    notify.release(); // both executions of step two finish: only one may commit
    const [done] = await settledRuns(app.pool, 'crashy', 1);
    expect(done!.status).toBe('succeeded');
    expect((await effects(app.pool, 'run_id = $1', [id])).map((e) => e.step_key)).toEqual(['one', 'two', 'three']);
    const { rows } = await app.pool.query(`SELECT step_key FROM "trellis"."workflow_step_run" WHERE run_id = $1 AND status = 'succeeded' ORDER BY id`, [id]);
    expect(rows.map((r) => r.step_key)).toEqual(['one', 'two', 'three']);
  });
});

describe('outbound HTTP (the real httpRequest step)', () => {
  it('retries a 500 and a timeout, dead-letters them, and never holds up other runs', async () => {
    const hits = new Map<string, string[]>();
    const server = http.createServer((req, res) => {
      hits.set(req.url!, [...(hits.get(req.url!) ?? []), String(req.headers['idempotency-key'])]);
      if (req.url === '/fail') return void res.writeHead(500).end('down');
      if (req.url === '/hang') return; // never answers
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const call = (key: string, path: string): WorkflowDefinition['steps'][number] => ({ key, type: 'httpRequest', method: 'POST', url: `${base}${path}`, body: { var: 'record.title' }, timeoutMs: 300 });
      await publish({
        failing: manual([call('post', '/fail')]),
        hanging: manual([call('post', '/hang')]),
        fine: manual([call('post', '/ok'), fakeStep('after', 'effect status {{steps.post.status}}')]),
      });
      const failing = await run('failing', await createDeal({ title: 'F' }));
      const hanging = await run('hanging', await createDeal({ title: 'H' }));
      const fine = await Promise.all([1, 2, 3].map(async (i) => run('fine', await createDeal({ title: `OK${i}` }))));
      // The healthy runs finish while the others are still retrying.
      await settledRuns(app.pool, 'fine', 3);
      expect((await runsOf(app.pool, 'hanging'))[0]!.status).not.toBe('dead');
      expect((await effects(app.pool, 'run_id = ANY($1)', [fine])).map((e) => e.note)).toEqual(['effect status 200', 'effect status 200', 'effect status 200']);
      const [failed] = await settledRuns(app.pool, 'failing', 1);
      const [timedOut] = await settledRuns(app.pool, 'hanging', 1, 20_000);
      expect(failed).toMatchObject({ status: 'dead', attempts: 5, error: { code: 'TRANSIENT', stepKey: 'post' } });
      expect(timedOut).toMatchObject({ status: 'dead', attempts: 5, error: { code: 'TRANSIENT', stepKey: 'post' } });
      // Every try carried the same idempotency key.
      expect(hits.get('/fail')).toEqual(Array(5).fill(`${failing}:post`));
      expect(hits.get('/hang')).toEqual(Array(5).fill(`${hanging}:post`));
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('loop guard', () => {
  it('stops a workflow that keeps updating its own trigger record, with the chain in the error', async () => {
    await publish({
      bump: {
        label: 'Bump',
        trigger: { type: 'recordUpdated', entity: 'deal' },
        steps: [{ key: 'inc', type: 'updateRecord', values: { amount: { '+': [{ var: 'record.amount' }, 1] } } }],
      },
    });
    const id = await createDeal({ title: 'Loop', amount: 0 });
    await app.graphql(`mutation($id: ID!) { updateDeal(id: $id, data: { amount: 100 }) { id } }`, { id });
    const runs = await settledRuns(app.pool, 'bump', 6);
    await new Promise((resolve) => setTimeout(resolve, 300)); // nothing more comes
    const all = await runsOf(app.pool, 'bump');
    expect(all.map((r) => [r.depth, r.status])).toEqual([
      [1, 'succeeded'],
      [2, 'succeeded'],
      [3, 'succeeded'],
      [4, 'succeeded'],
      [5, 'succeeded'],
      [6, 'dead'],
    ]);
    expect(runs[5]!.error).toMatchObject({ code: 'LOOP_GUARD', message: expect.stringContaining('bump → bump → bump → bump → bump → bump') });
    const deal = await app.graphql<{ deal: { amount: number; updatedBy: string } }>(`query($id: ID!) { deal(id: $id) { amount updatedBy } }`, { id });
    expect(deal.data!.deal).toEqual({ amount: 105, updatedBy: 'workflow:bump' });
    const { rows } = await app.pool.query(
      `SELECT actor, source FROM "trellis"."record_history" WHERE record_id = $1 ORDER BY id DESC LIMIT 1`,
      [id],
    );
    expect(rows[0]).toEqual({ actor: 'workflow:bump', source: 'workflow' });
    await publish({});
  });
});

describe('dry run', () => {
  it('describes each step of a draft workflow against a record, taking branches, and writes nothing', async () => {
    await publish({});
    const id = await createDeal({ title: 'Dry', amount: 250 });
    const draft = crmWorkflowDocument({
      draft: {
        label: 'Draft',
        active: false,
        trigger: { type: 'fieldChanged', entity: 'deal', fields: ['stage'] },
        condition: { '>': [{ var: 'record.amount' }, 100] },
        steps: [
          { key: 'big', type: 'if', condition: { '>': [{ var: 'record.amount' }, 200] }, then: [fakeStep('yes', 'effect big {{record.title}}')], else: [fakeStep('no', 'effect small')] },
          { key: 'pause', type: 'wait', duration: { amount: 3, unit: 'days' } },
          { key: 'mark', type: 'updateRecord', values: { stage: 'won', amount: { '*': [{ var: 'record.amount' }, 2] } } },
          fakeStep('after', 'effect after {{record.amount}}'),
        ],
      },
    });
    const TEST = `mutation($doc: JSON!, $id: ID) { testWorkflow(document: $doc, workflow: "draft", recordId: $id) {
      conditionMet triggerMatched error steps { key type path status description output error } } }`;
    const result = await app.metadata<{ testWorkflow: { conditionMet: boolean; triggerMatched: boolean; error: string | null; steps: Record<string, unknown>[] } }>(TEST, { doc: draft, id });
    expect(result.errors).toBeUndefined();
    const dry = result.data!.testWorkflow;
    expect(dry).toMatchObject({ conditionMet: true, triggerMatched: true, error: null });
    expect(dry.steps.map((s) => [s['key'], s['path'], s['status']])).toEqual([
      ['big', '0', 'would'],
      ['yes', '0.then.0', 'would'],
      ['no', '0.else.0', 'skipped'],
      ['pause', '1', 'waited'],
      ['mark', '2', 'would'],
      ['after', '3', 'would'],
    ]);
    expect(dry.steps[1]!['description']).toBe('Would note “effect big Dry”');
    expect(dry.steps[5]!['description']).toBe('Would note “effect after 500”'); // the updated record flows on
    // Nothing was written.
    const deal = await app.graphql<{ deal: { amount: number; stage: string | null } }>(`query($id: ID!) { deal(id: $id) { amount stage } }`, { id });
    expect(deal.data!.deal).toEqual({ amount: 250, stage: null });
    expect((await app.pool.query(`SELECT count(*)::int AS n FROM "trellis"."workflow_run" WHERE workflow = 'draft'`)).rows[0].n).toBe(0);
    // A condition that does not hold: every step is skipped.
    const small = await createDeal({ title: 'Tiny', amount: 5 });
    const skipped = await app.metadata<{ testWorkflow: { conditionMet: boolean; steps: { status: string }[] } }>(TEST, { doc: draft, id: small });
    expect(skipped.data!.testWorkflow.conditionMet).toBe(false);
    expect(new Set(skipped.data!.testWorkflow.steps.map((s) => s.status))).toEqual(new Set(['skipped']));
  });
});

describe('permissions', () => {
  it('shows a record’s runs to whoever may read the record; everything else needs manageMetadata', async () => {
    await publish({
      press: manual([fakeStep('note', 'effect pressed')], { label: 'Press' }),
      nightly: { label: 'Nightly', trigger: { type: 'scheduled', cron: '0 3 * * *' }, steps: [fakeStep('note', 'effect')] },
    });
    const { id: repId, client: rep } = await app.createUser({ email: 'rep@example.test', name: 'Rep', roles: ['rep'] });
    const own = await createDeal({ title: 'Mine', owner: repId }, app);
    const others = await createDeal({ title: 'Not mine' });
    const started = await rep.metadata<{ runWorkflow: { id: string } }>(`mutation($id: ID) { runWorkflow(workflow: "press", recordId: $id) { id } }`, { id: own });
    expect(started.errors).toBeUndefined();
    await settledRuns(app.pool, 'press', 1);
    const mine = await rep.metadata<{ workflowRuns: { runs: { id: string; status: string }[] } }>(`query($id: ID) { workflowRuns(recordId: $id) { runs { id status recordLabel } } }`, { id: own });
    expect(mine.data!.workflowRuns.runs).toEqual([{ id: started.data!.runWorkflow.id, status: 'succeeded', recordLabel: 'Mine' }]);
    const detail = await rep.metadata<{ workflowRun: { id: string } }>(RUN, { id: started.data!.runWorkflow.id });
    expect(detail.data!.workflowRun.id).toBe(started.data!.runWorkflow.id);
    const code = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.['code'];
    expect(code(await rep.metadata(`mutation($id: ID) { runWorkflow(workflow: "press", recordId: $id) { id } }`, { id: others }))).toBe('NOT_FOUND');
    await app.metadata(`mutation($id: ID) { runWorkflow(workflow: "press", recordId: $id) { id } }`, { id: others });
    const [, othersRun] = await settledRuns(app.pool, 'press', 2);
    expect(code(await rep.metadata(`query($id: ID) { workflowRuns(recordId: $id) { runs { id } } }`, { id: others }))).toBe('NOT_FOUND');
    expect(code(await rep.metadata(RUN, { id: othersRun!.id }))).toBe('NOT_FOUND');
    expect(code(await rep.metadata(`{ workflowRuns { runs { id } } }`))).toBe('FORBIDDEN');
    expect(code(await rep.metadata(`{ workflowRunCounts { dead } }`))).toBe('FORBIDDEN');
    expect(code(await rep.metadata(`{ workflowVersions(workflow: "press") { version } }`))).toBe('FORBIDDEN');
    expect(code(await rep.metadata(`{ workflowWebhook(workflow: "press") { url } }`))).toBe('FORBIDDEN');
    expect(code(await rep.metadata(`mutation { rotateWorkflowSecret(workflow: "press") { url } }`))).toBe('FORBIDDEN');
    expect(code(await rep.metadata(`mutation($id: ID!) { retryWorkflowRun(id: $id) { id } }`, { id: othersRun!.id }))).toBe('FORBIDDEN');
    expect(code(await rep.metadata(`mutation($id: ID!) { cancelWorkflowRun(id: $id) { id } }`, { id: othersRun!.id }))).toBe('FORBIDDEN');
    expect(code(await rep.metadata(`mutation($d: JSON!) { testWorkflow(document: $d, workflow: "press") { conditionMet } }`, { d: crmWorkflowDocument() }))).toBe('FORBIDDEN');
    expect(code(await rep.metadata(`mutation { runWorkflow(workflow: "nightly") { id } }`))).toBe('FORBIDDEN');
    const buttons = await rep.metadata(`{ workflowButtons(entity: "deal") { workflow label } }`);
    expect(buttons.data).toEqual({ workflowButtons: [{ workflow: 'press', label: 'Press' }] });
    const actions = await rep.metadata<{ workflowActions: { type: string; plugin: string | null }[] }>(`{ workflowActions { type plugin beforeSave } }`);
    expect(actions.data!.workflowActions.map((a) => a.type)).toEqual(expect.arrayContaining(['updateRecord', 'notify', 'if', 'wait']));
  });
});
