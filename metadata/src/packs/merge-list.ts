/**
 * The 3-way merge of an ordered list whose items have an identity (merge-spec.ts): membership and content item
 * by item, like map entries, then the order (merge-order.ts). A list whose items cannot be identified in one of
 * the versions (an item without identity, or twice the same) is merged as one atomic value.
 */
import { childPath, conflictAt, recordChange, type MergeContext, type Site } from './merge-context.js';
import { itemsById } from './list-items.js';
import { mergeOrder } from './merge-order.js';
import type { ListSpec, MergeSpec } from './merge-spec.js';

type MergeItem = (ctx: MergeContext, spec: MergeSpec, base: unknown, theirs: unknown, ours: unknown, site: Site) => unknown;

const EMPTY = new Map<string, unknown>();

export function mergeList(ctx: MergeContext, spec: ListSpec, base: unknown, theirs: unknown, ours: unknown, site: Site, mergeItem: MergeItem): unknown {
  const [b, t, o] = [base, theirs, ours].map((list) => (list === undefined ? EMPTY : itemsById(spec, list)));
  if (!b || !t || !o) return conflictAt(ctx, site.path, base === undefined ? 'bothAdded' : 'bothChanged', base, theirs, ours);
  const merged = new Map<string, unknown>();
  for (const id of new Set([...t.keys(), ...o.keys(), ...b.keys()])) {
    const path = childPath(ctx, site.path, id);
    const item = mergeItem(ctx, spec.item, b.get(id), t.get(id), o.get(id), { path, component: true });
    if (item !== undefined) merged.set(id, item);
  }
  const { order, packReorder } = mergeOrder([...b.keys()], [...t.keys()], [...o.keys()], new Set(merged.keys()));
  if (packReorder) recordChange(ctx, site.path, 'reordered', packReorder, base, theirs);
  return order.map((id) => merged.get(id));
}
