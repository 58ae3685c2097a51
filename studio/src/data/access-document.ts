/**
 * The published document as one person may use it in the data screens. The server's schema for their roles has
 * no hidden fields and no relations to entities they cannot read (asking for one fails), so the studio builds
 * every query, column, filter, sort, form and related list from a copy of the document without them — and the
 * existing builders need no access checks of their own. Rules and form conditions that read a removed field are
 * left to the server (it sees the whole record); the form cannot evaluate them without the value.
 */
import { collectReferenceSites, referencesTo, segmentsOf, type EntityDefinition, type MetadataDocument } from '@trellis/metadata';
import type { EntityAccess, FieldAccess, ResolvedAccess } from '@trellis/runtime';

const cache = new WeakMap<MetadataDocument, Map<string, MetadataDocument>>();

export const canRead = (access: ResolvedAccess, entity: string): boolean => !!access.entities[entity]?.read.length;

/** The entities the person may read, in the document's order. */
export function readableEntities(doc: MetadataDocument, access: ResolvedAccess): string[] {
  return Object.keys(doc.entities).filter((name) => access.admin || canRead(access, name));
}

/** A field's access (`editable` when the access does not know it, e.g. for the admin). */
export function fieldAccessOf(access: ResolvedAccess, entity: string, field: string): FieldAccess {
  return access.admin ? 'editable' : (access.entities[entity]?.fields[field] ?? 'editable');
}

/**
 * Fields of `entity` the person cannot see: hidden ones, relations to entities they cannot read, then the hidden
 * system fields (`owner`, `team`… — list columns and filters may name them too).
 */
export function hiddenFields(doc: MetadataDocument, access: ResolvedAccess, entity: string): string[] {
  if (access.admin) return [];
  const def = doc.entities[entity];
  const rights: EntityAccess | undefined = access.entities[entity];
  if (!def) return [];
  const own = Object.entries(def.fields)
    .filter(([name, f]) => rights?.fields[name] === 'hidden' || (f.type === 'relation' && !canRead(access, f.target ?? '')))
    .map(([name]) => name);
  const system = Object.entries(rights?.fields ?? {})
    .filter(([name, level]) => level === 'hidden' && !Object.hasOwn(def.fields, name))
    .map(([name]) => name);
  return [...own, ...system];
}

/** Removes `fields` from an entity: definitions, form sections and conditions, list columns and sort, views, display field. */
function withoutFields(entity: EntityDefinition, fields: Set<string>): void {
  const keep = (name: string) => !fields.has(name);
  entity.fields = Object.fromEntries(Object.entries(entity.fields).filter(([name]) => keep(name)));
  const form = entity.layouts?.form;
  if (form) {
    form.sections = form.sections.map((s) => ({ ...s, fields: s.fields.filter(keep) }));
    if (form.conditions) form.conditions = Object.fromEntries(Object.entries(form.conditions).filter(([name]) => keep(name)));
  }
  const list = entity.layouts?.list;
  if (list) {
    list.columns = list.columns.filter(keep);
    if (list.sort) list.sort = list.sort.filter((s) => keep(s.field));
  }
  for (const view of Object.values(entity.views ?? {})) {
    if (view.columns) view.columns = view.columns.filter(keep);
    if (view.sort) view.sort = view.sort.filter((s) => keep(s.field));
  }
  if (entity.displayField && !keep(entity.displayField)) delete entity.displayField;
}

/** Drops the validation rules and form conditions that read a removed field (views stay: the server applies their filter). */
function withoutLogicReading(next: MetadataDocument, original: MetadataDocument, removed: [string, string][]): void {
  const sites = collectReferenceSites(original);
  for (const [entity, field] of removed) {
    for (const ref of referencesTo(sites, entity, field)) {
      const [root, owner, kind, name, , conditionField, condition] = segmentsOf(ref.path);
      const def = root === 'entities' ? next.entities[owner] : undefined;
      if (!def) continue;
      if (kind === 'rules' && def.rules) delete def.rules[name];
      if (kind === 'layouts' && name === 'form' && conditionField && condition) {
        const all = def.layouts?.form?.conditions;
        const conditions = all?.[conditionField];
        if (!all || !conditions) continue;
        delete conditions[condition as keyof typeof conditions];
        if (Object.keys(conditions).length === 0) delete all[conditionField];
      }
    }
  }
}

/** The document as the person may use it (the same object when nothing is hidden from them). Memoised per (document, roles). */
export function documentForAccess(doc: MetadataDocument, access: ResolvedAccess): MetadataDocument {
  if (access.admin) return doc;
  const byKey = cache.get(doc) ?? new Map<string, MetadataDocument>();
  cache.set(doc, byKey);
  const cached = byKey.get(access.key);
  if (cached) return cached;
  const removed = Object.keys(doc.entities).flatMap((entity) => hiddenFields(doc, access, entity).map((f): [string, string] => [entity, f]));
  let result = doc;
  if (removed.length > 0) {
    const next = structuredClone(doc);
    for (const [entity, def] of Object.entries(next.entities)) {
      const fields = new Set(removed.filter(([e]) => e === entity).map(([, f]) => f));
      if (fields.size > 0) withoutFields(def, fields);
    }
    withoutLogicReading(next, doc, removed);
    result = next;
  }
  byKey.set(access.key, result);
  return result;
}

export interface RecordRights {
  create: boolean;
  /** Some role may update some records: whether this one, the server decides (FORBIDDEN otherwise). */
  update: boolean;
  delete: boolean;
}

export function recordRights(access: ResolvedAccess, entity: string): RecordRights {
  if (access.admin) return { create: true, update: true, delete: true };
  const rights = access.entities[entity];
  return { create: !!rights?.create, update: !!rights?.update.length, delete: !!rights?.delete.length };
}

/** The fields the form must show but not let the person change (read-only for their roles). */
export function lockedFields(access: ResolvedAccess, entity: string, mode: 'create' | 'update'): Set<string> {
  if (access.admin) return new Set();
  const rights = recordRights(access, entity);
  const fields = access.entities[entity]?.fields ?? {};
  const all = mode === 'create' ? !rights.create : !rights.update;
  return new Set(Object.entries(fields).filter(([, level]) => all || level !== 'editable').map(([name]) => name));
}

/** A create/update input without the fields the person may not write (the server refuses them with FORBIDDEN). */
export function withoutLockedFields(input: Record<string, unknown>, locked: Set<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([name]) => !locked.has(name)));
}
