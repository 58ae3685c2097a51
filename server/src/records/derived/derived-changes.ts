/**
 * Small pieces of derived-field maintenance: the changes that spread (rows and fields per entity), which fields
 * an update may change, whether a computed value differs from the stored one, and the restart signal.
 */
import type { ScalarFieldModel } from '../data-model.js';
import type { EntityDerived } from './derived-model.js';
import type { RowValues } from './record-values.js';

/** Rows of one entity whose values changed, and which fields. */
export type Changes = Map<string, { ids: Set<string>; fields: Set<string> }>;

export const hasAny = (fields: Iterable<string>, wanted: Set<string>): boolean => [...fields].some((f) => wanted.has(f));
export const idsOf = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : []);

/** The fields an update of `data` may change: its own, and the formulas that read them (in dependency order). */
export function touchedFields(derived: EntityDerived, data: RowValues): Set<string> {
  const touched = new Set(Object.keys(data));
  for (const formula of derived.formulas) {
    if (hasAny([...formula.compiled.reads, ...formula.compiled.expands], touched)) touched.add(formula.compiled.name);
  }
  return touched;
}

export const hasUnheld = (held: Set<string> | undefined, wanted: Set<string> | undefined): boolean => [...(wanted ?? [])].some((id) => !held?.has(id));

/** Thrown when a write must start its transaction again (see `lockAhead`); retried like a deadlock. */
export class WriteRestart extends Error {
  readonly code = 'TRELLIS_RESTART';
  constructor() {
    super('The related records changed while this write waited for them; it starts again');
  }
}

export function addChange(changes: Changes, entity: string, rowIds: Iterable<string>, fields: Iterable<string>): void {
  let change = changes.get(entity);
  if (!change) changes.set(entity, (change = { ids: new Set(), fields: new Set() }));
  for (const id of rowIds) change.ids.add(id);
  for (const field of fields) change.fields.add(field);
}

/** A deleted row as a write that empties its link lists (for `noteLinkChanges`). */
export function mapLinksToEmpty(derived: EntityDerived, stored: RowValues): RowValues {
  const data: RowValues = {};
  for (const link of derived.linkInverses) if (link.field in stored) data[link.field] = [];
  return data;
}

/** Whether a stored value of `field` (as read) equals a computed one: numbers by value, instants by time. */
export function sameStored(stored: unknown, computed: unknown, field: ScalarFieldModel): boolean {
  const a = stored === undefined ? null : stored;
  const b = computed === undefined ? null : computed;
  if (a === b) return true;
  if (a === null || b === null) return false;
  if (typeof a === 'number' || typeof b === 'number') return Number(a) === Number(b);
  if (typeof a === 'string' && typeof b === 'string' && field.columns[0]?.sqlType === 'timestamptz') {
    const time = Date.parse(a);
    return !Number.isNaN(time) && time === Date.parse(b);
  }
  return false;
}
