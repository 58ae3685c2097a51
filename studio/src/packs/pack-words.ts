/**
 * Words and counts for the pack previews: where a path points, the seed records to load, the data an uninstall
 * would lose, the changes a preview lists. The server's JSON fields are read tolerantly (maps or lists).
 */
import { describeMergePath } from '@trellis/metadata';
import { describeChanges } from '../studio/describe-changes.js';

/** A merge/clash path in words, capitalized: `/entities/case/fields/sla/label` → "The label of field sla of entity case". */
export function pathInWords(path: string): string {
  let words: string;
  try {
    words = describeMergePath(path);
  } catch {
    words = path || 'the document';
  }
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface CountRow {
  /** Entity, or `entity.field`; for a pack of several, prefixed with the pack: `service: case`. */
  label: string;
  count: number;
  /** What is counted, when rows of one list count different things ("row", "value"). */
  noun?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const numberOf = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * Rows of `{ case: 12 }`, `{ service: { case: 12 } }` (per pack), `[{ entity, field?, rows|count }]`, or
 * `{ case: { rows: 12, fields: { sla: 3 } } }`; zero counts dropped, largest first within the given order.
 */
export function countRows(value: unknown, prefix = ''): CountRow[] {
  if (Array.isArray(value)) {
    return value.flatMap((item): CountRow[] => {
      if (!isRecord(item)) return [];
      const count = numberOf(item.rows) ?? numberOf(item.count) ?? numberOf(item.records);
      const name = [item.pack && !prefix ? `${String(item.pack)}: ` : '', item.entity ?? item.name ?? '?', item.field ? `.${String(item.field)}` : ''].join('');
      return count ? [{ label: prefix + name, count }] : [];
    });
  }
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([key, v]): CountRow[] => {
    const n = numberOf(v);
    if (n !== undefined) return n ? [{ label: prefix + key, count: n }] : [];
    if (!isRecord(v)) return Array.isArray(v) ? countRows(v, `${prefix}${key}: `) : [];
    const own = numberOf(v.rows) ?? numberOf(v.count) ?? numberOf(v.records);
    const fields = isRecord(v.fields) ? countRows(v.fields, `${prefix}${key}.`) : [];
    if (own !== undefined || isRecord(v.fields)) return [...(own ? [{ label: prefix + key, count: own }] : []), ...fields];
    return countRows(v, `${prefix}${key}: `);
  });
}

/**
 * The data an uninstall would lose: `{ entities: { case: 12 }, fields: { "case.sla": 3 } }` (rows of each entity
 * that goes, non-empty values of each field that goes), or any shape `countRows` reads.
 */
export function dataLossRows(value: unknown): CountRow[] {
  if (isRecord(value) && (isRecord(value.entities) || isRecord(value.fields))) {
    return [
      ...countRows(isRecord(value.entities) ? value.entities : {}).map((r) => ({ ...r, noun: 'row' })),
      ...countRows(isRecord(value.fields) ? value.fields : {}).map((r) => ({ ...r, noun: 'value' })),
    ];
  }
  return countRows(value);
}

/** "12 rows and 3 values" (nouns default to `noun`). */
export function countSummary(rows: CountRow[], noun: string): string {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.noun ?? noun, (totals.get(r.noun ?? noun) ?? 0) + r.count);
  return [...totals].map(([n, count]) => plural(count, n)).join(' and ');
}

export const totalCount = (rows: CountRow[]): number => rows.reduce((sum, r) => sum + r.count, 0);

/** "12 records", "1 record". */
export const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * Sentences for a preview's `changes`: the merge's changes (`{ message }` items), plain strings, or the metadata
 * diff of a publish preview.
 */
export function changeSentences(changes: unknown): string[] {
  // An uninstall's `{ removed: [pointer] }`.
  if (isRecord(changes) && Array.isArray(changes.removed)) {
    return changes.removed.filter((p): p is string => typeof p === 'string').map((p) => `Removes ${lowerFirst(pathInWords(p))}`);
  }
  if (Array.isArray(changes)) {
    const messages = changes.map((c) => (typeof c === 'string' ? c : isRecord(c) && typeof c.message === 'string' ? c.message : null));
    if (messages.every((m): m is string => m !== null)) return messages;
  }
  try {
    return describeChanges(changes);
  } catch {
    return [];
  }
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

/** `service@1.2.0` → `{ pack: 'service', version: '1.2.0' }`. */
export function parseOrigin(origin: string): { pack: string; version: string } {
  const at = origin.lastIndexOf('@');
  return at > 0 ? { pack: origin.slice(0, at), version: origin.slice(at + 1) } : { pack: origin, version: '' };
}

/** The component pointers that came from each pack, sorted. */
export function componentsByPack(origins: Record<string, string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [pointer, origin] of Object.entries(origins)) {
    const { pack } = parseOrigin(origin);
    out.set(pack, [...(out.get(pack) ?? []), pointer]);
  }
  for (const list of out.values()) list.sort();
  return out;
}
