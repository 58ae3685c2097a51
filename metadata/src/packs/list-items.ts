/** Identity of the items of an ordered list (see merge-spec.ts): option values, step keys, section labels, names. */
import { isRecord } from '../problems.js';
import type { ListSpec } from './merge-spec.js';

const scalarId = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;

/**
 * The items of `list` by identity, in list order; undefined when `list` is not such a list (an item without
 * identity, or two with the same one) — the merge then treats it as one atomic value.
 */
export function itemsById(spec: ListSpec, list: unknown): Map<string, unknown> | undefined {
  if (!Array.isArray(list)) return undefined;
  const items = new Map<string, unknown>();
  for (const item of list) {
    const id = spec.identity === undefined ? scalarId(item) : isRecord(item) ? scalarId(item[spec.identity]) : undefined;
    if (id === undefined || items.has(id)) return undefined;
    items.set(id, item);
  }
  return items;
}
