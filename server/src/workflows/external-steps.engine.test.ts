/**
 * Steps that wait on the outside world (httpRequest, plugin actions) hold no database connection while they wait:
 * the call runs before the step's transaction, which then only records the answer. Checked in Postgres itself:
 * while the webhook receiver keeps the request open, no session of the app is idle in a transaction.
 */
import { createServer, type ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jest } from '@jest/globals';
import type { MetadataDocument } from '@trellis/metadata';
import { withTestApp, type TestApp } from '../testing/test-app.js';
import { fastWorkflowOptions, settledRuns, waitFor } from './testing/workflow-test-kit.js';
import { stepsDocument } from './steps/testing/steps-document.js';

jest.setTimeout(120_000);

let app: TestApp;
let hook: Server;
const held: ServerResponse[] = [];

beforeAll(async () => {
  hook = createServer((req, res) => {
    req.resume();
    if (req.url === '/refuse') return void req.on('end', () => res.writeHead(400, { 'content-type': 'text/plain' }).end('no such order'));
    req.on('end', () => held.push(res)); // answered only when the test says so
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/slow`;
  const document: MetadataDocument = {
    ...stepsDocument(),
    workflows: {
      tellErp: {
        label: 'Tell the ERP',
        trigger: { type: 'recordCreated', entity: 'deal' },
        steps: [{ key: 'callErp', type: 'httpRequest', method: 'POST', url, body: { var: 'record.name' }, timeoutMs: 30_000 }],
      },
      refusedErp: {
        label: 'An ERP that refuses',
        trigger: { type: 'recordUpdated', entity: 'deal' },
        condition: { '==': [{ var: 'record.stage' }, 'refuse'] },
        steps: [{ key: 'callErp', type: 'httpRequest', method: 'PUT', url: url.replace('/slow', '/refuse'), body: { order: { var: 'record.name' } } }],
      },
      winWithoutDate: {
        label: 'Win without a close date',
        trigger: { type: 'recordUpdated', entity: 'deal' },
        condition: { '==': [{ var: 'record.stage' }, 'promote'] },
        steps: [{ key: 'win', type: 'updateRecord', values: { stage: 'won', amount: 99 } }],
      },
    },
  };
  app = await withTestApp(document, { workflows: fastWorkflowOptions({ leaseMs: 20_000 }) });
});

afterAll(async () => {
  await app?.close();
  hook?.closeAllConnections();
  await new Promise((resolve) => hook?.close(resolve));
});

/** Sessions of this database, other than the one asking, that sit in an open transaction. */
const idleInTransaction = async () =>
  (await app.pool.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'`)).rows[0].n as number;

describe('an HTTP step waiting on its answer', () => {
  it('holds no transaction open meanwhile, and records the answer once it comes', async () => {
    const created = await app.graphql('mutation { createDeal(data: { name: "Slow Co" }) { id } }');
    expect(created.errors).toBeUndefined();
    await waitFor(async () => held.length > 0, 10_000, 'the webhook request');
    // The request is open on the other side: give a held transaction every chance to show.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await idleInTransaction()).toBe(0);

    held[0]!.writeHead(200, { 'content-type': 'application/json' }).end('{"booked":true}');
    const [run] = await settledRuns(app.pool, 'tellErp', 1);
    expect(run!.status).toBe('succeeded');
    const { rows } = await app.pool.query(`SELECT status, output FROM trellis.workflow_step_run WHERE run_id = $1 AND step_key = 'callErp'`, [run!.id]);
    expect(rows).toEqual([{ status: 'succeeded', output: expect.objectContaining({ status: 200, body: { booked: true } }) }]);
  });
});

describe('a failed try', () => {
  const failedRow = async (workflow: string) => {
    const [run] = await settledRuns(app.pool, workflow, 1);
    expect(run!.status).toBe('dead');
    const { rows } = await app.pool.query(`SELECT status, input, error FROM trellis.workflow_step_run WHERE run_id = $1`, [run!.id]);
    return rows[0];
  };

  it('keeps what the step sent: the request of a refused HTTP call, the values of a refused update', async () => {
    const created = await app.graphql<{ createDeal: { id: string } }>('mutation { createDeal(data: { name: "Refused Co" }) { id } }');
    const id = created.data!.createDeal.id;
    await app.graphql('mutation($id: ID!) { updateDeal(id: $id, data: { stage: "refuse" }) { id } }', { id });
    const refused = await failedRow('refusedErp');
    expect(refused).toMatchObject({ status: 'failed', input: { method: 'PUT', body: { order: 'Refused Co' } } });
    expect(refused.error.message).toMatch(/400/);

    await app.graphql('mutation($id: ID!) { updateDeal(id: $id, data: { stage: "promote" }) { id } }', { id });
    const update = await failedRow('winWithoutDate');
    expect(update).toMatchObject({ status: 'failed', input: { stage: 'won', amount: 99 }, error: { message: expect.stringMatching(/close date/i) } });
  });
});
