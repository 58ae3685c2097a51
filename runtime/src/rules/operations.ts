/**
 * The extra JSON Logic operations every Trellis rule may use (signatures for static checks live in
 * metadata; these are the implementations). Registered once in the json-logic registry when this module
 * loads; the runtime's entry point and the rule compiler import it, so the studio and the server always
 * have them. Each operation receives its arguments already evaluated, and the rule context as `this`.
 */
import { unsafeRegexReason } from '@trellis/metadata';
import { registerOperation, type JsonLogicOperation } from '../json-logic.js';
import { isBlankValue, isPlainObject, sameValue, valueAtPath } from './values.js';

/** `regexMatch` looks at most this many characters of the value. */
export const MAX_REGEX_INPUT = 10_000;
const MAX_CACHED_PATTERNS = 500;
const DAY_MS = 86_400_000;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T/;

/**
 * `{"changed": "stage"}`: whether `record.stage` differs from `previous.stage` (compared as values, so a
 * re-sent stored value is no change). On create (no previous record) a field has changed when it is not blank.
 * Reads the rule context it is evaluated in, so inside `map`/`filter` it sees the current element instead.
 */
export function changed(this: unknown, field: unknown): boolean {
  if (typeof field !== 'string' || field === '') throw new Error('changed expects a field name, e.g. {"changed": "stage"}');
  const path = field.startsWith('record.') ? field.slice('record.'.length) : field;
  const context = isPlainObject(this) ? this : {};
  const now = valueAtPath(context['record'], path);
  const previous = context['previous'];
  if (!isPlainObject(previous)) return !isBlankValue(now);
  return !sameValue(now, valueAtPath(previous, path));
}

/** `{"isBlank": {"var": "record.closeDate"}}`: null, missing, empty or whitespace-only text, or an empty list. */
export function isBlank(value: unknown): boolean {
  return isBlankValue(value);
}

/** A date (`YYYY-MM-DD`) or instant (ISO 8601) moved by `days`, returned in the same kind; null when either is blank. */
export function addDays(value: unknown, days: unknown): string | null {
  if (isBlankValue(value) || isBlankValue(days)) return null;
  const n = toNumber(days, 'addDays', 'days');
  const parsed = parseTemporal(value, 'addDays');
  if (parsed.kind === 'date') {
    if (!Number.isInteger(n)) throw new Error(`addDays: days must be a whole number for a date (got ${String(days)})`);
    return new Date(parsed.ms + n * DAY_MS).toISOString().slice(0, 10);
  }
  return new Date(parsed.ms + n * DAY_MS).toISOString();
}

/**
 * Whole days from `from` to `to` (negative when `to` is earlier), truncated toward zero; a date counts as
 * midnight UTC. Null when either is blank.
 */
export function daysBetween(from: unknown, to: unknown): number | null {
  if (isBlankValue(from) || isBlankValue(to)) return null;
  const days = (parseTemporal(to, 'daysBetween').ms - parseTemporal(from, 'daysBetween').ms) / DAY_MS;
  return Math.trunc(days) + 0; // + 0 turns -0 into 0
}

/** Lower-cased text; null stays null, numbers and booleans are turned into text first. */
export function lower(value: unknown): string | null {
  const text = asText(value, 'lower');
  return text === null ? null : text.toLowerCase();
}

/** Upper-cased text; null stays null, numbers and booleans are turned into text first. */
export function upper(value: unknown): string | null {
  const text = asText(value, 'upper');
  return text === null ? null : text.toUpperCase();
}

const patterns = new Map<string, RegExp | Error>();

/**
 * Whether `value` matches `pattern` (a JavaScript regular expression without flags, anchored only where it
 * says `^`/`$`). Only the first `MAX_REGEX_INPUT` characters are examined. An unsafe or invalid pattern
 * throws (the write is refused), it never silently matches or fails. A blank value does not match.
 */
export function regexMatch(pattern: unknown, value: unknown): boolean {
  const regex = compilePattern(pattern);
  if (isBlankValue(value)) return false;
  const text = asText(value, 'regexMatch');
  return text !== null && regex.test(text.length > MAX_REGEX_INPUT ? text.slice(0, MAX_REGEX_INPUT) : text);
}

function compilePattern(pattern: unknown): RegExp {
  if (typeof pattern !== 'string') throw new Error('regexMatch: the pattern must be text');
  let cached = patterns.get(pattern);
  if (cached === undefined) {
    // The same check that refuses the pattern at publish (metadata's), repeated here: fail closed, never hang.
    const reason = unsafeRegexReason(pattern);
    cached = reason === undefined ? new RegExp(pattern) : new Error(`regexMatch: pattern ${JSON.stringify(pattern)} is refused: ${reason}`);
    if (patterns.size >= MAX_CACHED_PATTERNS) patterns.clear();
    patterns.set(pattern, cached);
  }
  if (cached instanceof Error) throw new Error(cached.message);
  return cached;
}

/**
 * `value` rounded to `digits` decimals (default 0; negative rounds to tens, hundreds…), halves away from
 * zero and without binary surprises (`round(1.005, 2)` = 1.01). Null stays null.
 */
export function round(value: unknown, digits: unknown = 0): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = toNumber(value, 'round', 'the value');
  const d = digits === null || digits === undefined ? 0 : toNumber(digits, 'round', 'digits');
  if (!Number.isInteger(d) || d < -15 || d > 15) throw new Error(`round: digits must be a whole number from -15 to 15 (got ${String(digits)})`);
  // Shift the decimal point in the decimal text (not by multiplying), so 1.005 stays 1.005 and rounds up.
  const shifted = Math.round(shiftDecimal(Math.abs(n), d));
  return Math.sign(n) * shiftDecimal(shifted, -d) + 0;
}

/** The operations above by name, as registered. */
export const RULE_OPERATIONS: Readonly<Record<string, JsonLogicOperation>> = {
  changed: changed as JsonLogicOperation,
  isBlank: isBlank as JsonLogicOperation,
  addDays: addDays as JsonLogicOperation,
  daysBetween: daysBetween as JsonLogicOperation,
  lower: lower as JsonLogicOperation,
  upper: upper as JsonLogicOperation,
  regexMatch: regexMatch as JsonLogicOperation,
  round: round as JsonLogicOperation,
};

/** (Re-)registers the operations; idempotent. Runs when this module loads. */
export function registerRuleOperations(): void {
  for (const [name, fn] of Object.entries(RULE_OPERATIONS)) registerOperation(name, fn);
}

registerRuleOperations();

function shiftDecimal(value: number, places: number): number {
  const [mantissa, exponent = '0'] = String(value).split('e');
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

function toNumber(value: unknown, operation: string, what: string): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n)) throw new Error(`${operation}: ${what} must be a number (got ${JSON.stringify(value) ?? String(value)})`);
  return n;
}

function asText(value: unknown, operation: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`${operation} expects text (got ${Array.isArray(value) ? 'a list' : 'an object'})`);
}

const temporals = new Map<string, Temporal>();
const MAX_CACHED_TEMPORALS = 1000;

interface Temporal {
  kind: 'date' | 'dateTime';
  ms: number;
}

/** A date or instant parsed to epoch milliseconds (cached: rules see the same constants and `now` again and again). */
function parseTemporal(value: unknown, operation: string): Temporal {
  if (typeof value === 'string') {
    let parsed = temporals.get(value);
    if (parsed === undefined) {
      parsed = parseTemporalText(value);
      if (parsed !== undefined) {
        if (temporals.size >= MAX_CACHED_TEMPORALS) temporals.clear();
        temporals.set(value, parsed);
      }
    }
    if (parsed !== undefined) return parsed;
  }
  throw new Error(`${operation}: ${JSON.stringify(value) ?? String(value)} is not a date (YYYY-MM-DD) or date-time (ISO 8601)`);
}

function parseTemporalText(value: string): Temporal | undefined {
  const date = DATE_ONLY.exec(value);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const ms = Date.UTC(year, month - 1, day);
    const check = new Date(ms);
    // Date.UTC rolls 2026-02-30 over to March; a real date keeps its parts.
    const real = check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
    return real ? { kind: 'date', ms } : undefined;
  }
  if (!DATE_TIME.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : { kind: 'dateTime', ms };
}
