import type { FieldDefinition } from '../types.js';
import { droppedName, fitIdentifier, qualifiedName, quoteIdent, quoteLiteral } from '../sql.js';
import type { FieldStorageHooks, FieldStorageRef, FieldTypeDefinition } from './field-type.js';
import { NUMBER_STORED, TEXT_OPERATORS, TEXT_STORED, autoNumberSql } from './common.js';

/** Name of the sequence behind an auto-number column: `<table>__<column>_seq` (shortened like other generated names). */
export const autoNumberSequenceName = (table: string, column: string): string => fitIdentifier(`${table}__${column}_seq`);

/** `INV-` + 42 zero-padded to `digits` → `INV-00042`; the same text `readSql` builds in SQL. */
export function formatAutoNumber(value: number | string | null | undefined, field: Pick<FieldDefinition, 'prefix' | 'digits'>): string {
  if (value === null || value === undefined || value === '') return '';
  const digits = String(value);
  return `${field.prefix ?? ''}${digits.padStart(field.digits ?? 1, '0')}`;
}

const sequenceOf = (ref: Pick<FieldStorageRef, 'schema' | 'table' | 'column'>): string =>
  qualifiedName(ref.schema, autoNumberSequenceName(ref.table, ref.column));

/**
 * The sequence and the column default. `created` is safe to run again (a restored column or table): it makes
 * sure the sequence exists, continues after the highest number present, numbers the rows without one in
 * creation order, and makes the column take its default from the sequence.
 */
const storage: FieldStorageHooks = {
  created(ref) {
    const table = qualifiedName(ref.schema, ref.table);
    const col = quoteIdent(ref.column);
    const seq = sequenceOf(ref);
    const highest = `greatest(coalesce((SELECT max(${col}) FROM ${table}), 0), 0)`;
    return [
      `CREATE SEQUENCE IF NOT EXISTS ${seq} AS bigint OWNED BY ${table}.${col}`,
      `UPDATE ${table} AS r SET ${col} = n.base + n.rank FROM (SELECT "id", row_number() OVER (ORDER BY "created_at", "id") AS rank, ` +
        `${highest} AS base FROM ${table} WHERE ${col} IS NULL) AS n WHERE r."id" = n."id"`,
      `SELECT setval(${quoteLiteral(seq)}, ${highest} + 1, false)`,
      `ALTER TABLE ${table} ALTER COLUMN ${col} SET DEFAULT nextval(${quoteLiteral(seq)}::regclass)`,
    ];
  },
  renamed(from, to) {
    const [a, b] = [autoNumberSequenceName(from.table, from.column), autoNumberSequenceName(to.table, to.column)];
    return a === b ? [] : [`ALTER SEQUENCE IF EXISTS ${qualifiedName(from.schema, a)} RENAME TO ${quoteIdent(b)}`];
  },
  // The moved-aside column stops drawing numbers; the sequence is moved aside too, so a later field of the
  // same name gets a fresh one (a restore calls `created` again, which continues after the restored numbers).
  removed(ref, now, version) {
    const seq = autoNumberSequenceName(ref.table, ref.column);
    return [
      `ALTER TABLE ${qualifiedName(ref.schema, now.table)} ALTER COLUMN ${quoteIdent(now.column)} DROP DEFAULT`,
      `ALTER SEQUENCE IF EXISTS ${qualifiedName(ref.schema, seq)} RENAME TO ${quoteIdent(droppedName(version, seq))}`,
    ];
  },
};

/**
 * A number the database gives each new record (`INV-00042`): stored as a `bigint` filled from a per-field
 * sequence, shown as `prefix` + the number zero-padded to `digits`, computed on read so a new prefix or
 * padding needs no rewrite. Read-only in the API; sorted by the number; filtered on the shown text.
 * Numbers are unique per field but may have gaps (a rolled-back insert uses one up).
 */
export const autoNumberFieldType: FieldTypeDefinition = {
  name: 'autoNumber',
  label: 'Auto-number',
  description: 'A number given to each new record by the system, such as INV-00042 (prefix and zero-padding are yours to choose).',
  properties: ['prefix', 'digits'],
  columns: () => [{ suffix: '', sqlType: 'bigint' }],
  graphql: () => ({ output: 'String', input: '' }),
  jsonSchema: () => ({ type: 'string', readOnly: true }),
  filterOperators: TEXT_OPERATORS,
  sortable: true,
  widget: 'autoNumber',
  readSql: (field, column) => autoNumberSql(field, column),
  storage,
  convertFrom: (from, _to, col) => {
    if (from.type === 'autoNumber' || from.type === 'integer' || from.type === 'rating' || from.type === 'duration') return `${col}::bigint`;
    if (NUMBER_STORED.includes(from.type)) return `CASE WHEN abs(${col}) < 1e18 THEN round(${col})::bigint END`;
    // `INV-0042` → 42: the trailing digits of a text become the number; rows without any get a new number.
    if (TEXT_STORED.includes(from.type)) return `substring(${col} FROM '([0-9]{1,18})\\s*$')::bigint`;
    return null;
  },
  losslessFrom: ['integer', 'rating'],
};
