/**
 * Shared building blocks of the built-in field types: operator sets, SQL conversion snippets,
 * and the groups of types that share a storage class (so `convertFrom` reads as a table, not a switch).
 */
import type { FieldDefinition } from '../types.js';
import type { FilterOperator, JsonSchema } from './field-type.js';

export const TEXT_OPERATORS: FilterOperator[] = ['eq', 'neq', 'in', 'notIn', 'like', 'ilike', 'isNull'];
export const NUMBER_OPERATORS: FilterOperator[] = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'notIn', 'isNull'];
export const SELECT_OPERATORS: FilterOperator[] = ['eq', 'neq', 'in', 'notIn', 'isNull'];

/** Types stored in one `text` column. */
export const TEXT_STORED = ['text', 'longText', 'email', 'phone', 'url', 'select'];
/** Types whose main column is `numeric`/`integer`/`bigint` (currency: its amount column). */
export const NUMBER_STORED = ['integer', 'decimal', 'percent', 'currency', 'rating', 'duration', 'autoNumber'];

/** SQL string literal with quotes doubled. */
export function sqlLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** `minLength`/`maxLength` of string types, when set. */
export function lengthKeywords(field: FieldDefinition): JsonSchema {
  const schema: JsonSchema = {};
  if (field.minLength !== undefined) schema.minLength = field.minLength;
  if (field.maxLength !== undefined) schema.maxLength = field.maxLength;
  return schema;
}

/**
 * `minimum`/`maximum` from the field plus the exclusive bounds the SQL column can hold
 * (numeric(p,s) holds |x| < 10^(p-s)), so an out-of-range value is a validation error, not a SQL error.
 */
export function rangeKeywords(field: FieldDefinition, integerDigits: number): JsonSchema {
  const limit = 10 ** integerDigits;
  const schema: JsonSchema = { exclusiveMinimum: -limit, exclusiveMaximum: limit };
  if (field.min !== undefined) schema.minimum = field.min;
  if (field.max !== undefined) schema.maximum = field.max;
  return schema;
}

/** USING expression converting any single-column stored value to text (null when not convertible). */
export function toTextUsing(from: FieldDefinition, col: string): string | null {
  if (TEXT_STORED.includes(from.type)) return col;
  // Before NUMBER_STORED: an auto-number becomes its displayed text, rich text its plain text.
  if (from.type === 'autoNumber') return autoNumberSql(from, col);
  if (from.type === 'richText') return htmlToTextSql(col);
  if (from.type === 'multiSelect') return `translate(${col}::text, '[]"', '')`;
  // ISO 8601 (`2024-02-03T04:05:06+00:00`), the API's format, rather than Postgres's text output.
  if (from.type === 'dateTime') return `to_json(${col}) #>> '{}'`;
  if ([...NUMBER_STORED, 'boolean', 'date', 'json'].includes(from.type)) return `${col}::text`;
  return null;
}

/** USING expression parsing text into a number of the given SQL type; non-numbers become NULL. */
export function textToNumberUsing(col: string, sqlType: string, integerDigits: number): string {
  const pattern = sqlType === 'integer' ? `^-?[0-9]{1,9}$` : `^-?[0-9]{1,${integerDigits}}(\\.[0-9]+)?$`;
  return `CASE WHEN btrim(${col}) ~ '${pattern}' THEN btrim(${col})::${sqlType} END`;
}

/** USING expression converting numbers between numeric types; values with |x| >= limit become NULL. */
export function numberToNumberUsing(col: string, sqlType: string, limit: number): string {
  const value = sqlType === 'integer' ? `round(${col})::integer` : `${col}::${sqlType}`;
  return `CASE WHEN abs(${col}) < ${limit} THEN ${value} END`;
}

/**
 * The displayed value of an auto-number stored as a number in `col`: `prefix` + the number zero-padded to
 * `digits` (never cut: 123456 with 4 digits stays 123456). NULL stays NULL. Same as `formatAutoNumber`.
 */
export function autoNumberSql(field: FieldDefinition, col: string): string {
  const prefix = sqlLiteral(field.prefix ?? '');
  const digits = field.digits ?? 1;
  const number = digits > 1 ? `lpad(${col}::text, greatest(${digits}, length(${col}::text)), '0')` : `${col}::text`;
  return `(${prefix} || ${number})`;
}

/** Plain text of stored (sanitized) rich text: line breaks for block ends, tags removed, entities decoded. */
export function htmlToTextSql(col: string): string {
  const breaks = `regexp_replace(${col}, '<br\\s*/?>|</(p|li|h2|h3|blockquote|pre)>', E'\\n', 'gi')`;
  let text = `regexp_replace(${breaks}, '<[^>]*>', '', 'g')`;
  for (const [entity, char] of [['&lt;', '<'], ['&gt;', '>'], ['&quot;', '"'], ['&#39;', "''"], ['&nbsp;', ' '], ['&amp;', '&']]) {
    text = `replace(${text}, '${entity}', '${char}')`;
  }
  return `btrim(${text}, E'\\n')`;
}

/** Rich text holding plain text `col`: markup characters escaped, lines as `<br>`, in one paragraph. */
export function textToHtmlSql(col: string): string {
  const escaped = `replace(replace(replace(${col}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`;
  return `CASE WHEN ${col} IS NULL OR ${col} = '' THEN ${col} ELSE '<p>' || replace(${escaped}, E'\\n', '<br>') || '</p>' END`;
}
