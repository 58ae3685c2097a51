/**
 * The compiler's model of a JSON Logic value in SQL: which JavaScript type it has at run time, the SQL that
 * computes it (float8 for numbers, text, boolean, jsonb; SQL NULL = JS null), and what is statically known
 * about it (a constant, a number's range, whether a text is safe to order by code point). Conversions follow
 * JavaScript exactly (ToNumber, parseFloat, String, truthiness) or refuse.
 */
import type { RefusalReason } from './rule-compile-error.js';

export type ValueKind =
  | 'number'
  | 'string'
  | 'boolean'
  | 'null'
  | 'undefined'
  /** A JSON Logic array literal (its items are values). */
  | 'array'
  /** A composite field value (`{ amount, currency }`) or an object constant. */
  | 'object'
  /** A multiSelect column: a jsonb array of strings. */
  | 'list'
  /** A json column: any JSON. */
  | 'json'
  /** The result of and / or / if over operands of different types: only its truthiness is known. */
  | 'mixed';

/** What is known about a number's non-null values. Ranges let arithmetic refuse what could overflow in SQL. */
export interface NumberRange {
  /** Largest finite magnitude. */
  max: number;
  /** Smallest non-zero finite magnitude (Infinity when always zero). */
  minNonZero: number;
  /** Always a finite whole number of magnitude ≤ 2^53. */
  integral: boolean;
  nan: boolean;
  infinite: boolean;
  /** May be -0 (only computed values can be). */
  negativeZero: boolean;
}

export interface TextInfo {
  /** Every character is below U+D800, so code-point order is JavaScript's (UTF-16) order. */
  low: boolean;
  /** What `Number(value)` gives for a non-null value: NaN (dates, instants, ids) or unknown (free text). */
  toNumber: 'nan' | 'unknown';
}

export interface Value {
  kind: ValueKind;
  /** The value in SQL; empty for kinds that have no SQL form (array, mixed, object constants). */
  sql: string;
  /** May be null at run time. */
  nullable: boolean;
  /** Known at compile time (a literal, or `user` / `now`). */
  constant?: { value: unknown };
  range?: NumberRange;
  text?: TextInfo;
  items?: Value[];
  /** For an id or foreign key read as text: the uuid column itself (for index-friendly comparisons). */
  uuid?: string;
  /** SQL boolean, never NULL: JSON Logic truthiness of the value. */
  truthy: string;
  /** How the value reads in an error message. */
  label: string;
}

/** Collects parameter values; returns the placeholder to put in SQL. */
export interface ParamSink {
  add(value: unknown): string;
}

/** Where a conversion happens: parameters to add, and how to refuse with the position in the rule. */
export interface Site {
  params: ParamSink;
  refuse(message: string, reason: RefusalReason): never;
}

export const MAX_SAFE_MAGNITUDE = 1e300;
export const MIN_SAFE_MAGNITUDE = 1e-300;
const TWO_53 = 2 ** 53;

export const SQL_TYPE: Partial<Record<ValueKind, string>> = {
  number: 'float8',
  string: 'text',
  boolean: 'boolean',
  list: 'jsonb',
  json: 'jsonb',
};

/** A float8 literal parameter that keeps -0, NaN and the infinities (pg would send String(-0) = "0"). */
export function floatParam(params: ParamSink, n: number): string {
  const text = Number.isNaN(n) ? 'NaN' : n === Infinity ? 'Infinity' : n === -Infinity ? '-Infinity' : Object.is(n, -0) ? '-0' : String(n);
  return `${params.add(text)}::float8`;
}

export function rangeOf(n: number): NumberRange {
  const finite = Number.isFinite(n);
  const magnitude = finite ? Math.abs(n) : 0;
  return {
    max: magnitude,
    minNonZero: magnitude === 0 ? Infinity : magnitude,
    integral: Number.isInteger(n) && magnitude <= TWO_53,
    nan: Number.isNaN(n),
    infinite: n === Infinity || n === -Infinity,
    negativeZero: Object.is(n, -0),
  };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** JSON Logic truthiness, in JavaScript (an empty array is falsy). */
export function jsTruthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}

/** A value known at compile time, as SQL parameters. */
export function constantValue(site: Site, value: unknown, label = JSON.stringify(value) ?? String(value)): Value {
  const constant = { value };
  const truthy = jsTruthy(value) ? 'TRUE' : 'FALSE';
  if (value === null) return { kind: 'null', sql: 'NULL', nullable: true, constant, truthy, label };
  if (value === undefined) return { kind: 'undefined', sql: 'NULL', nullable: true, constant, truthy, label: 'undefined' };
  switch (typeof value) {
    case 'number':
      return { kind: 'number', sql: floatParam(site.params, value), nullable: false, constant, range: rangeOf(value), truthy, label };
    case 'string': {
      if (value.includes('\u0000')) site.refuse(`The text ${label} contains a NUL character, which SQL text cannot hold`, 'invalid');
      if (LONE_SURROGATE.test(value)) site.refuse(`The text ${label} contains an unpaired surrogate, which SQL text cannot hold`, 'invalid');
      const text: TextInfo = { low: isLowText(value), toNumber: 'unknown' };
      return { kind: 'string', sql: `${site.params.add(value)}::text`, nullable: false, constant, text, truthy, label };
    }
    case 'boolean':
      return { kind: 'boolean', sql: `${site.params.add(value)}::boolean`, nullable: false, constant, truthy, label };
    case 'object':
      if (Array.isArray(value)) {
        const items = value.map((item) => constantValue(site, item));
        return { kind: 'array', sql: '', nullable: false, constant, items, truthy, label };
      }
      return { kind: 'object', sql: '', nullable: false, constant, truthy, label };
    default:
      return site.refuse(`Unsupported constant ${label}`, 'invalid');
  }
}

/** Every character below U+D800 (no astral characters, nothing from U+E000 up). */
export function isLowText(text: string): boolean {
  return !/[\uD800-\uFFFF]/.test(text);
}

/** A constant value's parts, when every item of an array literal is constant too. */
export function constantOf(value: Value): { value: unknown } | undefined {
  if (value.constant) return value.constant;
  if (value.kind === 'array' && value.items!.every((item) => constantOf(item))) {
    return { value: value.items!.map((item) => constantOf(item)!.value) };
  }
  return undefined;
}

/** A value's SQL, typed even when it is a NULL constant. */
export function typedSql(value: Value, kind: ValueKind): string {
  if (value.kind === 'null' || value.kind === 'undefined') return `NULL::${SQL_TYPE[kind] ?? 'text'}`;
  return value.sql;
}

/** SQL boolean: the value is null (or undefined) at run time. */
export function isNullSql(value: Value): string {
  if (value.kind === 'null' || value.kind === 'undefined') return 'TRUE';
  if (!value.nullable) return 'FALSE';
  if (value.kind === 'json') return `(${value.sql} IS NULL OR ${value.sql} = 'null'::jsonb)`;
  if (value.kind === 'mixed' || value.kind === 'array') return refuseNullTest(value);
  return `${value.sql} IS NULL`;
}

function refuseNullTest(value: Value): never {
  throw new Error(`internal: no null test for ${value.label}`);
}

/** SQL for JSON Logic truthiness of a column-like value of `kind` (never NULL). */
export function truthySql(kind: ValueKind, sql: string, nullable: boolean, range?: NumberRange): string {
  let test: string;
  switch (kind) {
    case 'number':
      test = range?.nan ? `${sql} NOT IN (0, 'NaN'::float8)` : `${sql} <> 0`;
      break;
    case 'string':
      test = `${sql} <> ''`;
      break;
    case 'boolean':
      return nullable ? `coalesce(${sql}, FALSE)` : sql;
    case 'list':
      test = `${sql} NOT IN ('[]'::jsonb, 'null'::jsonb)`;
      break;
    case 'object':
      return nullable ? `${sql} IS NOT NULL` : 'TRUE';
    case 'null':
    case 'undefined':
      return 'FALSE';
    default:
      throw new Error(`internal: no truthiness for ${kind}`);
  }
  return nullable ? `coalesce(${test}, FALSE)` : `(${test})`;
}

/** A number computed in SQL (not a constant). */
export function numberValue(sql: string, range: NumberRange, nullable: boolean, label: string): Value {
  return { kind: 'number', sql, nullable, range, truthy: truthySql('number', sql, nullable, range), label };
}

/** A text computed in SQL (not a constant). */
export function stringValue(sql: string, text: TextInfo, nullable: boolean, label: string): Value {
  return { kind: 'string', sql, nullable, text, truthy: truthySql('string', sql, nullable), label };
}

/** A boolean computed in SQL that is never NULL (comparisons, !, !!). */
export function predicateValue(sql: string, label: string): Value {
  const atomic = sql === 'TRUE' || sql === 'FALSE' ? sql : `(${sql})`;
  return { kind: 'boolean', sql: atomic, nullable: false, truthy: atomic, label };
}

const NAN_RANGE: NumberRange = { max: 0, minNonZero: Infinity, integral: false, nan: true, infinite: false, negativeZero: false };
const BIT_RANGE: NumberRange = { max: 1, minNonZero: 1, integral: true, nan: false, infinite: false, negativeZero: false };

/**
 * JavaScript `Number(value)` (ToNumber: what ==, <, -, /, % apply): null → 0, booleans → 0/1, texts parsed.
 * Free-text columns are refused: JavaScript's number syntax (hex, exponents, Infinity, Unicode spaces) has no
 * exact SQL equivalent.
 */
export function toNumber(site: Site, value: Value, why: string, hint = 'Compare texts with texts (e.g. "5" instead of 5), or use a number field'): Value {
  const constant = constantOf(value);
  if (constant) return constantValue(site, Number(constant.value), value.label);
  switch (value.kind) {
    case 'number':
      return value.nullable ? numberValue(`coalesce(${value.sql}, 0::float8)`, value.range!, false, value.label) : value;
    case 'boolean':
      return numberValue(`(CASE WHEN ${value.sql} THEN 1 ELSE 0 END)::float8`, BIT_RANGE, false, value.label);
    case 'string':
      if (value.text!.toNumber === 'nan') {
        return value.nullable
          ? numberValue(`(CASE WHEN ${value.sql} IS NULL THEN 0::float8 ELSE 'NaN'::float8 END)`, { ...NAN_RANGE }, false, value.label)
          : constantValue(site, NaN, value.label);
      }
      return site.refuse(
        `${why} turns ${value.label} (text) into a number the way JavaScript does, which SQL cannot reproduce exactly. ${hint}`,
        'type-mismatch',
      );
    default:
      return refuseKind(site, value, why, 'a number');
  }
}

/** json-logic-js `parseFloat(value)` as used by + and *: null, booleans → NaN; -0 → 0. */
export function parseFloatOf(site: Site, value: Value, why: string): Value {
  const constant = constantOf(value);
  if (constant) return constantValue(site, parseFloat(constant.value as string), value.label);
  switch (value.kind) {
    case 'number': {
      const range = value.range!;
      let sql = value.sql;
      if (range.negativeZero) sql = `(${sql} + 0)`; // parseFloat(String(-0)) is 0
      if (value.nullable) sql = `coalesce(${sql}, 'NaN'::float8)`;
      return numberValue(sql, { ...range, negativeZero: false, nan: range.nan || value.nullable, integral: range.integral && !value.nullable }, false, value.label);
    }
    case 'boolean':
      return constantValue(site, NaN, value.label);
    case 'string':
      return site.refuse(
        `${why} reads ${value.label} (text) with JavaScript's parseFloat, which SQL cannot reproduce exactly. Use a number field`,
        'type-mismatch',
      );
    default:
      return refuseKind(site, value, why, 'a number');
  }
}

/**
 * The value as text. `join`: like Array.prototype.join (cat): null → ''. `string`: like String() (the needle of
 * `in`): null → 'null'. `keep`: null stays null (lower, upper).
 */
export function toText(site: Site, value: Value, mode: 'join' | 'string' | 'keep', why: string): Value {
  const constant = constantOf(value);
  if (constant) {
    const v = constant.value;
    if (mode === 'keep' && (v === null || v === undefined)) return constantValue(site, null);
    if (mode === 'join' && (v === null || v === undefined)) return constantValue(site, '');
    return constantValue(site, String(v), value.label);
  }
  const nullText = mode === 'join' ? `''` : mode === 'string' ? `'null'` : null;
  const withNull = (sql: string, low: boolean) =>
    value.nullable && nullText !== null
      ? stringValue(`coalesce(${sql}, ${nullText})`, { low, toNumber: 'unknown' }, false, value.label)
      : stringValue(sql, { low, toNumber: 'unknown' }, value.nullable, value.label);
  switch (value.kind) {
    case 'string':
      return value.nullable && nullText !== null ? withNull(value.sql, value.text!.low) : value;
    case 'boolean':
      return withNull(`(CASE WHEN ${value.sql} THEN 'true' WHEN NOT ${value.sql} THEN 'false' END)`, true);
    case 'number': {
      const range = value.range!;
      if (range.integral && range.max < 1e15) return withNull(`(${value.sql})::int8::text`, true);
      return site.refuse(
        `${why} turns ${value.label} into text the way JavaScript does (String(number)), which SQL reproduces only for whole numbers below 10^15`,
        'type-mismatch',
      );
    }
    default:
      return refuseKind(site, value, why, 'text');
  }
}

export function refuseKind(site: Site, value: Value, why: string, wanted: string): never {
  const what =
    value.kind === 'list' ? 'a list' : value.kind === 'json' ? 'a JSON value' : value.kind === 'mixed' ? 'a value of varying type' : `${value.kind === 'array' ? 'an array' : 'an object'}`;
  return site.refuse(
    `${why} needs ${wanted}, but ${value.label} is ${what}; JavaScript's conversion of it has no exact SQL equivalent`,
    'type-mismatch',
  );
}

/** Range of a number built by an operation, refused when SQL float8 could overflow or underflow. */
export function checkedRange(site: Site, range: NumberRange, label: string): NumberRange {
  if (range.max > MAX_SAFE_MAGNITUDE || (range.minNonZero < MIN_SAFE_MAGNITUDE && range.minNonZero !== 0)) {
    site.refuse(
      `The arithmetic ${label} could reach numbers beyond ±1e300 or below 1e-300 in magnitude, where SQL stops computing exactly like JavaScript (overflow/underflow). Use smaller constants`,
      'out-of-range',
    );
  }
  return range;
}

export { NAN_RANGE, BIT_RANGE, TWO_53 };
