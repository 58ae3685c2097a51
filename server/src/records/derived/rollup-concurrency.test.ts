/**
 * Roll-ups stay exact under concurrency: 8 connections hammer deal creates, updates, deletes, re-parenting and
 * label link changes (from both sides) — plus company changes that formulas of the deals read — and afterwards
 * every roll-up and formula equals a recount done in SQL from the rows themselves.
 */
import { jest } from '@jest/globals';
import { testContext } from '../../testing/contexts.js';
import pg from 'pg';
import type { RequestContext } from '../../common/request-context.js';
import { startTestDatabase, type TestDatabase } from '../../testing/test-database.js';
import type { RecordService } from '../record.service.js';
import { derivedDocument } from '../testing/derived-fixture.js';
import { createTables, recordServiceFor } from '../testing/record-test-kit.js';

jest.setTimeout(180_000);

const ctx: RequestContext = testContext('hammer', 'user');
const WORKERS = 8;
const OPERATIONS = 400;
let db: TestDatabase;
let pool: pg.Pool;
let records: RecordService;

beforeAll(async () => {
  db = await startTestDatabase();
  const doc = derivedDocument();
  await createTables(db.pool, doc);
  pool = new pg.Pool({ connectionString: db.url, options: '-c TimeZone=UTC', max: WORKERS + 2 });
  pool.on('error', () => undefined);
  records = recordServiceFor(pool, doc);
});

afterAll(async () => {
  await pool?.end();
  await db?.stop();
});

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Roll-ups and formulas that differ from a recount of the rows (empty = all exact). */
async function mismatches(): Promise<Record<string, unknown>[]> {
  const companies = await pool.query(`
    SELECT c.id, c.name, x.* FROM main.company c, LATERAL (SELECT
      c.open_deals IS DISTINCT FROM (SELECT count(*) FROM main.deal d WHERE d.company_id = c.id AND d.stage IS DISTINCT FROM 'lost')::int AS open_deals,
      c.won_amount IS DISTINCT FROM (SELECT coalesce(sum(d.amount), 0) FROM main.deal d WHERE d.company_id = c.id AND d.stage = 'won') AS won_amount,
      c.pipeline IS DISTINCT FROM (SELECT coalesce(sum(d.weighted), 0) FROM main.deal d WHERE d.company_id = c.id) AS pipeline,
      c.avg_probability IS DISTINCT FROM (SELECT round(avg(d.probability), 2) FROM main.deal d WHERE d.company_id = c.id) AS avg_probability,
      c.first_close IS DISTINCT FROM (SELECT min(d.close_date) FROM main.deal d WHERE d.company_id = c.id) AS first_close,
      c.last_close IS DISTINCT FROM (SELECT max(d.close_date) FROM main.deal d WHERE d.company_id = c.id) AS last_close,
      c.biggest IS DISTINCT FROM (SELECT max(d.amount) FROM main.deal d WHERE d.company_id = c.id) AS biggest,
      -- formulas compute in IEEE doubles: equal to the exact decimal up to the last digit's rounding
      coalesce(abs(c.pipeline_per_head - c.pipeline / nullif(c.employees, 0)) > 0.0051, (c.pipeline_per_head IS NULL) <> (nullif(c.employees, 0) IS NULL)) AS pipeline_per_head
    ) x`);
  const labels = await pool.query(`
    SELECT l.id, l.name, x.* FROM main.label l, LATERAL (SELECT
      l.deal_count IS DISTINCT FROM (SELECT count(*) FROM main.deal__labels j WHERE j.target_id = l.id)::int AS deal_count,
      l.weighted_total IS DISTINCT FROM (SELECT coalesce(sum(d.weighted), 0) FROM main.deal__labels j JOIN main.deal d ON d.id = j.source_id WHERE j.target_id = l.id) AS weighted_total
    ) x`);
  const deals = await pool.query(`
    SELECT d.id, d.title, x.* FROM main.deal d LEFT JOIN main.company c ON c.id = d.company_id, LATERAL (SELECT
      d.company_employees IS DISTINCT FROM c.employees AS company_employees,
      coalesce(abs(d.weighted - d.amount * d.probability / 100) > 0.0051, (d.weighted IS NULL) <> (d.amount * d.probability IS NULL)) AS weighted,
      d.headline IS DISTINCT FROM d.title || ' @ ' || coalesce(c.name, '-') AS headline
    ) x`);
  const wrong = (rows: Record<string, unknown>[]) => rows.filter((r) => Object.entries(r).some(([k, value]) => value === true && k !== 'id'));
  return [...wrong(companies.rows), ...wrong(labels.rows), ...wrong(deals.rows)];
}

/** Resolves once another connection waits for a row lock (polled: Postgres has no event for it). */
async function someoneWaitsForALock(): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const waiting = await pool.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
    if (waiting.rowCount) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('no connection ever waited for a lock');
}

describe('roll-ups under concurrent writes', () => {
  it('an update that waited for a row lock sees the manyToMany link committed meanwhile', async () => {
    const [deal] = await records.createMany(ctx, 'deal', [{ title: 'linked while waiting', amount: { amount: 100 }, probability: 50 }]);
    const [label] = await records.createMany(ctx, 'label', [{ name: 'late link' }]);
    const dealId = deal!['id'] as string;
    const labelId = label!['id'] as string;
    // The label side links the deal (holding the deal FOR SHARE) and is left open ...
    const linking = await pool.connect();
    try {
      await linking.query('BEGIN');
      await records.update(ctx, 'label', labelId, { deals: [dealId] }, { client: linking });
      // ... while the deal's amount changes: that update must wait, then find the new link and recompute the label.
      const amountChange = records.update(ctx, 'deal', dealId, { amount: { amount: 300 } });
      await someoneWaitsForALock();
      await linking.query('COMMIT');
      await amountChange;
    } finally {
      linking.release();
    }
    const stored = await pool.query('SELECT weighted_total::float8 AS total FROM main.label WHERE id = $1', [labelId]);
    expect(stored.rows[0].total).toBe(150);
    expect(await mismatches()).toEqual([]);
  });


  it(`match a recount after ${OPERATIONS} concurrent child writes from ${WORKERS} connections`, async () => {
    const companies = (await records.createMany(ctx, 'company', ['A', 'B', 'C', 'D'].map((name, i) => ({ name, employees: i + 1 })))).map((c) => c['id'] as string);
    const labels = (await records.createMany(ctx, 'label', ['x', 'y', 'z'].map((name) => ({ name })))).map((l) => l['id'] as string);
    const deals: string[] = (await records.createMany(ctx, 'deal', Array.from({ length: 24 }, (_, i) => ({ title: `seed ${i}`, company: companies[i % 4], amount: { amount: 100 + i }, probability: 50 })))).map((d) => d['id'] as string);
    const done: Record<string, number> = {};
    const failures: Record<string, number> = {};
    let next = 0;
    const started = Date.now();
    const worker = async (seed: number) => {
      const rnd = random(seed);
      const pick = <T>(list: T[]): T => list[Math.floor(rnd() * list.length)]!;
      const maybeCompany = () => (rnd() < 0.15 ? null : pick(companies));
      const stage = () => pick(['new', 'won', 'lost', null]);
      while (next < OPERATIONS) {
        next++;
        const roll = rnd();
        const op = roll < 0.25 ? 'create' : roll < 0.45 ? 'update' : roll < 0.65 ? 'reparent' : roll < 0.78 ? 'delete' : roll < 0.88 ? 'relink' : roll < 0.94 ? 'labelSide' : 'company';
        try {
          if (op === 'create') {
            const created = await records.create(ctx, 'deal', {
              title: `deal ${seed}-${next}`,
              company: maybeCompany(),
              stage: stage(),
              amount: rnd() < 0.1 ? null : { amount: Math.round(rnd() * 100000) / 100 },
              probability: Math.round(rnd() * 100),
              closeDate: rnd() < 0.3 ? null : `2026-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`,
              labels: rnd() < 0.5 ? [pick(labels)] : [],
            });
            deals.push(created['id'] as string);
          } else if (op === 'update') {
            await records.update(ctx, 'deal', pick(deals), { stage: stage(), amount: { amount: Math.round(rnd() * 100000) / 100 }, probability: Math.round(rnd() * 100) });
          } else if (op === 'reparent') {
            await records.update(ctx, 'deal', pick(deals), { company: maybeCompany(), stage: stage() });
          } else if (op === 'delete') {
            const id = pick(deals);
            await records.delete(ctx, 'deal', id);
            deals.splice(deals.indexOf(id), 1);
          } else if (op === 'relink') {
            await records.update(ctx, 'deal', pick(deals), { labels: labels.filter(() => rnd() < 0.5) });
          } else if (op === 'labelSide') {
            await records.update(ctx, 'label', pick(labels), { deals: deals.filter(() => rnd() < 0.2) });
          } else {
            await records.update(ctx, 'company', pick(companies), { employees: Math.floor(rnd() * 10), name: `Co ${seed}-${next}` });
          }
          done[op] = (done[op] ?? 0) + 1;
        } catch (error) {
          // A deal deleted by another worker meanwhile: NOT_FOUND (or a link to it refused) is the right answer.
          const code = (error as { extensions?: { code?: string } }).extensions?.code ?? (error as { code?: string }).code ?? String(error);
          failures[`${op}:${code}`] = (failures[`${op}:${code}`] ?? 0) + 1;
          if (code !== 'NOT_FOUND' && code !== 'VALIDATION_FAILED') throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, (_, i) => worker(1000 + i)));
    const elapsed = Date.now() - started;
    if (process.env['TRELLIS_REPORT']) {
      const stats = await pool.query('SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()');
      console.log(JSON.stringify({ operations: next, elapsedMs: elapsed, done, failures, deals: deals.length, deadlocks: stats.rows[0] }));
    }
    expect(Object.values(done).reduce((a, b) => a + b, 0)).toBeGreaterThan(OPERATIONS * 0.8);
    expect(await mismatches()).toEqual([]);
  });
});
