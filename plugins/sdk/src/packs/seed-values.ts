/**
 * Seed CSV cells ↔ field values, by the field's type. One cell holds one value; empty cells are left out of the
 * record. Multi values (multiSelect, manyToMany) are `a|b` (`\|` for a literal bar). Currency is `12000 USD` or
 * `12000` (the field's defaultCurrency applies). Relations hold the target's natural key (see seed-csv.ts).
 */
import type { FieldDefinition } from '@trellis/metadata';

export type CellResult = { value: unknown } | { error: string };

const NUMBER = /^-?\d+(\.\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DURATION_PART = /(\d+)\s*(d|h|m|s)/g;
const UNIT_SECONDS: Record<string, number> = { d: 86400, h: 3600, m: 60, s: 1 };

/** Field types that cannot be seeded: computed or set by the system. */
export const UNSEEDABLE_TYPES = ['formula', 'rollup', 'autoNumber'];

/** Splits `a|b\|c` into ['a', 'b|c']. */
export function splitMulti(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && text[i + 1] === '|') {
      current += '|';
      i++;
    } else if (text[i] === '|') {
      parts.push(current);
      current = '';
    } else current += text[i];
  }
  parts.push(current);
  return parts;
}

export const joinMulti = (values: string[]): string => values.map((v) => v.replace(/\|/g, '\\|')).join('|');

function parseNumber(text: string, what: string): CellResult {
  return NUMBER.test(text) ? { value: Number(text) } : { error: `"${text}" is not ${what}; write digits with an optional "." for decimals, e.g. 1200.5 (no thousands separators)` };
}

function parseDuration(text: string): CellResult {
  if (/^\d+$/.test(text)) return { value: Number(text) };
  const compact = text.replace(/\s+/g, ' ').trim();
  let seconds = 0;
  let matched = '';
  for (const m of compact.matchAll(DURATION_PART)) {
    seconds += Number(m[1]) * UNIT_SECONDS[m[2]!]!;
    matched += m[0];
  }
  if (matched.replace(/\s/g, '') !== compact.replace(/\s/g, '') || matched === '') {
    return { error: `"${text}" is not a duration; write seconds (5400) or parts like "1h 30m" or "2d 4h"` };
  }
  return { value: seconds };
}

/** The value of a non-relation cell (relations are resolved by seed-csv.ts). */
export function parseCell(field: FieldDefinition, text: string): CellResult {
  switch (field.type) {
    case 'integer':
    case 'rating': {
      return /^-?\d+$/.test(text) ? { value: Number(text) } : { error: `"${text}" is not a whole number; write digits only, e.g. 42` };
    }
    case 'decimal':
    case 'percent':
      return parseNumber(text, 'a number');
    case 'duration':
      return parseDuration(text);
    case 'currency': {
      const m = /^(\S+)(?:\s+([A-Z]{3}))?$/.exec(text.trim());
      const amount = m ? parseNumber(m[1]!, 'an amount') : undefined;
      if (!m || !amount || 'error' in amount) return { error: `"${text}" is not an amount of money; write "12000.50 USD" (amount, space, ISO currency code) or "12000.50" for the field's default currency` };
      return { value: m[2] ? { amount: amount.value, currency: m[2] } : { amount: amount.value } };
    }
    case 'boolean': {
      const t = text.trim().toLowerCase();
      if (['true', 'yes', '1'].includes(t)) return { value: true };
      if (['false', 'no', '0'].includes(t)) return { value: false };
      return { error: `"${text}" is not a yes/no value; write true or false` };
    }
    case 'date':
      return DATE.test(text) && !Number.isNaN(Date.parse(text)) ? { value: text } : { error: `"${text}" is not a date; write YYYY-MM-DD, e.g. 2026-03-31` };
    case 'dateTime':
      return DATE_TIME.test(text) && !Number.isNaN(Date.parse(text))
        ? { value: text }
        : { error: `"${text}" is not a date and time; write ISO 8601 with a zone, e.g. 2026-03-31T14:30:00Z` };
    case 'json':
      try {
        return { value: JSON.parse(text) };
      } catch {
        return { error: `"${text}" is not JSON; write a JSON value, e.g. {"key": 1} (double the quotes inside a quoted CSV cell)` };
      }
    case 'select': {
      const values = (field.options ?? []).map((o) => o.value);
      return values.includes(text) ? { value: text } : { error: `"${text}" is not an option; use one of the option values: ${values.join(', ')}` };
    }
    case 'multiSelect': {
      const values = (field.options ?? []).map((o) => o.value);
      const items = splitMulti(text);
      const bad = items.filter((i) => !values.includes(i));
      return bad.length === 0
        ? { value: items }
        : { error: `${bad.map((b) => `"${b}"`).join(', ')} ${bad.length === 1 ? 'is not an option' : 'are not options'}; separate values with "|" and use the option values: ${values.join(', ')}` };
    }
    default:
      return { value: text };
  }
}

const isPlainNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && NUMBER.test(String(v));

/** The cell for a non-relation value, or null when the value has no CSV form that reads back identically. */
export function formatCell(field: FieldDefinition, value: unknown): string | null {
  switch (field.type) {
    case 'integer':
    case 'rating':
    case 'duration':
      return Number.isInteger(value) && isPlainNumber(value) ? String(value) : null;
    case 'decimal':
    case 'percent':
      return isPlainNumber(value) ? String(value) : null;
    case 'currency': {
      if (typeof value !== 'object' || value === null) return null;
      const { amount, currency, ...rest } = value as { amount?: unknown; currency?: unknown };
      if (Object.keys(rest).length > 0 || !isPlainNumber(amount)) return null;
      if (currency === undefined) return String(amount);
      return typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? `${amount} ${currency}` : null;
    }
    case 'boolean':
      return typeof value === 'boolean' ? String(value) : null;
    case 'json':
      return value === undefined ? null : JSON.stringify(value);
    case 'multiSelect':
      return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v !== '') ? joinMulti(value as string[]) : null;
    default: {
      if (typeof value !== 'string' || value === '') return null;
      const back = parseCell(field, value);
      return 'value' in back && back.value === value ? value : null;
    }
  }
}
