/**
 * The 3-way merge of one value, recursively by the document's shape (merge-spec.ts). At each point:
 * unchanged by the pack → the customer's; unchanged by the customer → the pack's; the same change on both
 * sides → it; else records and maps are merged key by key, lists item by item (merge-list.ts), and anything
 * else is a conflict (the merged document keeps the customer's value until it is resolved). Components (map
 * entries, list items) the customer deleted stay deleted — a conflict if the pack changed them, restored when
 * `resurrectDeleted`; components the pack removed and the customer changed are a conflict too. Absent property
 * groups (e.g. `rules`, `layouts`) count as empty, so each side's entries merge one by one.
 */
import { isRecord, segmentsOf } from '../problems.js';
import { childPath, conflictAt, own, recordChange, type MergeContext, type Site } from './merge-context.js';
import { mergeList } from './merge-list.js';
import { propertySpec, type MapSpec, type MergeSpec, type RecordSpec } from './merge-spec.js';
import { recordPackChanges } from './pack-changes.js';

/** A component without its `renamedFrom`: a rename alone is not a change worth a conflict on a deleted component. */
const withoutRename = (value: unknown): unknown => {
  if (!isRecord(value) || !Object.hasOwn(value, 'renamedFrom')) return value;
  const { renamedFrom: _, ...rest } = value;
  return rest;
};

/** Whether the present values all have the container shape `spec` describes. */
function mergeable(spec: MergeSpec, ...values: unknown[]): boolean {
  const present = values.filter((v) => v !== undefined);
  if (spec.kind === 'record' || spec.kind === 'map') return present.every(isRecord);
  if (spec.kind === 'list') return present.every(Array.isArray);
  return false;
}

export function mergeValue(ctx: MergeContext, spec: MergeSpec, base: unknown, theirs: unknown, ours: unknown, site: Site): unknown {
  if (ctx.equal(theirs, base)) return keepOurs(ctx, spec, base, theirs, ours, site);
  if (ctx.equal(ours, base)) {
    recordPackChanges(ctx, spec, base, theirs, site.path, 'applied');
    return theirs;
  }
  if (ctx.equal(theirs, ours)) {
    recordPackChanges(ctx, spec, base, theirs, site.path, 'alreadyApplied');
    return theirs;
  }
  if (!site.component) {
    if (mergeable(spec, base, theirs, ours)) return mergeContainer(ctx, spec, base, theirs, ours, site);
    return conflictAt(ctx, site.path, base === undefined ? 'bothAdded' : 'bothChanged', base, theirs, ours);
  }
  if (ours === undefined) {
    if (ctx.resurrectDeleted) return restore(ctx, theirs, site);
    if (ctx.equal(withoutRename(theirs), withoutRename(base))) {
      recordChange(ctx, site.path, 'renamed', 'keptYours', own(theirs, 'renamedFrom'), segmentsOf(site.path).pop());
      return undefined;
    }
    return conflictAt(ctx, site.path, 'deletedByUs', base, theirs, ours);
  }
  if (theirs === undefined) return conflictAt(ctx, site.path, 'deletedByThem', base, theirs, ours);
  if (mergeable(spec, base, theirs, ours)) return mergeContainer(ctx, spec, base, theirs, ours, site);
  return conflictAt(ctx, site.path, base === undefined ? 'bothAdded' : 'bothChanged', base, theirs, ours);
}

/** The pack did not change this: the customer's value — with what they deleted restored, when asked. */
function keepOurs(ctx: MergeContext, spec: MergeSpec, base: unknown, theirs: unknown, ours: unknown, site: Site): unknown {
  if (!ctx.resurrectDeleted || theirs === undefined || ctx.equal(ours, theirs)) return ours;
  if (ours === undefined && site.component) return restore(ctx, theirs, site);
  if (mergeable(spec, theirs, ours)) return mergeContainer(ctx, spec, base, theirs, ours, site);
  return ours;
}

function restore(ctx: MergeContext, theirs: unknown, site: Site): unknown {
  recordChange(ctx, site.path, 'restored', 'applied', undefined, theirs);
  return theirs;
}

function mergeContainer(ctx: MergeContext, spec: MergeSpec, base: unknown, theirs: unknown, ours: unknown, site: Site): unknown {
  const merged = spec.kind === 'list' ? mergeList(ctx, spec, base, theirs, ours, site, mergeValue) : mergeRecord(ctx, spec as RecordSpec | MapSpec, base, theirs, ours, site);
  // An emptied group disappears unless both sides still have it.
  const empty = Array.isArray(merged) ? merged.length === 0 : isRecord(merged) && Object.keys(merged).length === 0;
  return empty && !site.component && (theirs === undefined || ours === undefined) ? undefined : merged;
}

/** Key by key; keys in the pack's order, then the customer's own. */
function mergeRecord(ctx: MergeContext, spec: RecordSpec | MapSpec, base: unknown, theirs: unknown, ours: unknown, site: Site): unknown {
  const keys = new Set([...Object.keys(theirs ?? {}), ...Object.keys(ours ?? {}), ...Object.keys(base ?? {})]);
  const entries: [string, unknown][] = [];
  for (const key of keys) {
    const child = spec.kind === 'map' ? spec.entry : propertySpec(spec, key);
    const path = childPath(ctx, site.path, key);
    const value = mergeValue(ctx, child, own(base, key), own(theirs, key), own(ours, key), { path, component: spec.kind === 'map' });
    if (value !== undefined) entries.push([key, value]);
  }
  return Object.fromEntries(entries);
}
