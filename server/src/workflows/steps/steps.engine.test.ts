/**
 * The built-in executors inside the real engine: the scenario — when a deal's stage changes to won,
 * a follow-up task for the owner in 3 days, a notification to the sales managers, an email and a webhook
 * call — tested as a dry run first (nothing written), then triggered by a user's update.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jest } from '@jest/globals';
import type { MetadataDocument, WorkflowDefinition } from '@trellis/metadata';
import { testPassword, withTestApp, type TestApp } from '../../testing/test-app.js';
import { fastWorkflowOptions, settledRuns } from '../testing/workflow-test-kit.js';
import { stepsDocument } from './testing/steps-document.js';

jest.setTimeout(120_000);

let app: TestApp;
let hook: Server;
const hookCalls: { headers: Record<string, unknown>; body: unknown }[] = [];
let ownerId: string;

const wonFollowUp = (url: string): WorkflowDefinition => ({
  label: 'Won follow-up',
  trigger: { type: 'fieldChanged', entity: 'deal', fields: ['stage'] },
  condition: { '==': [{ var: 'record.stage' }, 'won'] },
  steps: [
    { key: 'followUp', type: 'createTask', title: 'Follow up {{record.name}}', dueIn: { amount: 3, unit: 'days' } },
    { key: 'tellManagers', type: 'notify', recipients: { roles: ['reader'] }, title: '{{record.name}} was won', body: 'Task {{steps.followUp.taskId}}' },
    { key: 'mailOwner', type: 'sendEmail', to: null, recipients: { owner: true }, subject: 'Congratulations on {{record.name}}', body: 'Well done.' },
    { key: 'callErp', type: 'httpRequest', method: 'POST', url: '', body: { merge: [{ var: 'record.id' }, { var: 'steps.followUp.taskId' }] } },
  ],
});

const documentWith = (url: string): MetadataDocument => {
  const workflow = wonFollowUp(url);
  (workflow.steps[3] as { url: string }).url = url;
  return { ...stepsDocument(), workflows: { wonFollowUp: workflow } };
};

beforeAll(async () => {
  hook = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      hookCalls.push({ headers: req.headers, body: JSON.parse(body) });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"accepted":true}');
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/erp`;
  app = await withTestApp(documentWith(url), { workflows: fastWorkflowOptions() });
  ownerId = (await app.createUser({ email: 'owner.person@flow.test', name: 'Olivia', roles: ['sales'] })).id;
  await app.createUser({ email: 'manager.person@flow.test', name: 'Manny', roles: ['reader'] });
});

afterAll(async () => {
  await app?.close();
  hook?.closeAllConnections();
  await new Promise((resolve) => hook?.close(resolve));
});

const count = async (table: string) => (await app.pool.query(`SELECT count(*)::int AS n FROM trellis.${table}`)).rows[0].n as number;

describe('built-in steps in the engine', () => {
  it('dry-runs the workflow against a record, describing every step and writing nothing', async () => {
    const deal = await app.graphql<{ createDeal: { id: string } }>(`mutation($o: ID) { createDeal(data: { name: "Globex", stage: "won", closeDate: "2026-11-26", owner: $o }) { id } }`, { o: ownerId });
    const before = { task: await count('task'), notification: await count('notification'), mail: await count('mail_outbox'), hooks: hookCalls.length };
    const document = documentWith('http://127.0.0.1:9/never');
    const r = await app.metadata<{ testWorkflow: { conditionMet: boolean; steps: { key: string; status: string; description: string; error: string | null }[] } }>(
      `mutation($doc: JSON!, $id: ID) { testWorkflow(document: $doc, workflow: "wonFollowUp", recordId: $id) { conditionMet steps { key status description error } } }`,
      { doc: document, id: deal.data!.createDeal.id },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.testWorkflow.steps).toEqual([
      { key: 'followUp', status: 'would', description: expect.stringMatching(/^Would create task “Follow up Globex” for Olivia, due .* on deal “Globex”$/), error: null },
      { key: 'tellManagers', status: 'would', description: 'Would notify Manny: “Globex was won”', error: null },
      { key: 'mailOwner', status: 'would', description: 'Would email “Congratulations on Globex” to owner.person@flow.test', error: null },
      { key: 'callErp', status: 'would', description: 'Would send POST http://127.0.0.1:9/never (45 bytes of JSON)', error: null },
    ]);
    expect({ task: await count('task'), notification: await count('notification'), mail: await count('mail_outbox'), hooks: hookCalls.length }).toEqual(before);
  });

  it('runs every step when a user moves a deal to won', async () => {
    const owner = await app.signIn('owner.person@flow.test', testPassword('owner.person@flow.test'));
    const created = await owner.graphql<{ createDeal: { id: string } }>(`mutation { createDeal(data: { name: "Acme", stage: "open" }) { id } }`);
    const id = created.data!.createDeal.id;
    const moved = await owner.graphql(`mutation($id: ID!) { updateDeal(id: $id, data: { stage: "won", closeDate: "2026-11-26" }) { id } }`, { id });
    expect(moved.errors).toBeUndefined();
    const [run] = (await settledRuns(app.pool, 'wonFollowUp', 1)).filter((r) => r.record_id === id);
    expect(run).toMatchObject({ status: 'succeeded', error: null });
    const mine = await owner.metadata<{ myTasks: { title: string; recordLabel: string; workflowRunId: string; createdBy: string }[] }>(`{ myTasks { title recordLabel workflowRunId createdBy } }`);
    expect(mine.data!.myTasks).toEqual([{ title: 'Follow up Acme', recordLabel: 'Acme', workflowRunId: run!.id, createdBy: 'Workflow “Won follow-up”' }]);
    const manager = await app.signIn('manager.person@flow.test', testPassword('manager.person@flow.test'));
    const bell = await manager.metadata<{ notifications: { title: string; body: string; recordId: string }[] }>(`{ notifications { title body recordId } }`);
    expect(bell.data!.notifications).toEqual([{ title: 'Acme was won', body: expect.stringMatching(/^Task [0-9a-f-]{36}$/), recordId: id }]);
    const mail = await app.pool.query(`SELECT to_address, subject FROM trellis.mail_outbox WHERE workflow_run_id = $1`, [run!.id]);
    expect(mail.rows).toEqual([{ to_address: 'owner.person@flow.test', subject: 'Congratulations on Acme' }]);
    expect(hookCalls.at(-1)).toMatchObject({ headers: { 'idempotency-key': `${run!.id}:callErp` }, body: [id, expect.stringMatching(/^[0-9a-f-]{36}$/)] });
  });
});
