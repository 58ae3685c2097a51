/**
 * JSON Logic's comparisons in SQL, with JavaScript's semantics: loose (==) and strict (===) equality, and the
 * relational operators (<, <=, >, >=) that compare two texts as texts (UTF-16 code-unit order) and everything
 * else as numbers (null → 0, NaN never compares). Each returns an SQL boolean that is never NULL.
 */
import {
  constantOf,
  constantValue,
  isNullSql,
  refuseKind,
  toNumber,
  type Site,
  type Value,
} from './sql-value.js';

export type Relation = '<' | '<=' | '>' | '>=';

/** `a == b` in JavaScript. */
export function looseEquals(site: Site, a: Value, b: Value): string {
  return withNulls(a, b, 'loose', () => nonNullLooseEquals(site, primitive(site, a, '=='), primitive(site, b, '==')));
}

/** `a === b` in JavaScript. */
export function strictEquals(site: Site, a: Value, b: Value): string {
  for (const v of [a, b]) if (v.kind === 'mixed') refuseKind(site, v, 'Strict equality (===)', 'a value of one type');
  if (a.kind === 'undefined' || b.kind === 'undefined') return a.kind === b.kind ? 'TRUE' : 'FALSE';
  return withNulls(a, b, 'strict', () => {
    // A JSON field holds any type at run time: only its null test is known.
    for (const v of [a, b]) if (v.kind === 'json') refuseKind(site, v, 'Strict equality (===)', 'a value of a known type');
    if (a.kind !== b.kind) return 'FALSE';
    switch (a.kind) {
      case 'number':
        return numberEquals(a, b);
      case 'string':
        return textEquals(a, b);
      case 'boolean':
        return `${a.sql} = ${b.sql}`;
      case 'array':
        return 'FALSE'; // two array literals are two different arrays
      default:
        return refuseKind(site, a, 'Strict equality (===) between two objects or lists compares their identity and', 'a primitive');
    }
  });
}

/**
 * The comparison when either side may be null: null (and undefined, for ==) equals only null. The
 * non-null comparison is built only when both sides can be non-null, so `field == null` never needs types.
 */
function withNulls(a: Value, b: Value, mode: 'loose' | 'strict', nonNull: () => string): string {
  for (const v of [a, b]) if (v.kind === 'mixed') return nonNull(); // refuses
  const aNull = isNullSql(a);
  const bNull = isNullSql(b);
  if (aNull === 'TRUE' && bNull === 'TRUE') return mode === 'strict' && a.kind !== b.kind ? 'FALSE' : 'TRUE';
  if (aNull === 'TRUE') return bNull;
  if (bNull === 'TRUE') return aNull;
  const both = nonNull();
  if (aNull === 'FALSE' && bNull === 'FALSE') return both;
  const eitherNull = aNull === 'FALSE' ? bNull : bNull === 'FALSE' ? aNull : `${aNull} OR ${bNull}`;
  // One side is never null: equal only when the other is not null either (and plain AND keeps indexes usable).
  if (aNull === 'FALSE' || bNull === 'FALSE') return `(NOT (${eitherNull}) AND ${both})`;
  return `(CASE WHEN ${eitherNull} THEN ${aNull} AND ${bNull} ELSE ${both} END)`;
}

/** Arrays compare as their String() form (ToPrimitive); only constant arrays are known. */
function primitive(site: Site, value: Value, op: string): Value {
  if (value.kind === 'array') {
    const constant = constantOf(value);
    if (!constant) refuseKind(site, value, `Operator "${op}"`, 'a primitive value');
    return constantValue(site, String(constant.value), value.label);
  }
  if (value.kind === 'object' || value.kind === 'list' || value.kind === 'json' || value.kind === 'mixed') {
    refuseKind(site, value, `Operator "${op}"`, 'a text, number, boolean or null');
  }
  return value;
}

function nonNullLooseEquals(site: Site, a: Value, b: Value): string {
  if (a.kind === b.kind) {
    if (a.kind === 'number') return numberEquals(a, b);
    if (a.kind === 'string') return textEquals(a, b);
    return `${a.sql} = ${b.sql}`;
  }
  // Different types: booleans become numbers, then a text meets a number as a number.
  return numberEquals(toNumber(site, a, 'Loose equality (==) with a number or boolean'), toNumber(site, b, 'Loose equality (==) with a number or boolean'));
}

function numberEquals(a: Value, b: Value): string {
  const nan = a.range!.nan || b.range!.nan;
  return nan ? `(${a.sql} = ${b.sql} AND ${a.sql} <> 'NaN'::float8)` : `${a.sql} = ${b.sql}`;
}

/** Text equality is byte equality under any deterministic collation, so the column's own (index-friendly) is kept. */
function textEquals(a: Value, b: Value): string {
  // An id or foreign key compared with an id in canonical form: compare uuids, so the index serves.
  for (const [column, other] of [[a, b], [b, a]] as const) {
    const id = other.constant?.value;
    if (column.uuid && typeof id === 'string' && CANONICAL_UUID.test(id)) return `${column.uuid} = ${other.sql.replace(/::text$/, '')}::uuid`;
  }
  return `${a.sql} = ${b.sql}`;
}

const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const collateC = (sql: string) => `(${sql}) COLLATE "C"`;

/** `a op b` for op in < <= > >=: texts as texts, anything else as numbers. */
export function relation(site: Site, op: Relation, a: Value, b: Value): string {
  const pa = primitive(site, a, op);
  const pb = primitive(site, b, op);
  const why = `Operator "${op}" between ${a.label} and ${b.label}`;
  if (pa.kind !== 'string' || pb.kind !== 'string') {
    return numberRelation(op, toNumber(site, pa, why), toNumber(site, pb, why));
  }
  const texts = textRelation(op, pa, pb);
  if (!pa.nullable && !pb.nullable) return texts;
  // A null side is no text: JavaScript compares both as numbers (null → 0, the text parsed).
  const zero = constantValue(site, 0);
  const hint = 'When one side is null JavaScript compares it as the number 0 with the other text read as a number. Wrap both sides in {"cat": [ … ]} to compare them as texts (null becomes "")';
  const arms: string[] = [];
  if (pa.nullable && pb.nullable) arms.push(`WHEN ${pa.sql} IS NULL AND ${pb.sql} IS NULL THEN ${numberRelation(op, zero, zero)}`);
  if (pa.nullable) arms.push(`WHEN ${pa.sql} IS NULL THEN ${numberRelation(op, zero, toNumber(site, nonNull(pb), why, hint))}`);
  if (pb.nullable) arms.push(`WHEN ${pb.sql} IS NULL THEN ${numberRelation(op, toNumber(site, nonNull(pa), why, hint), zero)}`);
  return `(CASE ${arms.join(' ')} ELSE ${texts} END)`;
}

const nonNull = (value: Value): Value => ({ ...value, nullable: false });

function numberRelation(op: Relation, a: Value, b: Value): string {
  const test = `${a.sql} ${op} ${b.sql}`;
  const guards = [a, b].filter((v) => v.range!.nan).map((v) => `${v.sql} <> 'NaN'::float8`);
  return guards.length === 0 ? test : `(${[test, ...guards].join(' AND ')})`;
}

/**
 * Texts in JavaScript order (UTF-16 code units). Code-point order (COLLATE "C" on UTF-8) agrees whenever one
 * side has only characters below U+D800; otherwise both sides are mapped so that code-point order becomes
 * UTF-16 order (see `utf16OrderKeySql`).
 */
function textRelation(op: Relation, a: Value, b: Value): string {
  if (a.text!.low || b.text!.low) return `${collateC(a.sql)} ${op} ${collateC(b.sql)}`;
  return `${collateC(utf16OrderKeySql(a))} ${op} ${collateC(utf16OrderKeySql(b))}`;
}

/**
 * In UTF-16, characters U+E000–U+FFFF sort after every astral character (whose surrogates start at U+D800);
 * in code-point order they sort before. Prefixing each of them with U+10FFFF (and marking a real U+10FFFF
 * with a following U+0001) is a prefix-free, order-preserving re-encoding that makes code-point order agree
 * with UTF-16 order.
 */
function utf16OrderKeySql(value: Value): string {
  return `regexp_replace(replace(${value.sql}, U&'\\+10FFFF', U&'\\+10FFFF\\0001'), '[\\uE000-\\uFFFF]', U&'\\+10FFFF' || '\\&', 'g')`;
}
