/**
 * What the merge walk carries: options, decisions (when resolving), the conflicts and changes found so far,
 * and path aliases — a component renamed by a decision keeps the path it had in the undecided merge, so that
 * decisions keyed by path still find their conflicts.
 */
import { pointer } from '../problems.js';
import { describeMergeChange, describeMergeConflict } from './describe-merge.js';
import type { MergeChange, MergeChangeKind, MergeConflict, MergeConflictKind, MergeDecisions, MergeOutcome } from './merge-types.js';

export interface MergeContext {
  readonly resurrectDeleted: boolean;
  readonly decisions: MergeDecisions | undefined;
  readonly conflicts: MergeConflict[];
  readonly changes: MergeChange[];
  /** Path a component has under its decided name → path it has in the undecided merge. */
  readonly aliases: Map<string, string>;
  /** Deep equality (`deepEqual` of diff.ts), memoized per object: the walk compares the same subtrees at every level. */
  readonly equal: (a: unknown, b: unknown) => boolean;
}

/** `stableStringify` (diff.ts) with each object's text cached; the merge never mutates what it compares. */
function memoizedStringify(): (value: unknown) => string {
  const cache = new WeakMap<object, string>();
  const text = (value: unknown): string => {
    if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
    const cached = cache.get(value);
    if (cached !== undefined) return cached;
    let result: string;
    if (Array.isArray(value)) {
      result = `[${value.map(text).join(',')}]`;
    } else {
      const entries = Object.entries(value).filter(([, v]) => v !== undefined);
      entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      result = `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${text(v)}`).join(',')}}`;
    }
    cache.set(value, result);
    return result;
  };
  return text;
}

export function createContext(resurrectDeleted: boolean, decisions?: MergeDecisions): MergeContext {
  const text = memoizedStringify();
  const equal = (a: unknown, b: unknown): boolean => a === b || text(a) === text(b);
  return { resurrectDeleted, decisions, conflicts: [], changes: [], aliases: new Map(), equal };
}

/** Where a value sits: its path, and whether it is a component (map entry, list item) rather than a property. */
export interface Site {
  readonly path: string;
  readonly component: boolean;
}

/** An own property of `value` (never one inherited, whatever the key), or undefined. */
export const own = (value: unknown, key: string): unknown =>
  value !== null && typeof value === 'object' && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;

export function childPath(ctx: MergeContext, parent: string, segment: string): string {
  const path = parent + pointer(segment);
  return ctx.aliases.get(path) ?? path;
}

export function recordChange(
  ctx: MergeContext,
  path: string,
  kind: MergeChangeKind,
  outcome: MergeOutcome,
  from: unknown,
  to: unknown,
): void {
  const change: Omit<MergeChange, 'message'> = { path, kind, outcome, ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
  ctx.changes.push({ ...change, message: describeMergeChange(change) });
}

/** The kind of change going from `from` to `to`. */
export const changeKind = (from: unknown, to: unknown): MergeChangeKind =>
  from === undefined ? 'added' : to === undefined ? 'removed' : 'changed';

/**
 * Records a conflict at `path` and returns the value the merged document holds there: the decided one when
 * resolving (`take`, or the given value), else the customer's.
 */
export function conflictAt(ctx: MergeContext, path: string, kind: MergeConflictKind, base: unknown, theirs: unknown, ours: unknown): unknown {
  const conflict: Omit<MergeConflict, 'message'> = { path, kind, base, theirs, ours };
  ctx.conflicts.push({ ...conflict, message: describeMergeConflict(conflict) });
  recordChange(ctx, path, kind === 'renamedByBoth' || kind === 'renameClash' ? 'renamed' : changeKind(base, theirs), 'conflict', base, theirs);
  const decision = ctx.decisions && Object.hasOwn(ctx.decisions, path) ? ctx.decisions[path] : undefined;
  if (decision === undefined) return ours;
  if ('take' in decision) return decision.take === 'theirs' ? theirs : ours;
  return structuredClone(decision.value);
}
