/**
 * Conformance: the JSON Logic community's suite (testing/compatible.json) through the runtime evaluator and,
 * for every case the SQL compiler accepts, through the compiled SQL in a real Postgres — same answer required.
 *
 * Each case runs twice:
 * - "as written": the case's data becomes one row of a table with typed columns (number → decimal, text →
 *   text, boolean → boolean, null → text null, object → a manyToOne to a row of another table); vars are
 *   rewritten onto `record` (`{"var": "a"}` → `{"var": "record.a"}`).
 * - "lifted": additionally every literal operand becomes a typed column holding that literal, so the same
 *   semantics are proven on columns (nullable, typed) and not only on constant parameters.
 * A case the compiler refuses is skipped, counted by refusal reason; the summary is printed.
 */
import { readFileSync } from 'node:fs';
import { evaluateRule, isTruthy } from '@trellis/runtime';
import { validateDocument, type EntityDefinition, type FieldDefinition, type MetadataDocument } from '@trellis/metadata';
import { dataModelOf, type DataModel } from '../records/data-model.js';
import { AliasSource, SqlParams, quoteIdent } from '../records/sql.js';
import { createTables } from '../records/testing/record-test-kit.js';
import { startTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { compileJsonLogic } from './compile-json-logic.js';
import { isRuleCompileError } from './rule-compile-error.js';
import { TEST_ENV, jsVerdicts, readRecords, sqlVerdicts } from './testing/rule-test-kit.js';

interface Case {
  description: string;
  rule: unknown;
  data?: unknown;
  result: unknown;
}

const suite = JSON.parse(readFileSync(new URL('./testing/compatible.json', import.meta.url), 'utf8')) as (string | Case)[];
const cases = suite.filter((c): c is Case => typeof c !== 'string');

let db: TestDatabase;
let schemaCounter = 0;

beforeAll(async () => {
  db = await startTestDatabase();
});

afterAll(async () => {
  await db?.stop();
});

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLogic = (v: unknown): v is Record<string, unknown> => isPlainObject(v) && Object.keys(v).length === 1;

/** `{"var": "a"}` → `{"var": "record.a"}` (also inside every operator). */
function onRecord(rule: unknown): unknown {
  if (Array.isArray(rule)) return rule.map(onRecord);
  if (!isLogic(rule)) return rule;
  const [op] = Object.keys(rule) as [string];
  const args = rule[op];
  if (op === 'var') {
    const list = Array.isArray(args) ? args : [args];
    if (typeof list[0] === 'string' && list[0] !== '') return { var: [`record.${list[0]}`, ...list.slice(1)] };
    return rule;
  }
  return { [op]: Array.isArray(args) ? args.map(onRecord) : onRecord(args) };
}

/** Every literal operand → a var of a new column holding it (`c0`, `c1`, …). */
function lift(rule: unknown, columns: Record<string, unknown>): unknown {
  if (Array.isArray(rule)) return rule.map((r) => lift(r, columns));
  if (rule === null || typeof rule !== 'object') {
    const name = `c${Object.keys(columns).length}`;
    columns[name] = rule;
    return { var: `record.${name}` };
  }
  if (!isLogic(rule)) return rule;
  const [op] = Object.keys(rule) as [string];
  if (op === 'var') return rule;
  const args = rule[op];
  return { [op]: Array.isArray(args) ? args.map((a) => lift(a, columns)) : lift(args, columns) };
}

/** A field holding `value`, or null when a value of that shape has no column type here (arrays). */
function fieldFor(value: unknown, label: string): FieldDefinition | null {
  if (typeof value === 'number') {
    const decimals = Number.isInteger(value) ? 0 : (String(value).split('.')[1] ?? '').length;
    return { type: 'decimal', label, scale: Math.min(decimals, 10) };
  }
  if (typeof value === 'boolean') return { type: 'boolean', label };
  if (typeof value === 'string' || value === null) return { type: 'text', label };
  return null;
}

interface Built {
  doc: MetadataDocument;
  rows: { entity: string; values: Record<string, unknown> }[];
}

/** Entities for a data object: scalars as columns, nested objects as manyToOne targets. */
function build(data: Record<string, unknown>): Built | null {
  const doc: MetadataDocument = { entities: {} };
  const rows: Built['rows'] = [];
  const add = (entity: string, values: Record<string, unknown>): boolean => {
    const def: EntityDefinition = { label: entity, pluralLabel: `${entity}s`, plural: `${entity}List`, fields: {} };
    doc.entities[entity] = def;
    const row: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(values)) {
      if (isPlainObject(value)) {
        if (doc.entities[key] || !add(key, value)) return false;
        def.fields[key] = { type: 'relation', label: key, target: key, cardinality: 'manyToOne' };
        row[key] = { ref: key };
        continue;
      }
      const field = fieldFor(value, key);
      if (!field) continue; // arrays: only the operators the compiler refuses read them
      def.fields[key] = field;
      row[key] = value;
    }
    rows.push({ entity, values: row });
    return true;
  };
  if (!add('item', data)) return null;
  return validateDocument(doc).length === 0 ? { doc, rows } : null;
}

async function loadRows(schema: string, built: Built): Promise<void> {
  const model = dataModelOf(built.doc, schema);
  const ids = new Map<string, string>();
  for (const { entity, values } of built.rows) {
    const e = model.entities.get(entity)!;
    const columns: string[] = [];
    const params: unknown[] = [];
    for (const [key, value] of Object.entries(values)) {
      const field = e.fields.get(key)!;
      columns.push(quoteIdent(field.kind === 'scalar' ? field.columns[0]!.column : (field as { column: string }).column));
      params.push(isPlainObject(value) ? ids.get((value as { ref: string }).ref) : value);
    }
    const list = columns.length ? `(${columns.join(', ')}) VALUES (${params.map((_, i) => `$${i + 1}`).join(', ')})` : 'DEFAULT VALUES';
    const result = await db.pool.query(`INSERT INTO ${e.table} ${list} RETURNING id::text`, params);
    ids.set(entity, result.rows[0].id);
  }
}

type Outcome = { status: 'agree' } | { status: 'skipped'; reason: string } | { status: 'disagree'; detail: string };

async function runCase(rule: unknown, data: Record<string, unknown>, expected: unknown): Promise<Outcome> {
  const built = build(data);
  if (!built) {
    if (process.env['CONFORMANCE_DEBUG']) console.log('no table shape', JSON.stringify(data));
    return { status: 'skipped', reason: 'data has no table shape' };
  }
  const schema = `conf${schemaCounter++}`;
  const model = dataModelOf(built.doc, schema);
  try {
    assertCompiles(model, rule);
  } catch (error) {
    if (!isRuleCompileError(error)) throw error;
    const op = error.reason === 'unsupported-operator' ? /Operator "([^"]+)"/.exec(error.message)?.[1] : undefined;
    if (process.env['CONFORMANCE_DEBUG']) console.log(JSON.stringify(rule), error.message);
    return { status: 'skipped', reason: op ? `${error.reason} (${op})` : error.reason };
  }
  await createTables(db.pool, built.doc, schema);
  await loadRows(schema, built);
  const records = await readRecords(db.pool, model, 'item', 'expanded');
  const js = [...jsVerdicts(records, rule).values()][0];
  if (js instanceof Error) return { status: 'disagree', detail: `runtime threw ${js.message}` };
  if (js !== isTruthy(expected)) return { status: 'disagree', detail: `runtime on the stored row gave ${js}, suite says ${JSON.stringify(expected)}` };
  let verdict: boolean | undefined;
  try {
    verdict = [...(await sqlVerdicts(db.pool, model, 'item', rule)).values()][0];
  } catch (error) {
    return { status: 'disagree', detail: `SQL failed: ${(error as Error).message}` };
  }
  return verdict === js ? { status: 'agree' } : { status: 'disagree', detail: `SQL gave ${verdict}, JavaScript ${js}` };
}

function assertCompiles(model: DataModel, rule: unknown): void {
  compileJsonLogic({ model, params: new SqlParams(), aliases: new AliasSource(), env: TEST_ENV }, 'item', rule, 't0');
}

function summarize(outcomes: Outcome[]): { agree: number; skipped: Record<string, number>; disagree: number } {
  const skipped: Record<string, number> = {};
  for (const o of outcomes) if (o.status === 'skipped') skipped[o.reason] = (skipped[o.reason] ?? 0) + 1;
  return {
    agree: outcomes.filter((o) => o.status === 'agree').length,
    skipped,
    disagree: outcomes.filter((o) => o.status === 'disagree').length,
  };
}

describe('JSON Logic conformance suite', () => {
  it('the runtime evaluator gives the suite result for all 278 cases', () => {
    expect(cases).toHaveLength(278);
    for (const c of cases) expect({ rule: c.rule, result: evaluateRule(c.rule, c.data as Record<string, unknown>) }).toEqual({ rule: c.rule, result: c.result });
  });

  const variants: [string, (c: Case) => { rule: unknown; data: Record<string, unknown> } | null][] = [
    ['as written', (c) => (c.data === undefined || c.data === null || isPlainObject(c.data) ? { rule: onRecord(c.rule), data: (c.data as Record<string, unknown>) ?? {} } : null)],
    [
      'lifted',
      (c) => {
        if (!(c.data === undefined || c.data === null || isPlainObject(c.data))) return null;
        const columns: Record<string, unknown> = {};
        const rule = lift(onRecord(c.rule), columns);
        const data = { ...((c.data as Record<string, unknown>) ?? {}) };
        if (Object.keys(columns).some((k) => k in data)) return null;
        return { rule, data: { ...data, ...columns } };
      },
    ],
  ];

  for (const [name, prepare] of variants) {
    it(`SQL agrees with JavaScript on every case it compiles (${name})`, async () => {
      const outcomes: Outcome[] = [];
      const failures: string[] = [];
      for (const c of cases) {
        const prepared = prepare(c);
        const outcome = prepared ? await runCase(prepared.rule, prepared.data, c.result) : ({ status: 'skipped', reason: 'data is not a record' } as const);
        outcomes.push(outcome);
        if (outcome.status === 'disagree') failures.push(`${JSON.stringify(c.rule)} ${JSON.stringify(c.data ?? null)}: ${outcome.detail}`);
      }
      const summary = summarize(outcomes);
      console.log(`JSON Logic conformance (${name}): ${cases.length} cases, ${summary.agree} compiled and agree, skipped ${JSON.stringify(summary.skipped)}`);
      expect(failures).toEqual([]);
      expect(summary.agree).toBeGreaterThanOrEqual(name === 'as written' ? 150 : 100);
    });
  }
});
