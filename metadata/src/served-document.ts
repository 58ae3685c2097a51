/**
 * The document a server can serve when some of what a published version relies on is not there: a plugin that
 * provided a field type or a rule operation was removed, or threw at load time. A valid published document then
 * stops validating ("unknown type", "unknown operator", and whatever refers to those). Rather than refusing to
 * start, the server serves the document minus the smallest components that carry a problem — the field, the rule,
 * the form field or list column, the view, the workflow, the role's grant — each *suspended* with the reason. The stored
 * document is not changed, and the data stays in its columns: once the plugin loads again, everything is back.
 * Pure: the registries (field types, operations) say what is available.
 */
import { isRecord, pointer, segmentsOf } from './problems.js';
import { valueAt } from './rules/references.js';
import type { MetadataDocument } from './types.js';
import { validateDocument } from './validate-document.js';

/** A component left out of the served document: its JSON pointer in the stored document, and why. */
export interface SuspendedComponent {
  path: string;
  message: string;
}

export interface ServedDocument {
  /** The stored document itself when nothing is suspended (same object), else a pruned copy. */
  document: MetadataDocument;
  suspended: SuspendedComponent[];
}

/** Each round removes at least one component; a document has far fewer dependency levels than this. */
const MAX_ROUNDS = 50;

/** `stored` as it can be served now (see the file comment). Cheap when the document is valid: one validation. */
export function servedDocument(stored: MetadataDocument): ServedDocument {
  let problems = validateDocument(stored);
  if (problems.length === 0) return { document: stored, suspended: [] };
  const served = structuredClone(stored);
  const suspended: SuspendedComponent[] = [];
  for (let round = 0; problems.length > 0; round++) {
    if (round === MAX_ROUNDS) return { document: { entities: {} }, suspended: everything(stored, suspended) };
    const removed = new Map<string, string[]>();
    for (const problem of problems) {
      const unit = suspendedUnit(segmentsOf(problem.path));
      const path = pointer(...unit);
      if (removed.has(path)) continue;
      removed.set(path, unit);
      // Later rounds find what referred to a component left out before: said so, since the message alone reads like a mistake.
      const message = round === 0 ? problem.message : `It refers to a suspended component. ${problem.message}`;
      suspended.push({ path: storedPath(stored, served, unit), message });
    }
    // Array elements (layout items) from the last index down, so earlier removals do not shift later ones.
    for (const path of [...removed.keys()].sort(byIndexDescending)) removeAt(served, removed.get(path)!);
    problems = validateDocument(served);
  }
  return { document: served, suspended: mergeNested(suspended) };
}

/**
 * The smallest component around a problem's path that can be left out on its own: a field, a rule, a view, a
 * layout item, a workflow, a role's grant on one field or one operation, a translation; else the whole entity.
 */
export function suspendedUnit(path: string[]): string[] {
  const [top, name, collection, member] = path;
  if (top === 'entities' && name !== undefined) {
    if ((collection === 'fields' || collection === 'rules' || collection === 'views') && member !== undefined) return path.slice(0, 4);
    if (collection === 'layouts') return layoutUnit(path);
    return path.slice(0, 2);
  }
  if (top === 'workflows' && name !== undefined) return path.slice(0, 2);
  if (top === 'roles' && name !== undefined) {
    // roles/R/entities/E/fields/F, or roles/R/entities/E/<operation>: without it the grant is "none" (fails closed).
    if (collection === 'entities' && member !== undefined) return path.slice(0, path[4] === 'fields' && path[5] !== undefined ? 6 : path[4] !== undefined ? 5 : 4);
    return path.slice(0, 2);
  }
  if (top === 'translations' && name !== undefined) return path.slice(0, collection !== undefined ? 3 : 2);
  return path.slice(0, 1);
}

/** In a layout: one form field or list column or sort key (`…/fields/2`, `…/columns/1`, `…/sort/0`), one field's form conditions, else the layout. */
function layoutUnit(path: string[]): string[] {
  for (let i = path.length - 1; i > 4; i--) {
    if (/^\d+$/.test(path[i]!) && ['fields', 'columns', 'sort'].includes(path[i - 1]!)) return path.slice(0, i + 1);
  }
  if (path[4] === 'conditions' && path[5] !== undefined) return path.slice(0, 6);
  return path.slice(0, Math.min(path.length, 4));
}

/** Where a unit of the served copy sits in the stored document (layout item indexes shift as items go). */
function storedPath(stored: MetadataDocument, served: MetadataDocument, unit: string[]): string {
  const last = unit[unit.length - 1]!;
  if (!/^\d+$/.test(last)) return pointer(...unit);
  const item = valueAt(served, pointer(...unit));
  const list = valueAt(stored, pointer(...unit.slice(0, -1)));
  const index = Array.isArray(list) ? list.findIndex((candidate) => JSON.stringify(candidate) === JSON.stringify(item)) : -1;
  return pointer(...unit.slice(0, -1), index >= 0 ? index : last);
}

function removeAt(doc: unknown, path: string[]): void {
  const parent = valueAt(doc, pointer(...path.slice(0, -1)));
  const key = path[path.length - 1]!;
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else if (isRecord(parent)) delete parent[key];
}

/** Pointers ending in an array index, highest index first; the order of the others does not matter. */
function byIndexDescending(a: string, b: string): number {
  const index = (p: string) => Number(/\/(\d+)$/.exec(p)?.[1] ?? -1);
  return index(b) - index(a);
}

/** A component suspended inside one suspended later (a rule, then its whole entity) is named once, by the outer one. */
function mergeNested(list: SuspendedComponent[]): SuspendedComponent[] {
  return list.filter((item) => !list.some((other) => other !== item && item.path.startsWith(other.path + '/')));
}

/** Nothing could be served: every entity and workflow is suspended, with the reasons found so far. */
function everything(stored: MetadataDocument, found: SuspendedComponent[]): SuspendedComponent[] {
  const reason = found[0]?.message ?? 'The document could not be made valid.';
  return [...Object.keys(stored.entities).map((name) => ({ path: pointer('entities', name), message: reason }))];
}

