/**
 * Workflow durability against real server processes sharing one Postgres (DATABASE_URL):
 * - a server SIGKILLed in the middle of 1,000 queued runs: after a restart every run completes, and each one's
 *   effects exist exactly once (a step that committed is never repeated; one that did not is redone);
 * - two server instances on the same database: a cron workflow fires once per tick and a date-relative one once
 *   per record (also after its date moved), never twice.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import pg from 'pg';
import { startTrellis, type RunningTrellis } from './support/trellis-server.js';

jest.setTimeout(300_000);

interface Postgres {
  url: string;
  stop(): Promise<void>;
}

const embeddedPostgres = new URL('../../server/dist/database/embedded-postgres.js', import.meta.url).href;
let postgres: Postgres;
let pgDir: string;

/** The workflow engine tuned for a test: short leases so a crashed instance's runs are taken over in seconds. */
const ENGINE_ENV = {
  TRELLIS_STARTER_PACK: '0',
  TRELLIS_WORKFLOW_LEASE_MS: '3000',
  TRELLIS_WORKFLOW_POLL_MS: '200',
  TRELLIS_RATE_LIMIT: '0',
};

async function database(name: string): Promise<{ url: string; pool: pg.Pool }> {
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = postgres.url.replace(/\/postgres$/, `/${name}`);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  // An idle connection may be told to go when Postgres stops at the end: that is expected, not a failure.
  pool.on('error', () => undefined);
  return { url, pool };
}

async function publish(trellis: RunningTrellis, document: unknown): Promise<void> {
  const result = await trellis.metadata(`mutation($d: JSON!) { publishMetadata(document: $d, message: "e2e") { version } }`, { d: document });
  expect(result.errors).toBeUndefined();
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 120_000, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

const countOf = async (pool: pg.Pool, sql: string, values: unknown[] = []): Promise<number> => Number((await pool.query(sql, values)).rows[0].count);

beforeAll(async () => {
  pgDir = mkdtempSync(join(tmpdir(), 'trellis-e2e-pg-'));
  chmodSync(pgDir, 0o755);
  const { startEmbeddedPostgres } = (await import(embeddedPostgres)) as {
    startEmbeddedPostgres(o: { dataDir: string; persistent: boolean; fast?: boolean }): Promise<Postgres>;
  };
  postgres = await startEmbeddedPostgres({ dataDir: join(pgDir, 'data'), persistent: false, fast: true });
});

afterAll(async () => {
  await postgres?.stop();
  rmSync(pgDir, { recursive: true, force: true });
});

const ticketDocument = (workflows: Record<string, unknown>) => ({
  entities: {
    ticket: {
      label: 'Ticket',
      pluralLabel: 'Tickets',
      plural: 'tickets',
      fields: {
        title: { type: 'text', label: 'Title', required: true },
        processed: { type: 'boolean', label: 'Processed' },
        remindAt: { type: 'dateTime', label: 'Remind at' },
      },
    },
    note: {
      label: 'Note',
      pluralLabel: 'Notes',
      plural: 'notes',
      fields: {
        text: { type: 'text', label: 'Text', required: true },
        ticket: { type: 'relation', label: 'Ticket', target: 'ticket', cardinality: 'manyToOne' },
      },
    },
  },
  workflows,
});

test('a server killed in the middle of 1,000 queued runs finishes every run exactly once in effect after a restart', async () => {
  const { url, pool } = await database('crash');
  const env = { ...ENGINE_ENV, DATABASE_URL: url };
  let trellis = await startTrellis(env);
  try {
    await publish(
      trellis,
      ticketDocument({
        onTicket: {
          label: 'On new ticket',
          trigger: { type: 'recordCreated', entity: 'ticket' },
          steps: [
            { key: 'note', type: 'createRecord', entity: 'note', values: { text: { cat: ['Note for ', { var: 'record.title' }] }, ticket: { var: 'record.id' } } },
            { key: 'mark', type: 'updateRecord', values: { processed: true } },
          ],
        },
      }),
    );
    for (let batch = 0; batch < 5; batch++) {
      const data = Array.from({ length: 200 }, (_, i) => ({ title: `T${batch * 200 + i}` }));
      const created = await trellis.graphql(`mutation($data: [TicketCreateInput!]!) { createTickets(data: $data) { id } }`, { data });
      expect(created.errors).toBeUndefined();
    }
    const succeeded = () => countOf(pool, `SELECT count(*) FROM trellis.workflow_run WHERE workflow = 'onTicket' AND status = 'succeeded'`);
    await waitFor('the first 50 runs', async () => (await succeeded()) >= 50, 60_000, 20);
    await trellis.kill();
    const atKill = await succeeded();
    expect(atKill).toBeLessThan(1000); // killed in the middle, not after the work was done

    trellis = await startTrellis(env);
    await waitFor('all 1,000 runs', async () => (await succeeded()) === 1000);
    expect(await countOf(pool, `SELECT count(*) FROM trellis.workflow_run WHERE workflow = 'onTicket'`)).toBe(1000);
    expect(await countOf(pool, `SELECT count(*) FROM main.note`)).toBe(1000);
    expect(await countOf(pool, `SELECT count(*) FROM (SELECT ticket_id FROM main.note GROUP BY ticket_id HAVING count(*) > 1) d`)).toBe(0);
    expect(await countOf(pool, `SELECT count(*) FROM main.ticket WHERE processed`)).toBe(1000);
    expect(await countOf(pool, `SELECT count(*) FROM trellis.workflow_step_run WHERE status = 'succeeded'`)).toBe(2000);
    console.log(`crash test: ${atKill} of 1000 runs had succeeded when the server was killed; all 1000 completed once after the restart`);
  } finally {
    await trellis.stop();
    await pool.end();
  }
});

test('two instances on one database never double-fire a scheduled or a date-relative workflow', async () => {
  const { url, pool } = await database('twoinstances');
  const env = { ...ENGINE_ENV, DATABASE_URL: url };
  const first = await startTrellis(env);
  const second = await startTrellis(env);
  try {
    const workflows = {
      everySecond: {
        label: 'Every second',
        trigger: { type: 'scheduled', cron: '* * * * * *' },
        steps: [{ key: 'tick', type: 'createRecord', entity: 'note', values: { text: 'tick' } }],
      },
      remind: {
        label: 'Remind',
        trigger: { type: 'dateRelative', entity: 'ticket', field: 'remindAt', offset: { amount: 1, unit: 'minutes' }, direction: 'before' },
        steps: [{ key: 'remindNote', type: 'createRecord', entity: 'note', values: { text: 'reminder', ticket: { var: 'record.id' } } }],
      },
    };
    await publish(first, ticketDocument(workflows));
    const scheduledFrom = Date.now();

    // 20 tickets due for a reminder about 4 s from now; one of them is then moved 4 s later.
    const remindAt = new Date(Date.now() + 64_000).toISOString();
    const data = Array.from({ length: 20 }, (_, i) => ({ title: `R${i}`, remindAt }));
    const created = await second.graphql(`mutation($data: [TicketCreateInput!]!) { createTickets(data: $data) { id } }`, { data });
    expect(created.errors).toBeUndefined();
    const moved = created.data.createTickets[0].id as string;
    const movedTo = new Date(Date.now() + 68_000).toISOString();
    const update = await first.graphql(`mutation($id: ID!, $at: DateTime!) { updateTicket(id: $id, data: { remindAt: $at }) { id } }`, { id: moved, at: movedTo });
    expect(update.errors).toBeUndefined();

    const reminders = () => countOf(pool, `SELECT count(*) FROM main.note WHERE text = 'reminder'`);
    await waitFor('20 reminders', async () => (await reminders()) >= 20, 30_000);
    await new Promise((r) => setTimeout(r, 2000)); // time for a double fire to show, if there were one
    await publish(first, ticketDocument({ ...workflows, everySecond: { ...workflows.everySecond, active: false } }));
    const seconds = (Date.now() - scheduledFrom) / 1000;

    expect(await reminders()).toBe(20);
    expect(await countOf(pool, `SELECT count(*) FROM (SELECT ticket_id FROM main.note WHERE text = 'reminder' GROUP BY ticket_id HAVING count(*) > 1) d`)).toBe(0);
    const movedRun = await pool.query(`SELECT created_at FROM trellis.workflow_run WHERE workflow = 'remind' AND record_id = $1`, [moved]);
    expect(movedRun.rows).toHaveLength(1);
    expect(new Date(movedRun.rows[0].created_at).getTime()).toBeGreaterThanOrEqual(new Date(movedTo).getTime() - 60_000 - 50);

    // One run per second of the schedule, not two (each run made one note).
    const ticks = await countOf(pool, `SELECT count(*) FROM main.note WHERE text = 'tick'`);
    const tickRuns = await countOf(pool, `SELECT count(*) FROM trellis.workflow_run WHERE workflow = 'everySecond'`);
    expect(ticks).toBe(tickRuns);
    expect(tickRuns).toBeGreaterThanOrEqual(Math.floor(seconds) - 3);
    expect(tickRuns).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
    console.log(`two instances: ${tickRuns} cron runs in ${seconds.toFixed(1)} s, 20 reminders once each`);
  } finally {
    await Promise.all([first.stop(), second.stop()]);
    await pool.end();
  }
});
