/**
 * The JSON Logic → SQL compiler on chosen cases: JavaScript's quirks reproduced in Postgres (null ordering,
 * loose equality, truthiness, -0 and Infinity), related records, parameters only, and refusals that say what,
 * where and how to fix.
 */
import { evaluateRule } from '@trellis/runtime';
import { dataModelOf } from '../records/data-model.js';
import { AliasSource, SqlParams } from '../records/sql.js';
import { createTables } from '../records/testing/record-test-kit.js';
import { startTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { assertCompilable, compileJsonLogic } from './compile-json-logic.js';
import { RuleCompileError } from './rule-compile-error.js';
import { ruleDocument } from './testing/rule-fixture.js';
import { TEST_ENV, insertRows, jsVerdicts, readRecords, sqlVerdicts, type Row } from './testing/rule-test-kit.js';

const doc = ruleDocument();
const model = dataModelOf(doc, 'main');
let db: TestDatabase;
let ids: Record<string, string>;
let records: Map<string, Row>;

beforeAll(async () => {
  db = await startTestDatabase();
  await createTables(db.pool, doc);
  const [acme, empty] = await insertRows(db.pool, model, 'company', [{ name: 'Acme', employees: 50 }, { name: null, employees: null }]);
  const [blank, big, small, odd] = await insertRows(db.pool, model, 'deal', [
    {},
    { title: 'Big', qty: 12, price: 1999.99, active: true, stage: 'won', tags: ['a', 'b'], closeDate: '2024-05-01', amount: { amount: 10, currency: 'EUR' }, company: acme },
    { title: 'small', qty: 0, price: 0.1, active: false, stage: 'new', tags: [], closeDate: '2024-07-01', company: empty },
    { title: '', qty: -4, score: 0, notes: '\u{1F600}', data: { a: 1 } },
  ]);
  ids = { blank: blank!, big: big!, small: small!, odd: odd! };
  records = await readRecords(db.pool, model, 'deal', 'expanded');
});

afterAll(async () => {
  await db?.stop();
});

/** Names of the deals the rule selects in SQL, after checking the runtime selects the same. */
async function selected(rule: unknown): Promise<string[]> {
  const sql = await sqlVerdicts(db.pool, model, 'deal', rule);
  const js = jsVerdicts(records, rule);
  const names = (verdicts: Map<string, boolean | Error>) =>
    Object.entries(ids)
      .filter(([, id]) => verdicts.get(id) === true)
      .map(([name]) => name)
      .sort();
  expect(names(sql)).toEqual(names(js));
  return names(sql);
}

function refusal(rule: unknown): RuleCompileError {
  try {
    compileJsonLogic({ model, params: new SqlParams(), aliases: new AliasSource(), env: TEST_ENV }, 'deal', rule, 't0');
  } catch (error) {
    if (error instanceof RuleCompileError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(rule)} to be refused`);
}

describe('JavaScript semantics in SQL', () => {
  it('orders null as 0, like JavaScript (null < 1 is true, null == 0 is false)', async () => {
    expect(await selected({ '<': [{ var: 'record.score' }, 1] })).toEqual(['big', 'blank', 'odd', 'small']);
    expect(await selected({ '==': [{ var: 'record.score' }, 0] })).toEqual(['odd']);
    expect(await selected({ '==': [{ var: 'record.score' }, null] })).toEqual(['big', 'blank', 'small']);
  });

  it('treats 0, "", null, NaN and [] as falsy in !, !!, and, or and a bare value', async () => {
    expect(await selected({ var: 'record.qty' })).toEqual(['big', 'odd']);
    expect(await selected({ '!': { var: 'record.title' } })).toEqual(['blank', 'odd']);
    expect(await selected({ '!!': { var: 'record.tags' } })).toEqual(['big']);
    expect(await selected({ and: [{ var: 'record.title' }, { var: 'record.qty' }] })).toEqual(['big']);
    expect(await selected({ or: [{ var: 'record.active' }, { var: 'record.notes' }] })).toEqual(['big', 'odd']);
    expect(await selected({ '!': { '/': [{ var: 'record.qty' }, { var: 'record.score' }] } })).toEqual(['blank', 'small']);
  });

  it('uses the value of and / or when it is compared', async () => {
    expect(await selected({ '==': [{ or: [{ var: 'record.qty' }, 7] }, 7] })).toEqual(['blank', 'small']);
    expect(await selected({ '===': [{ and: [{ var: 'record.title' }, 'x'] }, ''] })).toEqual(['odd']);
  });

  it('compares a number field with a numeric text as a number, and a date field with text as text', async () => {
    expect(await selected({ '==': [{ var: 'record.qty' }, '12'] })).toEqual(['big']);
    expect(await selected({ '<': [{ var: 'record.closeDate' }, '2024-06-01'] })).toEqual(['big']);
    expect(await selected({ '<': [{ var: 'record.closeDate' }, { var: 'now' }] })).toEqual(['big']);
    expect(await selected({ '<=': ['2024-01-01', { var: 'record.closeDate' }, '2024-12-31'] })).toEqual(['big', 'small']);
  });

  it('divides by zero into ±Infinity or NaN instead of failing', async () => {
    expect(await selected({ '>': [{ '/': [{ var: 'record.qty' }, 0] }, 1e308] })).toEqual(['big']);
    // -null and -0 are -0 in JavaScript, and 1 / -0 is -Infinity.
    expect(await selected({ '<': [{ '/': [1, { '-': [{ var: 'record.score' }] }] }, 0] })).toEqual(['big', 'blank', 'odd', 'small']);
    expect(await selected({ '<': [{ '/': [1, { '-': [0, { var: 'record.score' }] }] }, 0] })).toEqual([]);
    expect(await selected({ '==': [{ '%': [{ var: 'record.qty' }, 5] }, -4] })).toEqual(['odd']);
    expect(await selected({ and: [{ '==': [{ '/': [1, 0] }, { '/': [2, 0] }] }, { '!': { '%': [3, 0] } }, { '!': { '/': [0, 0] } }] })).toEqual(['big', 'blank', 'odd', 'small']);
  });

  it('finds items in arrays, substrings in texts and options in multiSelects', async () => {
    expect(await selected({ in: [{ var: 'record.stage' }, ['won', 'lost']] })).toEqual(['big']);
    expect(await selected({ in: ['ig', { var: 'record.title' }] })).toEqual(['big']);
    expect(await selected({ in: ['b', { var: 'record.tags' }] })).toEqual(['big']);
    expect(await selected({ in: [null, ['x', null]] })).toEqual(['big', 'blank', 'odd', 'small']);
  });

  it('applies isBlank, lower, upper and cat like the runtime operations', async () => {
    expect(await selected({ isBlank: { var: 'record.title' } })).toEqual(['blank', 'odd']);
    expect(await selected({ isBlank: { var: 'record.tags' } })).toEqual(['blank', 'odd', 'small']);
    expect(await selected({ isBlank: { var: 'record.data' } })).toEqual(['big', 'blank', 'small']);
    expect(await selected({ '==': [{ lower: { var: 'record.title' } }, 'big'] })).toEqual(['big']);
    expect(await selected({ '==': [{ upper: { var: 'record.title' } }, 'SMALL'] })).toEqual(['small']);
    expect(await selected({ '==': [{ cat: [{ var: 'record.title' }, '-', { var: 'record.qty' }] }, 'Big-12'] })).toEqual(['big']);
  });

  it('reads the related record through record.<manyToOne>.<field>, and the id through record.<manyToOne>', async () => {
    expect(await selected({ '>': [{ var: 'record.company.employees' }, 10] })).toEqual(['big']);
    expect(await selected({ isBlank: { var: 'record.company.name' } })).toEqual(['blank', 'odd', 'small']);
    const company = (records.get(ids['big']!)!['company'] as Row)['id'];
    const sql = await sqlVerdicts(db.pool, model, 'deal', { '==': [{ var: 'record.company' }, company] });
    expect([...sql].filter(([, ok]) => ok).map(([id]) => id)).toEqual([ids['big']]);
    const byRelatedId = await sqlVerdicts(db.pool, model, 'deal', { '==': [{ var: 'record.company.id' }, company] });
    expect([...byRelatedId].filter(([, ok]) => ok).map(([id]) => id)).toEqual([ids['big']]);
    const asIds = await readRecords(db.pool, model, 'deal', 'ids');
    expect(evaluateRule({ '==': [{ var: 'record.company' }, company] }, { record: asIds.get(ids['big']!) })).toBe(true);
  });

  it('treats a relation the rule reads through as the related record, one level deep', async () => {
    expect(await selected({ and: [{ var: 'record.company' }, { '!': { var: 'record.company.name' } }] })).toEqual(['small']);
    expect(refusal({ '==': [{ var: 'record.company' }, { var: 'record.company.id' }] })).toMatchObject({ reason: 'type-mismatch' });
    expect(refusal({ var: 'record.company.parent.name' }).message).toContain('reads through two relations');
    expect(await selected({ isBlank: { var: 'record.company.parent' } })).toEqual(['big', 'blank', 'odd', 'small']);
  });

  it('reads a value the registry computes on read (an auto-number) as the API shows it', async () => {
    expect(await selected({ in: ['D-00', { var: 'record.code' }] })).toEqual(['big', 'blank', 'odd', 'small']);
    expect(await selected({ '==': [{ var: 'record.code' }, 'D-002'] })).toEqual(['big']);
  });

  it('reads composite parts, system fields, user and now', async () => {
    expect(await selected({ '==': [{ var: 'record.amount.currency' }, 'EUR'] })).toEqual(['big']);
    expect(await selected({ '>': [{ var: 'record.amount.amount' }, 5] })).toEqual(['big']);
    expect(await selected({ '!!': { var: 'record.amount' } })).toEqual(['big']);
    expect(await selected({ '<': [{ var: 'record.createdAt' }, '2100-01-01'] })).toEqual(['big', 'blank', 'odd', 'small']);
    expect(await selected({ '==': [{ var: 'user.id' }, 'u-1'] })).toEqual(['big', 'blank', 'odd', 'small']);
  });

  it('orders texts in UTF-16 order like JavaScript, even around astral characters', async () => {
    // '\u{1F600}' (surrogates D83D DE00) sorts before '\uFFFD' in JavaScript but after it by code point.
    expect(await selected({ '<': [{ var: 'record.notes' }, '\uFFFD'] })).toEqual(['odd']);
    expect(await selected({ '<': [{ cat: [{ var: 'record.notes' }] }, { cat: ['\uFFFD', { var: 'record.title' }] }] })).toEqual(['big', 'blank', 'odd', 'small']);
    expect(await selected({ '<': [{ cat: ['\uFFFD'] }, { cat: [{ var: 'record.notes' }] }] })).toEqual([]);
    expect(await selected({ '<': [{ cat: [{ var: 'record.title' }] }, { cat: [{ var: 'record.notes' }] }] })).toEqual(['odd']);
  });
});

describe('SQL text and parameters', () => {
  it('puts every value in a parameter and only metadata names in the SQL', () => {
    const params = new SqlParams();
    const sql = compileJsonLogic(
      { model, params, aliases: new AliasSource(), env: TEST_ENV },
      'deal',
      { and: [{ '==': [{ var: 'record.title' }, "x'); DROP TABLE deal; --"] }, { '>': [{ var: 'record.qty' }, 3] }] },
      't0',
    );
    expect(sql).not.toContain('DROP');
    expect(sql).toContain('t0."title"');
    expect(params.values).toEqual(["x'); DROP TABLE deal; --", '3']);
  });

  it('compares ids as uuids so their indexes serve', () => {
    const params = new SqlParams();
    const id = '0b6e5f1c-1d2e-4f3a-8b9c-0d1e2f3a4b5c';
    const sql = compileJsonLogic({ model, params, aliases: new AliasSource(), env: TEST_ENV }, 'deal', { '==': [{ var: 'record.company' }, id] }, 't0');
    expect(sql).toContain('t0."company_id" = $1::uuid');
  });

  it('binds only the parameters the SQL still uses', () => {
    const params = new SqlParams(['existing']);
    const sql = compileJsonLogic({ model, params, aliases: new AliasSource(), env: TEST_ENV }, 'deal', { '==': [{ '+': [1, 2] }, null] }, 't0');
    expect(sql).toBe('FALSE');
    expect(params.values).toEqual(['existing']);
  });
});

describe('refusals', () => {
  it('refuses loose comparisons of a text field with a number, naming the operator, the field and the fix', () => {
    const error = refusal({ and: [true, { '==': [{ var: 'record.title' }, 5] }] });
    expect(error.extensions['code']).toBe('BAD_USER_INPUT');
    expect(error.reason).toBe('type-mismatch');
    expect(error.message).toContain('record.title');
    expect(error.message).toContain('"5" instead of 5');
    expect(error.message).toContain('(at and[1].==)');
    const texts = refusal({ '<': [{ var: 'record.title' }, { var: 'record.notes' }] });
    expect(texts.reason).toBe('type-mismatch');
    expect(texts.message).toContain('Wrap both sides in {"cat": [ … ]}');
    expect(refusal({ '+': [{ var: 'record.title' }, 1] }).reason).toBe('type-mismatch');
  });

  it('refuses what a filter cannot know or SQL cannot compute exactly', () => {
    expect(refusal({ changed: 'stage' })).toMatchObject({ reason: 'unsupported-operator' });
    expect(refusal({ changed: 'stage' }).message).toContain('previous values');
    expect(refusal({ substr: [{ var: 'record.title' }, 1] }).message).toContain('not supported in SQL filters');
    expect(refusal({ '==': [{ var: 'previous.stage' }, 'won'] })).toMatchObject({ reason: 'unsupported-variable' });
    expect(refusal({ var: 'record.nope' }).message).toContain('Unknown field "nope" of deal');
    expect(refusal({ var: ['record.qty', 0] })).toMatchObject({ reason: 'unsupported-variable' });
    expect(refusal({ var: 'record.company.deals' })).toMatchObject({ reason: 'unsupported-variable' });
    expect(refusal({ '!!': { var: 'record.data' } }).message).toContain('isBlank');
    expect(refusal({ '*': [{ var: 'record.price' }, 1e290] })).toMatchObject({ reason: 'out-of-range' });
    expect(refusal({ '%': [{ var: 'record.price' }, 2] })).toMatchObject({ reason: 'type-mismatch' });
    expect(refusal({ '==': ['\u0000', { var: 'record.title' }] })).toMatchObject({ reason: 'invalid' });
  });

  it('assertCompilable checks a rule against a document without a database', () => {
    expect(() => assertCompilable(doc, 'deal', { '>': [{ var: 'record.qty' }, 1] })).not.toThrow();
    expect(() => assertCompilable(doc, 'deal', { '>': [{ var: 'record.title' }, 1] })).toThrow(RuleCompileError);
    expect(() => assertCompilable(doc, 'nope', true)).toThrow('Unknown entity "nope"');
  });
});
