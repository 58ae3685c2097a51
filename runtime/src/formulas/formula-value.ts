/**
 * A formula's computed value, coerced to its `resultType` the same way everywhere (server writes, publish
 * backfills, the studio's live preview):
 * - null / undefined → null; a number that is NaN or ±Infinity (e.g. a division by zero) → null (no value);
 * - text: texts as they are, numbers and booleans as JavaScript writes them; a list or an object is an error;
 * - integer / decimal / percent: numbers, numeric texts (`" 12.5 "`) and booleans (1 / 0) — rounded half away
 *   from zero to a whole number, to the decimal's scale (default 2), or to 4 places for a percent; an empty
 *   text → null; any other text, a list, an object, or a value too large for the column is an error;
 * - boolean: JSON Logic truthiness (0, '', [] and false are false);
 * - date: `YYYY-MM-DD`, or the UTC day of an ISO date-time text; dateTime: an ISO 8601 text, normalized to
 *   UTC (`2024-05-01T10:00:00.000Z`; a bare date is its midnight UTC); an empty text → null; anything else an error.
 */
import { formulaResultType, type FieldDefinition } from '@trellis/metadata';
import { isTruthy } from '../json-logic.js';

export type FormulaValue = string | number | boolean | null;
export type FormulaOutcome = { ok: true; value: FormulaValue } | { ok: false; reason: string };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/i;

const ok = (value: FormulaValue): FormulaOutcome => ({ ok: true, value });
const fail = (raw: unknown, what: string): FormulaOutcome => ({ ok: false, reason: `it gave ${describe(raw)}, which is not ${what}` });

function describe(raw: unknown): string {
  if (Array.isArray(raw)) return 'a list';
  if (typeof raw === 'object' && raw !== null) return 'an object';
  const text = JSON.stringify(raw) ?? String(raw);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * Rounded half away from zero at `places` decimals, on the number's shortest decimal text (what Postgres receives
 * and rounds when it stores a numeric: 1.005 → 1.01, where binary arithmetic would give 1).
 */
export function roundHalfAway(value: number, places: number): number {
  const text = String(Math.abs(value));
  if (/e/i.test(text)) return Math.sign(value) * (Math.round(Math.abs(value) * 10 ** places) / 10 ** places) || 0;
  const [whole, fraction = ''] = text.split('.') as [string, string | undefined];
  if (fraction.length <= places) return value;
  const kept = BigInt(whole + fraction.slice(0, places)) + (fraction[places]! >= '5' ? 1n : 0n);
  const rounded = Number(kept) / 10 ** places;
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

function toNumber(raw: unknown): number | null | undefined {
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'boolean') return raw ? 1 : 0;
  if (typeof raw === 'string') {
    const text = raw.trim();
    if (text === '') return null;
    const n = Number(text);
    return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) && Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

function number(raw: unknown, places: number, limit: number, what: string): FormulaOutcome {
  const n = toNumber(raw);
  if (n === undefined) return fail(raw, what);
  if (n === null || !Number.isFinite(n)) return ok(null);
  const value = roundHalfAway(n, places);
  if (Math.abs(value) >= limit) return { ok: false, reason: `it gave ${describe(raw)}, which is too large for ${what} (at most ${limit} in size)` };
  return ok(value);
}

function date(raw: unknown, withTime: boolean): FormulaOutcome {
  const what = withTime ? 'a date-time' : 'a date';
  if (typeof raw !== 'string') return fail(raw, what);
  const text = raw.trim();
  if (text === '') return ok(null);
  const day = DATE.exec(text);
  if (day) {
    const parsed = new Date(`${text}T00:00:00.000Z`);
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== text) return fail(raw, what);
    return ok(withTime ? parsed.toISOString() : text);
  }
  if (!DATE_TIME.test(text)) return fail(raw, what);
  const instant = new Date(text.replace(' ', 'T'));
  if (Number.isNaN(instant.getTime())) return fail(raw, what);
  return ok(withTime ? instant.toISOString() : instant.toISOString().slice(0, 10));
}

/** `raw` (what the expression gave) as a value of the formula's result type, or why it cannot be one. */
export function coerceFormulaValue(field: FieldDefinition, raw: unknown): FormulaOutcome {
  if (raw === null || raw === undefined) return ok(null);
  if (typeof raw === 'number' && !Number.isFinite(raw)) return ok(null);
  switch (formulaResultType(field)) {
    case 'text':
      if (typeof raw === 'string') return ok(raw);
      if (typeof raw === 'number' || typeof raw === 'boolean') return ok(String(raw));
      return fail(raw, 'a text');
    case 'integer':
      return number(raw, 0, 2 ** 31, 'a whole number');
    case 'decimal': {
      const scale = field.scale ?? 2;
      return number(raw, scale, 10 ** (18 - scale), 'a number');
    }
    case 'percent':
      return number(raw, 4, 10 ** 5, 'a percentage');
    case 'boolean':
      return ok(isTruthy(raw));
    case 'date':
      return date(raw, false);
    case 'dateTime':
      return date(raw, true);
  }
}
