/**
 * JSON Logic's text and membership operators in SQL: `in` (an item of an array, a substring of a text, an
 * option of a multiSelect), `cat`, and the Trellis operations `isBlank`, `lower`, `upper` (runtime/src/rules),
 * each with the runtime's exact semantics.
 */
import { strictEquals } from './compare-values.js';
import {
  constantOf,
  constantValue,
  predicateValue,
  refuseKind,
  stringValue,
  toText,
  type Site,
  type Value,
} from './sql-value.js';

/** `{"in": [a, b]}`: false unless b is truthy and has indexOf; then b.indexOf(a) !== -1. */
export function inOperator(site: Site, a: Value, b: Value, label: string): Value {
  switch (b.kind) {
    case 'string': {
      // String.prototype.indexOf turns the needle into text: null → "null", 1 → "1".
      const needle = toText(site, a, 'string', 'Operator "in" (substring)');
      const test = `strpos(${b.sql}, ${needle.sql}) > 0 AND ${b.sql} <> ''`;
      return predicateValue(b.nullable || needle.nullable ? `coalesce(${test}, FALSE)` : `(${test})`, label);
    }
    case 'array':
      return predicateValue(inArray(site, a, b.items!), label);
    case 'list': {
      // A multiSelect holds texts: only a text can be one of them (indexOf compares with ===).
      if (a.kind === 'string') return predicateValue(`coalesce(${b.sql} ? ${a.sql}, FALSE)`, label);
      if (a.kind === 'mixed') refuseKind(site, a, 'Operator "in"', 'a text');
      return predicateValue('FALSE', label);
    }
    case 'number':
    case 'boolean':
    case 'null':
    case 'undefined':
    case 'object':
      return predicateValue('FALSE', label); // no indexOf (or falsy): never "in"
    default:
      return refuseKind(site, b, 'Operator "in"', 'an array, a text or a multiSelect field');
  }
}

/** Array.prototype.indexOf: strict equality with some item. */
function inArray(site: Site, a: Value, items: Value[]): string {
  const constants = items.map((item) => constantOf(item));
  if ((a.kind === 'string' || a.kind === 'number') && constants.every((c) => c !== undefined)) {
    const values = constants.map((c) => c!.value);
    const same = values.filter((v) => typeof v === (a.kind === 'string' ? 'string' : 'number') && !Number.isNaN(v));
    const parts: string[] = [];
    if (same.length > 0) {
      const list =
        a.kind === 'string'
          ? `${site.params.add(same)}::text[]`
          : `${site.params.add((same as number[]).map((n) => (Object.is(n, -0) ? '0' : String(n))))}::float8[]`;
      parts.push(`coalesce(${a.sql} = ANY(${list}), FALSE)`);
    }
    if (a.nullable && values.includes(null)) parts.push(`${a.sql} IS NULL`);
    return parts.length === 0 ? 'FALSE' : parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
  }
  const tests = items.map((item) => strictEquals(site, a, item)).filter((t) => t !== 'FALSE');
  return tests.length === 0 ? 'FALSE' : tests.length === 1 ? tests[0]! : `(${tests.join(' OR ')})`;
}

/** `{"cat": [a, b, …]}`: Array.prototype.join with '' (null → ''). */
export function cat(site: Site, args: Value[], label: string): Value {
  if (args.length === 0) return constantValue(site, '', label);
  const parts = args.map((a) => toText(site, a, 'join', 'Operator "cat"'));
  if (parts.length === 1) return parts[0]!;
  const low = parts.every((p) => p.text!.low);
  return stringValue(`(${parts.map((p) => p.sql).join(' || ')})`, { low, toNumber: 'unknown' }, false, label);
}

/** `{"isBlank": v}`: undefined, null, '' or an empty list (runtime isBlankValue). */
export function isBlank(site: Site, value: Value, label: string): Value {
  const constant = constantOf(value);
  if (constant) {
    const v = constant.value;
    const blank = v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
    return predicateValue(blank ? 'TRUE' : 'FALSE', label);
  }
  switch (value.kind) {
    case 'number':
    case 'boolean':
    case 'object':
      return predicateValue(value.nullable ? `${value.sql} IS NULL` : 'FALSE', label);
    case 'string':
      return predicateValue(value.nullable ? `coalesce(${value.sql} = '', TRUE)` : `${value.sql} = ''`, label);
    case 'list':
      return predicateValue(`coalesce(${value.sql} IN ('[]'::jsonb, 'null'::jsonb), TRUE)`, label);
    case 'json':
      return predicateValue(`coalesce(${value.sql} IN ('[]'::jsonb, 'null'::jsonb, '""'::jsonb), TRUE)`, label);
    case 'array':
      return predicateValue(value.items!.length === 0 ? 'TRUE' : 'FALSE', label);
    default:
      return refuseKind(site, value, 'isBlank', 'a value of one type');
  }
}

/**
 * Characters whose case mapping this JavaScript engine (Unicode 17) knows and Postgres 18 (Unicode 16) does
 * not: fixed up with translate() after Postgres's full case mapping (PG_UNICODE_FAST, final sigma included).
 */
const NEWER_LOWER: [string, string] = caseTable([[0xa7ce, 0xa7cf], [0xa7d2, 0xa7d3], [0xa7d4, 0xa7d5]], [0x16ea0, 0x16eb8, 0x16ebb]);
const NEWER_UPPER: [string, string] = [NEWER_LOWER[1], NEWER_LOWER[0]];

function caseTable(pairs: [number, number][], [from, to, lowerFrom]: [number, number, number]): [string, string] {
  let upper = '';
  let lower = '';
  for (const [u, l] of pairs) {
    upper += String.fromCodePoint(u);
    lower += String.fromCodePoint(l);
  }
  for (let c = from; c <= to; c++) {
    upper += String.fromCodePoint(c);
    lower += String.fromCodePoint(lowerFrom + c - from);
  }
  return [upper, lower];
}

/** `{"lower": v}` / `{"upper": v}`: null stays null, numbers and booleans become text first. */
export function changeCase(site: Site, op: 'lower' | 'upper', value: Value, label: string): Value {
  const constant = constantOf(value);
  if (constant) {
    const v = constant.value;
    if (v === null || v === undefined) return constantValue(site, null, label);
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      const text = String(v);
      return constantValue(site, op === 'lower' ? text.toLowerCase() : text.toUpperCase(), label);
    }
    return refuseKind(site, value, op, 'a text'); // the runtime throws for lists and objects
  }
  const text = toText(site, value, 'keep', op);
  const [from, to] = op === 'lower' ? NEWER_LOWER : NEWER_UPPER;
  const sql = `(translate(${op}((${text.sql}) COLLATE pg_unicode_fast), ${site.params.add(from)}::text, ${site.params.add(to)}::text) COLLATE "C")`;
  return stringValue(sql, { low: false, toNumber: 'unknown' }, text.nullable, label);
}

