/**
 * A roll-up's value over given related records, computed in JavaScript — for the studio's live preview (the
 * server computes stored values in SQL, with the filter compiled by its JSON Logic → SQL compiler, which agrees
 * with the evaluator). Same rules: only records for which `filter` is truthy count; count and sum of none are 0,
 * avg / min / max of none are null; a currency field aggregates its amount; blank values are skipped; numbers are
 * rounded to the value's scale (decimal default 2) like the stored column.
 */
import { rollupValueField, type FieldDefinition } from '@trellis/metadata';
import { evaluateCondition } from '../json-logic.js';
import { roundHalfAway } from './formula-value.js';

/** The aggregated value of one related record: a number, a date text, or null (blank). */
function valueOf(record: Record<string, unknown>, field: string): number | string | null {
  const value = record[field];
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'object' && !Array.isArray(value)) return valueOf(value as Record<string, unknown>, 'amount');
  return typeof value === 'number' || typeof value === 'string' ? value : null;
}

/** Rounds a number result to the roll-up's column (count: whole; decimal: its scale); dates pass through. */
function stored(field: FieldDefinition, value: number | string | null): number | string | null {
  if (typeof value !== 'number') return value;
  const shape = rollupValueField(field);
  return shape.type === 'decimal' ? roundHalfAway(value, shape.scale ?? 2) : value;
}

/** The value roll-up `field` has over `related` (the records its relation lists, as the API returns them). */
export function rollupValue(field: FieldDefinition, related: Record<string, unknown>[]): number | string | null {
  const matching = field.filter === undefined ? related : related.filter((record) => evaluateCondition(field.filter, { record }));
  if (field.aggregate === 'count') return matching.length;
  const values = matching.map((r) => valueOf(r, field.aggregateField ?? '')).filter((v): v is number | string => v !== null);
  switch (field.aggregate) {
    case 'sum':
      return stored(field, values.reduce<number>((total, v) => total + Number(v), 0));
    case 'avg':
      return values.length === 0 ? null : stored(field, values.reduce<number>((total, v) => total + Number(v), 0) / values.length);
    case 'min':
    case 'max': {
      if (values.length === 0) return null;
      const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return stored(field, field.aggregate === 'min' ? sorted[0]! : sorted[sorted.length - 1]!);
    }
    default:
      return null;
  }
}
