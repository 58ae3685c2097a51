/**
 * Property-based agreement of the SQL compiler with the runtime evaluator: random predicates (bounded depth)
 * over random rows of an entity with every column type (nulls included) must select exactly the rows the
 * runtime finds truthy. Rules the compiler refuses are counted (they must be refusals, never SQL errors).
 */
import fc from 'fast-check';
import { dataModelOf } from '../records/data-model.js';
import { createTables } from '../records/testing/record-test-kit.js';
import { startTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { isRuleCompileError } from './rule-compile-error.js';
import { readThrough } from './rule-variables.js';
import { STAGES, ruleDocument } from './testing/rule-fixture.js';
import { insertRows, jsVerdicts, readRecords, sqlVerdicts, type Row } from './testing/rule-test-kit.js';

// Seeded for reproducible CI runs; FC_SEED / FC_RUNS explore further locally.
const SEED = Number(process.env['FC_SEED'] ?? 20240615);
const RUNS = Number(process.env['FC_RUNS'] ?? 300);
const DEPTH = Number(process.env['FC_DEPTH'] ?? 3);
const doc = ruleDocument();
const model = dataModelOf(doc, 'main');
let db: TestDatabase;

beforeAll(async () => {
  db = await startTestDatabase();
  await createTables(db.pool, doc);
});

afterAll(async () => {
  await db?.stop();
});

// ── values ──────────────────────────────────────────────────────────────────────────────────────────────
const SPECIAL_CHARS = ['a', 'A', 'b', 'z', '0', '1', ' ', '-', '.', 'é', 'ß', 'Σ', 'ς', 'İ', 'ﬀ', '\u00a0', '\uE000', '\uFFFF', '\u{1F600}', '\u{10FFFF}', '\u{16EA0}', '\uA7CE'];
const char = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SPECIAL_CHARS) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 0x10ffff }).filter((c) => c < 0xd800 || c > 0xdfff).map((c) => String.fromCodePoint(c)) },
);
const text = fc.oneof(
  fc.constantFrom('', '0', '1', '10', '2', 'abc', 'Abc', 'ABC', 'null', 'true', 'new', 'won', '2024-01-01', 'ΑΣ'),
  fc.array(char, { maxLength: 5 }).map((cs) => cs.join('')),
);
const integer = fc.oneof(fc.integer({ min: -20, max: 20 }), fc.constantFrom(0, 2147483647, -2147483648, 1000000));
const decimal = (scale: number) => fc.integer({ min: -100000, max: 100000 }).map((n) => Number((n / 10 ** scale).toFixed(scale)));
const date = fc.constantFrom('2024-01-01', '2024-06-15', '1999-12-31', '2030-02-28', '0999-05-05');
const instant = fc.constantFrom('2024-06-15T12:00:00.000Z', '2024-01-01T00:00:00.000Z', '2024-06-15T12:00:00.001Z', '1970-01-01T00:00:00.000Z');
const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 4 });

const company = fc.record({ name: nullable(text), employees: nullable(integer), rating: nullable(decimal(1)) });
const deal = (companyCount: number) =>
  fc.record({
    title: nullable(text),
    notes: nullable(text),
    qty: nullable(integer),
    score: nullable(integer),
    price: nullable(decimal(2)),
    ratio: nullable(decimal(4)),
    active: nullable(fc.boolean()),
    closeDate: nullable(date),
    closedAt: nullable(instant),
    stage: nullable(fc.constantFrom(...STAGES)),
    tags: nullable(fc.subarray(['a', 'b', 'c'])),
    amount: nullable(fc.record({ amount: decimal(2), currency: fc.constantFrom('USD', 'EUR') })),
    data: nullable(fc.oneof(fc.constant(0), fc.constant(''), fc.constant([]), fc.constant({ a: 1 }), text)),
    company: nullable(fc.integer({ min: 0, max: companyCount - 1 })),
  });
const dataset = fc.record({ companies: fc.array(company, { minLength: 2, maxLength: 3 }) }).chain(({ companies }) =>
  fc.record({ companies: fc.constant(companies), deals: fc.array(deal(companies.length), { minLength: 4, maxLength: 8 }) }),
);

// ── rules ───────────────────────────────────────────────────────────────────────────────────────────────
const VARS = [
  'record.title', 'record.code', 'record.notes', 'record.qty', 'record.score', 'record.price', 'record.ratio', 'record.active',
  'record.closeDate', 'record.closedAt', 'record.stage', 'record.tags', 'record.amount', 'record.amount.amount',
  'record.amount.currency', 'record.data', 'record.id', 'record.company.name', 'record.company.employees',
  'record.company.rating', 'record.company', 'record.company.parent', 'user.id', 'user.kind', 'now',
];
const literal = fc.oneof(
  integer,
  fc.constantFrom(0.5, -2.25, 1.1, 0.1, -0, 1e15, 3, 1e200),
  text,
  date,
  instant,
  fc.boolean(),
  fc.constant(null),
);
const { rule, value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { maxDepth: DEPTH, depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: fc.constantFrom(...VARS).map((v) => ({ var: v })) },
    { weight: 3, arbitrary: literal },
    { weight: 2, arbitrary: tie('rule') },
  ),
  rule: fc.oneof(
    { maxDepth: DEPTH, depthSize: 'small', withCrossShrink: true },
    fc.tuple(fc.constantFrom('==', '===', '!=', '!==', '<', '<=', '>', '>='), tie('value'), tie('value')).map(([op, a, b]) => ({ [op]: [a, b] })),
    fc.tuple(fc.constantFrom('<', '<='), tie('value'), tie('value'), tie('value')).map(([op, a, b, c]) => ({ [op]: [a, b, c] })),
    fc.tuple(fc.constantFrom('!', '!!', 'isBlank', 'lower', 'upper'), tie('value')).map(([op, a]) => ({ [op]: a })),
    fc.tuple(fc.constantFrom('and', 'or', 'cat', 'max', 'min', '+', '*'), fc.array(tie('value'), { minLength: 1, maxLength: 3 })).map(([op, args]) => ({ [op]: args })),
    fc.tuple(fc.constantFrom('-', '/', '%'), tie('value'), tie('value')).map(([op, a, b]) => ({ [op]: [a, b] })),
    fc.tuple(fc.constantFrom('-'), tie('value')).map(([op, a]) => ({ [op]: [a] })),
    fc.tuple(tie('value'), tie('value'), tie('value')).map(([c, a, b]) => ({ if: [c, a, b] })),
    fc.tuple(tie('value'), fc.oneof(fc.array(literal, { maxLength: 4 }), tie('value'))).map(([a, b]) => ({ in: [a, b] })),
  ),
}));

function insertable(rows: { companies: Row[]; deals: Row[] }): { companies: Row[]; deals: (ids: string[]) => Row[] } {
  return {
    companies: rows.companies,
    deals: (ids) => rows.deals.map((d) => ({ ...d, company: d['company'] === null ? null : ids[d['company'] as number] })),
  };
}

describe('JSON Logic → SQL agrees with the runtime on random rules and records', () => {
  it('selects exactly the rows the runtime finds truthy (300 runs, seeded)', async () => {
    const stats = { compiled: 0, refused: {} as Record<string, number> };
    await fc.assert(
      fc.asyncProperty(dataset, fc.oneof({ weight: 4, arbitrary: rule }, { weight: 1, arbitrary: value }), async (data, r) => {
        const rows = insertable(data);
        await db.pool.query('TRUNCATE main.deal, main.company');
        const companyIds = await insertRows(db.pool, model, 'company', rows.companies);
        await insertRows(db.pool, model, 'deal', rows.deals(companyIds));
        let sql: Map<string, boolean>;
        try {
          sql = await sqlVerdicts(db.pool, model, 'deal', r);
        } catch (error) {
          if (!isRuleCompileError(error)) throw error;
          stats.refused[error.reason] = (stats.refused[error.reason] ?? 0) + 1;
          return;
        }
        stats.compiled++;
        // The rule context: relations the rule reads through hold the related record, the others the id.
        const records = await readRecords(db.pool, model, 'deal', readThrough(r));
        const js = jsVerdicts(records, r);
        for (const [id, verdict] of js) {
          if (verdict instanceof Error) throw new Error(`runtime threw on a compiled rule: ${verdict.message}`);
          expect({ id, record: records.get(id), sql: sql.get(id) }).toEqual({ id, record: records.get(id), sql: verdict });
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    console.log(`JSON Logic properties: ${RUNS} runs (seed ${SEED}), ${stats.compiled} compiled and agreed, refused ${JSON.stringify(stats.refused)}`);
    expect(stats.compiled).toBeGreaterThanOrEqual(RUNS * 0.4);
  });
});
