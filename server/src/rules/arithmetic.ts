/**
 * JSON Logic arithmetic (+ - * / %) in SQL float8, which is IEEE 754 double like JavaScript numbers, with
 * json-logic-js's conversions (+ and * use parseFloat, - / % use ToNumber). Where Postgres raises an error
 * and JavaScript yields ±Infinity, NaN or -0 (division by zero), the SQL spells JavaScript's answer out;
 * overflow and underflow are excluded statically from the operands' ranges (or the rule is refused).
 */
import {
  TWO_53,
  checkedRange,
  constantOf,
  constantValue,
  numberValue,
  parseFloatOf,
  toNumber,
  type NumberRange,
  type Site,
  type Value,
} from './sql-value.js';

const TINY = 2 ** -60; // the smallest non-zero |x ± y| relative to the operands (doubles carry 53 bits)

/** `{"+": [a, b, …]}`: the sum of parseFloat of each (no arguments: 0). */
export function plus(site: Site, args: Value[], label: string): Value {
  if (args.length === 0) return constantValue(site, 0, label);
  const terms = args.map((a) => parseFloatOf(site, a, 'Operator "+"'));
  if (terms.length === 1) return terms[0]!;
  const range = checkedRange(site, sumRange(terms.map((t) => t.range!)), label);
  return numberValue(`(${terms.map((t) => t.sql).join(' + ')})`, range, false, label);
}

/** `{"*": [a, b, …]}`: one argument is returned as is; more are multiplied as parseFloat. */
export function times(site: Site, args: Value[], label: string): Value {
  if (args.length === 0) site.refuse('Operator "*" needs at least one argument (JavaScript throws without one)', 'invalid');
  if (args.length === 1) return args[0]!;
  const factors = args.map((a) => parseFloatOf(site, a, 'Operator "*"'));
  let acc = factors[0]!;
  for (const factor of factors.slice(1)) {
    const left = acc.range!.negativeZero ? `(${acc.sql} + 0)` : acc.sql; // parseFloat(-0) is 0
    const range = checkedRange(site, productRange(acc.range!, factor.range!), label);
    acc = numberValue(`(${left} * ${factor.sql})`, range, false, label);
  }
  return acc;
}

/** `{"-": [a]}` negates, `{"-": [a, b]}` subtracts (ToNumber; more arguments are ignored). */
export function minus(site: Site, args: Value[], label: string): Value {
  if (args.length === 0) return constantValue(site, NaN, label); // -undefined
  const a = toNumber(site, args[0]!, 'Operator "-"');
  if (args.length === 1) {
    const maybeZero = !constantOf(a) || constantOf(a)!.value === 0;
    return numberValue(`(- ${a.sql})`, { ...a.range!, negativeZero: maybeZero }, false, label);
  }
  const b = toNumber(site, args[1]!, 'Operator "-"');
  const range = checkedRange(site, { ...sumRange([a.range!, b.range!]), negativeZero: a.range!.negativeZero }, label);
  return numberValue(`(${a.sql} - ${b.sql})`, range, false, label);
}

/** `{"/": [a, b]}` (ToNumber); division by ±0 gives ±Infinity or NaN as in JavaScript. */
export function divide(site: Site, args: Value[], label: string): Value {
  const [a, b] = binary(site, args, '/');
  const bConstant = constantOf(b)?.value as number | undefined;
  const safe = bConstant !== undefined && bConstant !== 0 && !Number.isNaN(bConstant);
  const ra = a.range!;
  const rb = b.range!;
  const range = checkedRange(
    site,
    {
      max: rb.minNonZero === Infinity ? 0 : ra.max / rb.minNonZero,
      minNonZero: rb.max === 0 ? Infinity : ra.minNonZero / rb.max,
      integral: false,
      nan: ra.nan || rb.nan || !safe || (ra.infinite && rb.infinite),
      infinite: ra.infinite || !safe,
      negativeZero: true,
    },
    label,
  );
  if (safe) return numberValue(`(${a.sql} / ${b.sql})`, range, false, label);
  const byZero =
    `(CASE WHEN ${a.sql} = 'NaN'::float8 OR ${a.sql} = 0 THEN 'NaN'` +
    ` WHEN (${a.sql} > 0) = ((${b.sql})::text <> '-0') THEN 'Infinity' ELSE '-Infinity' END)::float8`;
  return numberValue(`(CASE WHEN ${b.sql} = 0 THEN ${byZero} ELSE ${a.sql} / ${b.sql} END)`, range, false, label);
}

/** `{"%": [a, b]}` for whole numbers (JavaScript's remainder of fractions has no exact SQL form). */
export function modulo(site: Site, args: Value[], label: string): Value {
  const [a, b] = binary(site, args, '%');
  if (!a.range!.integral || !b.range!.integral) {
    site.refuse(
      `Operator "%" is compiled to SQL only for whole numbers (integer fields, whole constants; not null-able sums): ${!a.range!.integral ? a.label : b.label} may not be one`,
      'type-mismatch',
    );
  }
  const remainder = `((${a.sql})::int8 % (${b.sql})::int8)::float8`;
  // The sign of a zero remainder follows the dividend: -4 % 2 is -0 in JavaScript.
  const signed = `(CASE WHEN ${remainder} = 0 AND (${a.sql} < 0 OR (${a.sql})::text = '-0') THEN '-0'::float8 ELSE ${remainder} END)`;
  const bConstant = constantOf(b)?.value as number | undefined;
  const safe = bConstant !== undefined && bConstant !== 0;
  const range: NumberRange = {
    max: Math.min(a.range!.max, b.range!.max),
    minNonZero: 1,
    integral: safe,
    nan: !safe,
    infinite: false,
    negativeZero: true,
  };
  if (safe) return numberValue(signed, range, false, label);
  return numberValue(`(CASE WHEN ${b.sql} = 0 THEN 'NaN'::float8 ELSE ${signed} END)`, range, false, label);
}

function binary(site: Site, args: Value[], op: string): [Value, Value] {
  const why = `Operator "${op}"`;
  const undef = constantValue(site, undefined);
  return [toNumber(site, args[0] ?? undef, why), toNumber(site, args[1] ?? undef, why)];
}

function sumRange(ranges: NumberRange[]): NumberRange {
  const max = ranges.reduce((sum, r) => sum + r.max, 0);
  const infinite = ranges.filter((r) => r.infinite).length;
  return {
    max,
    minNonZero: Math.min(...ranges.map((r) => r.minNonZero)) * TINY,
    integral: ranges.every((r) => r.integral) && max <= TWO_53,
    nan: ranges.some((r) => r.nan) || infinite > 1,
    infinite: infinite > 0,
    negativeZero: false,
  };
}

function productRange(a: NumberRange, b: NumberRange): NumberRange {
  const max = a.max * b.max;
  return {
    max,
    minNonZero: a.minNonZero * b.minNonZero,
    integral: a.integral && b.integral && max <= TWO_53,
    nan: a.nan || b.nan || a.infinite || b.infinite,
    infinite: a.infinite || b.infinite,
    negativeZero: true,
  };
}

/** `{"max": […]}` / `{"min": […]}`: Math.max / Math.min (ToNumber; NaN wins; +0 beats -0 for max). */
export function extreme(site: Site, op: 'max' | 'min', args: Value[], label: string): Value {
  if (args.length === 0) return constantValue(site, op === 'max' ? -Infinity : Infinity, label);
  const values = args.map((a) => toNumber(site, a, `Operator "${op}"`));
  const ranges = values.map((v) => v.range!);
  const range: NumberRange = {
    max: Math.max(...ranges.map((r) => r.max)),
    minNonZero: Math.min(...ranges.map((r) => r.minNonZero)),
    integral: ranges.every((r) => r.integral),
    nan: ranges.some((r) => r.nan),
    infinite: ranges.some((r) => r.infinite),
    negativeZero: ranges.some((r) => r.negativeZero),
  };
  if (values.length === 1) return values[0]!;
  let sql = `${op === 'max' ? 'GREATEST' : 'LEAST'}(${values.map((v) => v.sql).join(', ')})`;
  if (range.negativeZero) {
    // Postgres treats -0 and +0 as equal; JavaScript's max prefers +0 and min prefers -0.
    const signed = (v: Value) => `(${v.sql} = 0 AND (${v.sql})::text ${op === 'max' ? '<>' : '='} '-0')`;
    const preferred = op === 'max' ? `'0'` : `'-0'`;
    const other = op === 'max' ? `'-0'` : `'0'`;
    sql = `(CASE WHEN ${sql} = 0 THEN (CASE WHEN ${values.map(signed).join(' OR ')} THEN ${preferred} ELSE ${other} END)::float8 ELSE ${sql} END)`;
  }
  if (range.nan) {
    const nans = values.filter((v) => v.range!.nan).map((v) => `${v.sql} = 'NaN'::float8`);
    sql = `(CASE WHEN ${nans.join(' OR ')} THEN 'NaN'::float8 ELSE ${sql} END)`;
  }
  return numberValue(sql, range, false, label);
}
