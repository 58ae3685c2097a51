/**
 * Formulas and roll-ups maintained by RecordService on a real (embedded) Postgres: formula values stored with
 * every write and recomputed when a record they read changes; roll-ups exact after creates, updates, deletes,
 * re-parenting and link changes from either side, checked against values computed in JavaScript.
 */
import { jest } from '@jest/globals';
import { testContext } from '../../testing/contexts.js';
import { ensureRecordTables } from '../../audit/record-tables.js';
import { validateDocument } from '@trellis/metadata';
import type { RequestContext } from '../../common/request-context.js';
import { startTestDatabase, type TestDatabase } from '../../testing/test-database.js';
import type { RecordService } from '../record.service.js';
import { derivedDocument } from '../testing/derived-fixture.js';
import { createTables, recordServiceFor } from '../testing/record-test-kit.js';

jest.setTimeout(60_000);

type Row = Record<string, unknown>;
const v = (path: string) => ({ var: path });
const ctx: RequestContext = testContext('tester', 'user');
const doc = derivedDocument();
let db: TestDatabase;
let records: RecordService;

beforeAll(async () => {
  expect(validateDocument(doc)).toEqual([]);
  db = await startTestDatabase();
  await createTables(db.pool, doc);
  await ensureRecordTables(db.pool, 'main', Object.keys(doc.entities)); // the record-history trigger
  records = recordServiceFor(db.pool, doc, () => new Date('2026-03-01T12:00:00Z'));
});

afterAll(async () => {
  await db?.stop();
});

function errorOf(promise: Promise<unknown>): Promise<{ code?: string; message: string; fieldErrors?: Row[] }> {
  return promise.then(
    () => {
      throw new Error('expected an error');
    },
    (error: { message: string; extensions?: { code?: string; fieldErrors?: Row[] } }) => ({ code: error.extensions?.code, message: error.message, fieldErrors: error.extensions?.fieldErrors }),
  );
}

const company = async (id: string): Promise<Row> => (await records.get(ctx, 'company', id))!;
const deal = async (id: string): Promise<Row> => (await records.get(ctx, 'deal', id))!;

describe('formulas', () => {
  it('computes formulas on create and update, stored with the record', async () => {
    const acme = await records.create(ctx, 'company', { name: 'Acme', employees: 40 });
    const created = await records.create(ctx, 'deal', { title: 'Rocket', amount: { amount: 20000 }, probability: 25, closeDate: '2026-04-28', company: acme['id'] });
    expect(created).toMatchObject({ weighted: 5000, companyEmployees: 40, headline: 'Rocket @ Acme', big: true, followUp: '2026-05-05' });
    const updated = await records.update(ctx, 'deal', created['id'] as string, { probability: 50, amount: { amount: 900 }, closeDate: null });
    expect(updated).toMatchObject({ weighted: 450, big: false, followUp: null, headline: 'Rocket @ Acme' });
    const stored = await db.pool.query('SELECT weighted, company_employees, headline FROM main.deal WHERE id = $1', [created['id']]);
    expect(stored.rows[0]).toEqual({ weighted: '450.00', company_employees: 40, headline: 'Rocket @ Acme' });
  });

  it('recomputes the formulas of every deal of a company when the company changes', async () => {
    const globex = await records.create(ctx, 'company', { name: 'Globex', employees: 10 });
    const deals = await records.createMany(ctx, 'deal', [1, 2, 3].map((n) => ({ title: `D${n}`, company: globex['id'] })));
    const other = await records.create(ctx, 'deal', { title: 'Other' });
    await records.update(ctx, 'company', globex['id'] as string, { employees: 12, name: 'Globex Corp' });
    for (const d of deals) expect(await deal(d['id'] as string)).toMatchObject({ companyEmployees: 12, headline: `${String(d['title'])} @ Globex Corp` });
    expect(await deal(other['id'] as string)).toMatchObject({ companyEmployees: null, headline: 'Other @ -' });
    // Re-parenting a deal reads its new company.
    await records.update(ctx, 'deal', other['id'] as string, { company: globex['id'] });
    expect(await deal(other['id'] as string)).toMatchObject({ companyEmployees: 12, headline: 'Other @ Globex Corp' });
    // Deleting the company unlinks its deals (onDelete setNull): their formulas see no company.
    await records.delete(ctx, 'company', globex['id'] as string);
    expect(await deal(other['id'] as string)).toMatchObject({ companyEmployees: null, headline: 'Other @ -' });
  });

  it('refuses to set a formula through the API', async () => {
    const error = await errorOf(records.create(ctx, 'deal', { title: 'X', weighted: 3 }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fieldErrors?.[0]).toMatchObject({ field: 'weighted' });
  });

  it('fails closed: a formula that cannot be evaluated refuses the write, naming the formula', async () => {
    const broken = derivedDocument();
    broken.entities.deal!.fields.code = { type: 'formula', label: 'Code', resultType: 'integer', expression: v('record.title') };
    const db2 = records;
    const service = recordServiceFor(db.pool, broken);
    await db.pool.query('ALTER TABLE main.deal ADD COLUMN IF NOT EXISTS code integer');
    const error = await errorOf(service.create(ctx, 'deal', { title: 'abc' }));
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [{ field: 'code', message: 'Formula "Code" could not be evaluated: it gave "abc", which is not a whole number', rule: 'formula' }],
    });
    expect((await db2.list(ctx, 'deal', { filter: { title: { eq: 'abc' } } })).totalCount).toBe(0);
  });
});

describe('roll-ups', () => {
  it('counts, sums, averages and finds min and max over the related records, with filters', async () => {
    const c = await records.create(ctx, 'company', { name: 'Initech', employees: 4 });
    const id = c['id'] as string;
    expect(c).toMatchObject({ openDeals: 0, wonAmount: 0, pipeline: 0, avgProbability: null, firstClose: null, biggest: null, pipelinePerHead: 0 });
    const a = await records.create(ctx, 'deal', { title: 'A', company: id, stage: 'won', amount: { amount: 100 }, probability: 50, closeDate: '2026-05-01' });
    const b = await records.create(ctx, 'deal', { title: 'B', company: id, stage: 'new', amount: { amount: 300 }, probability: 10, closeDate: '2026-02-01' });
    await records.create(ctx, 'deal', { title: 'C', company: id, stage: 'lost', amount: { amount: 1000 } });
    expect(await company(id)).toMatchObject({
      openDeals: 2,
      wonAmount: 100,
      pipeline: 80,
      avgProbability: 30,
      firstClose: '2026-02-01',
      lastClose: '2026-05-01',
      biggest: 1000,
      pipelinePerHead: 20,
    });
    await records.update(ctx, 'deal', b['id'] as string, { stage: 'won' });
    expect(await company(id)).toMatchObject({ openDeals: 2, wonAmount: 400 });
    await records.delete(ctx, 'deal', a['id'] as string);
    expect(await company(id)).toMatchObject({ openDeals: 1, wonAmount: 300, pipeline: 30, firstClose: '2026-02-01', lastClose: '2026-02-01' });
  });

  it('records a roll-up change in the parent’s history as made by the child’s writer, not the parent’s last editor', async () => {
    const c = await records.create(ctx, 'company', { name: 'Umbrella' });
    const other = testContext('other', 'user');
    await records.create(other, 'deal', { title: 'U', company: c['id'], stage: 'new', amount: { amount: 5 } });
    const { rows } = await db.pool.query(
      `SELECT action, actor FROM "trellis"."record_history" WHERE record_id = $1 ORDER BY id`,
      [c['id']],
    );
    expect(rows).toEqual([
      { action: 'create', actor: 'user:tester' },
      { action: 'update', actor: 'user:other' },
    ]);
  });

  it('moves a re-parented deal from one company roll-up to the other', async () => {
    const one = await records.create(ctx, 'company', { name: 'One' });
    const two = await records.create(ctx, 'company', { name: 'Two' });
    const d = await records.create(ctx, 'deal', { title: 'Moving', company: one['id'], amount: { amount: 50 }, probability: 100 });
    expect(await company(one['id'] as string)).toMatchObject({ openDeals: 1, pipeline: 50 });
    await records.update(ctx, 'deal', d['id'] as string, { company: two['id'] });
    expect(await company(one['id'] as string)).toMatchObject({ openDeals: 0, pipeline: 0, biggest: null });
    expect(await company(two['id'] as string)).toMatchObject({ openDeals: 1, pipeline: 50, biggest: 50 });
    await records.update(ctx, 'deal', d['id'] as string, { company: null });
    expect(await company(two['id'] as string)).toMatchObject({ openDeals: 0, pipeline: 0 });
  });

  it('keeps manyToMany roll-ups exact when links change from either side, and when a formula they sum changes', async () => {
    const hot = await records.create(ctx, 'label', { name: 'hot' });
    const cold = await records.create(ctx, 'label', { name: 'cold' });
    const d1 = await records.create(ctx, 'deal', { title: 'L1', labels: [hot['id']], amount: { amount: 100 }, probability: 10 });
    const d2 = await records.create(ctx, 'deal', { title: 'L2', labels: [hot['id'], cold['id']], amount: { amount: 10 }, probability: 50 });
    expect(await records.get(ctx, 'label', hot['id'] as string)).toMatchObject({ dealCount: 2, weightedTotal: 15 });
    expect(await records.get(ctx, 'label', cold['id'] as string)).toMatchObject({ dealCount: 1, weightedTotal: 5 });
    await records.update(ctx, 'deal', d2['id'] as string, { probability: 100 });
    expect(await records.get(ctx, 'label', hot['id'] as string)).toMatchObject({ weightedTotal: 20 });
    // From the label's side: replace its deals.
    await records.update(ctx, 'label', cold['id'] as string, { deals: [d1['id']] });
    expect(await records.get(ctx, 'label', cold['id'] as string)).toMatchObject({ dealCount: 1, weightedTotal: 10 });
    const created = await records.create(ctx, 'label', { name: 'new', deals: [d1['id'], d2['id']] });
    expect(created).toMatchObject({ dealCount: 2, weightedTotal: 20 });
    await records.delete(ctx, 'deal', d1['id'] as string);
    expect(await records.get(ctx, 'label', created['id'] as string)).toMatchObject({ dealCount: 1, weightedTotal: 10 });
    expect(await records.get(ctx, 'label', hot['id'] as string)).toMatchObject({ dealCount: 1, weightedTotal: 10 });
  });

  it('recomputes the company formula that reads a roll-up when a deal changes', async () => {
    const c = await records.create(ctx, 'company', { name: 'Heads', employees: 2 });
    const d = await records.create(ctx, 'deal', { title: 'H', company: c['id'], amount: { amount: 100 }, probability: 100 });
    expect(await company(c['id'] as string)).toMatchObject({ pipeline: 100, pipelinePerHead: 50 });
    await records.update(ctx, 'deal', d['id'] as string, { probability: 40 });
    expect(await company(c['id'] as string)).toMatchObject({ pipeline: 40, pipelinePerHead: 20 });
    await records.update(ctx, 'company', c['id'] as string, { employees: 0 });
    // A division by zero gives no value.
    expect(await company(c['id'] as string)).toMatchObject({ pipelinePerHead: null });
  });

  it('refuses to set a roll-up through the API', async () => {
    const error = await errorOf(records.create(ctx, 'company', { name: 'X', openDeals: 3 }));
    expect(error.code).toBe('VALIDATION_FAILED');
  });

  it('matches a recount of every roll-up after a bulk create', async () => {
    const companies = await records.createMany(ctx, 'company', [{ name: 'B1' }, { name: 'B2' }]);
    const rows = Array.from({ length: 30 }, (_, i) => ({
      title: `bulk ${i}`,
      company: companies[i % 2]!['id'],
      stage: ['new', 'won', 'lost'][i % 3],
      amount: { amount: i * 10 },
      probability: (i * 7) % 100,
    }));
    await records.createMany(ctx, 'deal', rows);
    const check = await db.pool.query(`
      SELECT c.id, c.open_deals, c.won_amount, c.pipeline,
        (SELECT count(*) FROM main.deal d WHERE d.company_id = c.id AND d.stage IS DISTINCT FROM 'lost')::int AS open_recount,
        (SELECT coalesce(sum(amount), 0) FROM main.deal d WHERE d.company_id = c.id AND d.stage = 'won') AS won_recount,
        (SELECT coalesce(sum(weighted), 0) FROM main.deal d WHERE d.company_id = c.id) AS pipeline_recount
      FROM main.company c WHERE c.id = ANY($1)`, [companies.map((c) => c['id'])]);
    for (const row of check.rows) {
      expect(row.open_deals).toBe(row.open_recount);
      expect(Number(row.won_amount)).toBe(Number(row.won_recount));
      expect(Number(row.pipeline)).toBe(Number(row.pipeline_recount));
    }
    expect(check.rows.map((r) => r.open_deals).sort()).toEqual([10, 10]);
  });
});

