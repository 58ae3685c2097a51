/**
 * Records what the pack changed below a point (from `base` to `theirs`) with one outcome for all of it — used
 * where the merge takes the pack's value whole (the customer did not touch it, or made the same change).
 * Granularity: one change per added or removed component, per changed atomic property, per reordered list.
 */
import { isRecord } from '../problems.js';
import { itemsById } from './list-items.js';
import { changeKind, childPath, own, recordChange, type MergeContext } from './merge-context.js';
import { mergeOrder } from './merge-order.js';
import { propertySpec, type MergeSpec } from './merge-spec.js';
import type { MergeOutcome } from './merge-types.js';

export function recordPackChanges(ctx: MergeContext, spec: MergeSpec, base: unknown, theirs: unknown, path: string, outcome: MergeOutcome): void {
  if (ctx.equal(base, theirs)) return;
  if (base !== undefined && theirs !== undefined) {
    if ((spec.kind === 'record' || spec.kind === 'map') && isRecord(base) && isRecord(theirs)) {
      const keys = [...Object.keys(theirs), ...Object.keys(base).filter((k) => !Object.hasOwn(theirs, k))];
      for (const key of keys) {
        const child = spec.kind === 'map' ? spec.entry : propertySpec(spec, key);
        recordPackChanges(ctx, child, own(base, key), own(theirs, key), childPath(ctx, path, key), outcome);
      }
      return;
    }
    if (spec.kind === 'list') {
      const [b, t] = [itemsById(spec, base), itemsById(spec, theirs)];
      if (b && t) {
        for (const id of new Set([...t.keys(), ...b.keys()])) {
          recordPackChanges(ctx, spec.item, b.get(id), t.get(id), childPath(ctx, path, id), outcome);
        }
        const order = mergeOrder([...b.keys()], [...t.keys()], [...b.keys()], new Set(t.keys()));
        if (order.packReorder) recordChange(ctx, path, 'reordered', outcome, base, theirs);
        return;
      }
    }
  }
  recordChange(ctx, path, changeKind(base, theirs), outcome, base, theirs);
}
