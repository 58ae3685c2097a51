/**
 * `diffDocuments(from, to)`: the changes between two documents, per entity, field and property.
 * A `renamedFrom` counts as a rename only when `from` has the old name and neither has `to` the old name
 * nor `from` the new one (so a `renamedFrom` left in later versions is harmless).
 * Order is deterministic: entities by name, then their fields by name, then removed entities, then the rest.
 */
import type { DiffChange, MetadataDiff } from './plan-types.js';
import type { EntityDefinition, FieldDefinition, MetadataDocument } from './types.js';

/** JSON with sorted keys: equal values give equal text, whatever their key order (jsonb reorders keys). */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

export const deepEqual = (a: unknown, b: unknown): boolean => stableStringify(a) === stableStringify(b);

const sorted = (names: Iterable<string>): string[] => [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * Maps each name of `to` to its name in `from` (itself, or its `renamedFrom`), for the items that existed before.
 * Exported for the plan, which needs the same matching.
 */
export function matchNames<T extends { renamedFrom?: string }>(
  from: Record<string, T>,
  to: Record<string, T>,
): Map<string, { from: string; renamed: boolean }> {
  const matches = new Map<string, { from: string; renamed: boolean }>();
  for (const name of sorted(Object.keys(to))) {
    const old = to[name]!.renamedFrom;
    if (from[name] !== undefined) {
      matches.set(name, { from: name, renamed: false });
    } else if (old !== undefined && from[old] !== undefined && to[old] === undefined && ![...matches.values()].some((m) => m.from === old)) {
      matches.set(name, { from: old, renamed: true });
    }
  }
  return matches;
}

/** Properties that are identity, not configuration, or diffed per item below (layouts, rules, views). */
const IGNORED = new Set(['renamedFrom', 'fields', 'layouts', 'rules', 'views']);

function propertyChanges(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  make: (property: string, from: unknown, to: unknown) => DiffChange,
): DiffChange[] {
  return sorted(new Set([...Object.keys(a), ...Object.keys(b)]))
    .filter((p) => !IGNORED.has(p) && !deepEqual(a[p], b[p]))
    .map((p) => make(p, a[p], b[p]));
}

function fieldChanges(entity: string, from: EntityDefinition, to: EntityDefinition): DiffChange[] {
  const changes: DiffChange[] = [];
  const matches = matchNames<FieldDefinition>(from.fields, to.fields);
  for (const field of sorted(Object.keys(to.fields))) {
    const match = matches.get(field);
    if (!match) {
      changes.push({ kind: 'addField', entity, field });
      continue;
    }
    if (match.renamed) changes.push({ kind: 'renameField', entity, field, from: match.from });
    const a = from.fields[match.from] as unknown as Record<string, unknown>;
    const b = to.fields[field] as unknown as Record<string, unknown>;
    changes.push(...propertyChanges(a, b, (property, f, t) => ({ kind: 'changeField', entity, field, property, from: f, to: t })));
  }
  const kept = new Set([...matches.values()].map((m) => m.from));
  for (const field of sorted(Object.keys(from.fields))) {
    if (!kept.has(field)) changes.push({ kind: 'removeField', entity, field });
  }
  return changes;
}

function entityChanges(entity: string, fromName: string, from: EntityDefinition, to: EntityDefinition): DiffChange[] {
  const changes: DiffChange[] = [];
  if (fromName !== entity) changes.push({ kind: 'renameEntity', entity, from: fromName });
  const a = from as unknown as Record<string, unknown>;
  const b = to as unknown as Record<string, unknown>;
  changes.push(...propertyChanges(a, b, (property, f, t) => ({ kind: 'changeEntity', entity, property, from: f, to: t })));
  for (const layout of sorted(new Set([...Object.keys(from.layouts ?? {}), ...Object.keys(to.layouts ?? {})]))) {
    const f = (from.layouts as Record<string, unknown> | undefined)?.[layout];
    const t = (to.layouts as Record<string, unknown> | undefined)?.[layout];
    if (!deepEqual(f, t)) changes.push({ kind: 'changeEntity', entity, property: `layouts.${layout}`, from: f, to: t });
  }
  // Validation rules and saved views: one change per added, removed or changed item (`rules.closeDateWhenWon`).
  for (const section of ['rules', 'views'] as const) {
    const a: Record<string, unknown> = from[section] ?? {};
    const b: Record<string, unknown> = to[section] ?? {};
    for (const name of sorted(new Set([...Object.keys(a), ...Object.keys(b)]))) {
      if (!deepEqual(a[name], b[name])) changes.push({ kind: 'changeEntity', entity, property: `${section}.${name}`, from: a[name], to: b[name] });
    }
  }
  changes.push(...fieldChanges(entity, from, to));
  return changes;
}

/** Changes of the opaque sections (workflows, roles, translations), per item: `changeOther` with path `/workflows/<name>`, `/translations/<locale>`. */
function otherChanges(from: MetadataDocument, to: MetadataDocument): DiffChange[] {
  const changes: DiffChange[] = [];
  for (const section of ['roles', 'workflows', 'translations'] as const) {
    const a: Record<string, unknown> = from[section] ?? {};
    const b: Record<string, unknown> = to[section] ?? {};
    for (const name of sorted(new Set([...Object.keys(a), ...Object.keys(b)]))) {
      if (!deepEqual(a[name], b[name])) changes.push({ kind: 'changeOther', path: `/${section}/${name}`, from: a[name], to: b[name] });
    }
  }
  return changes;
}

export function diffDocuments(from: MetadataDocument, to: MetadataDocument): MetadataDiff {
  const changes: DiffChange[] = [];
  const matches = matchNames<EntityDefinition>(from.entities, to.entities);
  for (const entity of sorted(Object.keys(to.entities))) {
    const match = matches.get(entity);
    if (match) changes.push(...entityChanges(entity, match.from, from.entities[match.from]!, to.entities[entity]!));
    else changes.push({ kind: 'addEntity', entity });
  }
  const kept = new Set([...matches.values()].map((m) => m.from));
  for (const entity of sorted(Object.keys(from.entities))) {
    if (!kept.has(entity)) changes.push({ kind: 'removeEntity', entity });
  }
  changes.push(...otherChanges(from, to));
  return { changes };
}
