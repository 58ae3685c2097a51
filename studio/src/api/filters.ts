/**
 * The list view's filter conditions and how they become the generated `…Filter` input.
 * Operators offered for a field come from its field type's registry `filterOperators`;
 * `isNull` is shown as two choices ("is empty" / "is not empty").
 */
import { findFieldType, valueTypeOf, type CustomFilterOperator, type FieldDefinition, type FilterOperator, type MetadataDocument } from '@trellis/metadata';
import { filterOperand } from '../lib/field-values.js';
import { displayFieldOf, entityOf, isToMany } from './record-queries.js';

/** The built-in operators in UI terms, or the name of one a plugin type adds (`within`, see customFilterOf). */
export type UiOperator = Exclude<FilterOperator, 'isNull'> | 'isEmpty' | 'isNotEmpty' | (string & {});

/** The operator a field's value type adds itself (a plugin's `within`), when `op` names one. */
export function customFilterOf(field: FieldDefinition | undefined, op: string): CustomFilterOperator | undefined {
  if (!field || !findFieldType(field.type)) return undefined;
  const filters = valueTypeOf(field).filters;
  return filters && Object.hasOwn(filters, op) ? filters[op] : undefined;
}

/** Whether a custom operator's operand (an object of its schema's properties) has every required property. */
export function customOperandReady(filter: CustomFilterOperator, value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const required = Array.isArray(filter.operandSchema['required']) ? (filter.operandSchema['required'] as string[]) : [];
  return required.every((key) => {
    const part = (value as Record<string, unknown>)[key];
    return part !== undefined && part !== '' && !(typeof part === 'number' && !Number.isFinite(part));
  });
}

export interface FilterCondition {
  field: string;
  operator: UiOperator;
  /** A string, number, boolean, or an array of strings for list operators; absent for isEmpty/isNotEmpty. */
  value?: unknown;
}

const LIST_OPERATORS: UiOperator[] = ['in', 'notIn', 'containsAny', 'containsAll'];
export const takesList = (op: UiOperator): boolean => LIST_OPERATORS.includes(op);
export const takesValue = (op: UiOperator): boolean => op !== 'isEmpty' && op !== 'isNotEmpty';

const ORDERED_TYPES = new Set(['date', 'dateTime']);

/** Human words for an operator, adapted to the field type (dates read "before/after"). */
export function operatorLabel(op: UiOperator, fieldType?: string): string {
  const dates = fieldType !== undefined && ORDERED_TYPES.has(fieldType);
  switch (op) {
    case 'eq': return 'is';
    case 'neq': return 'is not';
    case 'gt': return dates ? 'is after' : 'greater than';
    case 'gte': return dates ? 'is on or after' : 'at least';
    case 'lt': return dates ? 'is before' : 'less than';
    case 'lte': return dates ? 'is on or before' : 'at most';
    case 'in': return 'is any of';
    case 'notIn': return 'is none of';
    case 'like': return 'matches';
    case 'ilike': return 'contains';
    case 'isEmpty': return 'is empty';
    case 'isNotEmpty': return 'is not empty';
    case 'containsAny': return 'has any of';
    case 'containsAll': return 'has all of';
    default: return (fieldType !== undefined ? findFieldType(fieldType)?.filters?.[op]?.label : undefined) ?? op;
  }
}

/** Operators the UI offers for a field, given its type's registry operators. */
export function uiOperatorsFor(field: FieldDefinition, registryOperators: readonly FilterOperator[]): UiOperator[] {
  if (field.type === 'relation') return ['eq', 'ilike'];
  const ops: UiOperator[] = [];
  for (const op of registryOperators) {
    if (op === 'isNull') ops.push('isEmpty', 'isNotEmpty');
    else if (op === 'like' && registryOperators.includes('ilike')) continue; // "contains" covers it
    else ops.push(op);
  }
  if (findFieldType(field.type)) ops.push(...Object.keys(valueTypeOf(field).filters ?? {}));
  return ops;
}

/** Escapes LIKE wildcards so user text matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => '\\' + c);
}

const NUMERIC = new Set(['integer', 'decimal', 'currency', 'percent']);

function coerce(field: FieldDefinition, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => coerce(field, v));
  if (NUMERIC.has(field.type)) return typeof value === 'number' ? value : Number(value);
  if (field.type === 'boolean') return value === true || value === 'true';
  return filterOperand(field, value); // durations typed as `1h 30m`, ratings and other numbers by the registry
}

function scalarCondition(field: FieldDefinition, c: FilterCondition): Record<string, unknown> {
  // A plugin operator's operand is already the object its schema describes.
  if (customFilterOf(field, c.operator)) return { [c.operator]: c.value };
  switch (c.operator) {
    case 'isEmpty': return { isNull: true };
    case 'isNotEmpty': return { isNull: false };
    case 'ilike':
    case 'like': return { [c.operator]: `%${escapeLike(String(c.value ?? ''))}%` };
    default: {
      const list = takesList(c.operator);
      const raw = list && !Array.isArray(c.value) ? String(c.value ?? '').split(',').map((s) => s.trim()).filter(Boolean) : c.value;
      return { [c.operator]: coerce(field, raw) };
    }
  }
}

/** One condition → the filter object for the entity (`{ stage: { eq: "won" } }`, `{ company: { id: { eq } } }`). */
export function conditionToFilter(doc: MetadataDocument, entityName: string, c: FilterCondition): Record<string, unknown> {
  const field = entityOf(doc, entityName).fields[c.field];
  if (!field) {
    // system fields: id, createdAt, updatedAt
    const op = c.operator === 'isEmpty' ? { isNull: true } : c.operator === 'isNotEmpty' ? { isNull: false } : { [c.operator]: c.value };
    return { [c.field]: op };
  }
  if (field.type === 'relation') {
    const target = doc.entities[field.target ?? ''];
    const display = target ? displayFieldOf(target) : undefined;
    const inner =
      c.operator === 'ilike' && display
        ? { [display]: { ilike: `%${escapeLike(String(c.value ?? ''))}%` } }
        : { id: { eq: String(c.value ?? '') } };
    return { [c.field]: isToMany(field) ? { some: inner } : inner };
  }
  return { [c.field]: scalarCondition(field, c) };
}

/** Free-text search over the display field. */
export function searchToFilter(doc: MetadataDocument, entityName: string, text: string): Record<string, unknown> | undefined {
  const display = displayFieldOf(entityOf(doc, entityName));
  const trimmed = text.trim();
  if (!display || !trimmed) return undefined;
  return { [display]: { ilike: `%${escapeLike(trimmed)}%` } };
}

/** All conditions and the search text, combined with `and`; undefined when nothing filters. */
export function buildFilter(
  doc: MetadataDocument,
  entityName: string,
  conditions: FilterCondition[],
  search = '',
): Record<string, unknown> | undefined {
  const parts = conditions
    .filter((c) => !takesValue(c.operator) || (c.value !== undefined && c.value !== '' && !(Array.isArray(c.value) && c.value.length === 0)))
    .map((c) => conditionToFilter(doc, entityName, c));
  const s = searchToFilter(doc, entityName, search);
  if (s) parts.push(s);
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : { and: parts };
}
