import { Ajv } from 'ajv';
import type { FieldDefinition } from '../types.js';
import { autoNumberFieldType as autoNumber, autoNumberSequenceName, formatAutoNumber } from './auto-number.js';
import { getFieldType } from './registry.js';

const f = (extra: Partial<FieldDefinition> = {}): FieldDefinition => ({ type: 'autoNumber', label: 'Number', ...extra });
const ref = { schema: 'main', table: 'invoice', column: 'number', field: f({ prefix: 'INV-', digits: 5 }) };

describe('autoNumber field type', () => {
  it('is stored as a bigint, read as text and not writable through the API', () => {
    expect(getFieldType('autoNumber')).toBe(autoNumber);
    expect(autoNumber.columns(f())).toEqual([{ suffix: '', sqlType: 'bigint' }]);
    expect(autoNumber.graphql(f())).toEqual({ output: 'String', input: '' });
    expect(autoNumber.jsonSchema(f())).toEqual({ type: 'string', readOnly: true });
    expect(() => new Ajv({ strict: true }).compile(autoNumber.jsonSchema(f()))).not.toThrow();
    expect(autoNumber.properties).toEqual(['prefix', 'digits']);
    expect(autoNumber.sortable).toBe(true);
    expect(autoNumber.filterOperators).toEqual(['eq', 'neq', 'in', 'notIn', 'like', 'ilike', 'isNull']);
  });

  it('formats prefix + zero-padded number on read, never cutting a longer number', () => {
    expect(autoNumber.readSql!(f({ prefix: 'INV-', digits: 5 }), 't0."number"')).toBe(
      `('INV-' || lpad(t0."number"::text, greatest(5, length(t0."number"::text)), '0'))`,
    );
    expect(autoNumber.readSql!(f(), '"n"')).toBe(`('' || "n"::text)`);
    expect(autoNumber.readSql!(f({ prefix: "O'Neil-" }), '"n"')).toBe(`('O''Neil-' || "n"::text)`);
    expect(formatAutoNumber(42, { prefix: 'INV-', digits: 5 })).toBe('INV-00042');
    expect(formatAutoNumber(123456, { prefix: 'INV-', digits: 5 })).toBe('INV-123456');
    expect(formatAutoNumber(7, {})).toBe('7');
    expect(formatAutoNumber(null, { prefix: 'X' })).toBe('');
  });

  it('names its sequence <table>__<column>_seq, shortened like other long generated names', () => {
    expect(autoNumberSequenceName('invoice', 'number')).toBe('invoice__number_seq');
    const long = autoNumberSequenceName('a'.repeat(40), 'b'.repeat(30));
    expect(long.length).toBeLessThanOrEqual(63);
    expect(long).not.toBe(autoNumberSequenceName('a'.repeat(40), 'b'.repeat(31)));
  });

  it('creates the sequence, numbers existing rows in creation order and draws new numbers from it', () => {
    expect(autoNumber.storage!.created(ref)).toEqual([
      'CREATE SEQUENCE IF NOT EXISTS "main"."invoice__number_seq" AS bigint OWNED BY "main"."invoice"."number"',
      'UPDATE "main"."invoice" AS r SET "number" = n.base + n.rank FROM (SELECT "id", row_number() OVER (ORDER BY "created_at", "id") AS rank, ' +
        'greatest(coalesce((SELECT max("number") FROM "main"."invoice"), 0), 0) AS base FROM "main"."invoice" WHERE "number" IS NULL) AS n WHERE r."id" = n."id"',
      `SELECT setval('"main"."invoice__number_seq"', greatest(coalesce((SELECT max("number") FROM "main"."invoice"), 0), 0) + 1, false)`,
      `ALTER TABLE "main"."invoice" ALTER COLUMN "number" SET DEFAULT nextval('"main"."invoice__number_seq"'::regclass)`,
    ]);
  });

  it('renames the sequence with its table or column, and moves it aside with the column', () => {
    expect(autoNumber.storage!.renamed(ref, { ...ref, table: 'bill' })).toEqual([
      'ALTER SEQUENCE IF EXISTS "main"."invoice__number_seq" RENAME TO "bill__number_seq"',
    ]);
    expect(autoNumber.storage!.renamed(ref, ref)).toEqual([]);
    expect(autoNumber.storage!.removed(ref, { table: 'invoice', column: '__dropped_v4_number' }, 4)).toEqual([
      'ALTER TABLE "main"."invoice" ALTER COLUMN "__dropped_v4_number" DROP DEFAULT',
      'ALTER SEQUENCE IF EXISTS "main"."invoice__number_seq" RENAME TO "__dropped_v4_invoice__number_seq"',
    ]);
  });

  it('converts numbers (kept) and texts (their trailing digits, INV-0042 → 42) into auto-numbers', () => {
    const convert = (from: FieldDefinition) => autoNumber.convertFrom!(from, f(), '"x"');
    expect(convert({ type: 'integer', label: 'X' })).toBe('"x"::bigint');
    expect(convert({ type: 'decimal', label: 'X' })).toBe('CASE WHEN abs("x") < 1e18 THEN round("x")::bigint END');
    expect(convert({ type: 'text', label: 'X' })).toBe(`substring("x" FROM '([0-9]{1,18})\\s*$')::bigint`);
    expect(convert({ type: 'json', label: 'X' })).toBeNull();
  });

  it('becomes its displayed text when changed to text, and its number when changed to integer', () => {
    const from = f({ prefix: 'INV-', digits: 3 });
    expect(getFieldType('text').convertFrom!(from, { type: 'text', label: 'X' }, '"x"')).toBe(
      `('INV-' || lpad("x"::text, greatest(3, length("x"::text)), '0'))`,
    );
    expect(getFieldType('integer').convertFrom!(from, { type: 'integer', label: 'X' }, '"x"')).toBe(
      'CASE WHEN abs("x") < 2147483647 THEN round("x")::integer END',
    );
  });
});
