/**
 * Rename rewriting: `rewriteReferences(doc, entity, from, to)` returns a copy of `doc` in which every reference
 * to field `from` of `entity` names `to` instead — in expressions (`record.from`, `previous.from`,
 * `record.company.from` from other entities, `changed`), rule messages and field lists, layouts and their
 * conditions, views, the display field, roll-ups, inverse relations and translation pointers. It does not move the field itself:
 * call it before or after renaming the field's key (the studio's rename does both, `renamedFrom` included).
 */
import { isRecord, pointer, segmentsOf } from '../problems.js';
import type { FieldDefinition, MetadataDocument } from '../types.js';
import { renameEntityInRoles } from '../roles/role-edits.js';
import { renameEntityInWorkflows } from '../workflows/workflow-edits.js';
import { renameEntityInTranslations, renameFieldInTranslations } from '../translations/translation-edits.js';
import { replacePlaceholder } from './message-template.js';
import { collectReferenceSites, valueAt, type FieldLookup, type ReferenceSite } from './references.js';

function parentAndKey(doc: unknown, path: string): [Record<string, unknown> | unknown[], string] | undefined {
  const segments = segmentsOf(path);
  const key = segments.pop();
  const parent = valueAt(doc, pointer(...segments));
  return key !== undefined && (isRecord(parent) || Array.isArray(parent)) ? [parent, key] : undefined;
}

function renameSegment(dotted: string, index: number, from: string, to: string): string {
  const segments = dotted.split('.');
  if (segments[index] !== from) return dotted;
  segments[index] = to;
  return segments.join('.');
}

/** Applies one site's edit to `doc` (mutating it). */
function applyEdit(doc: MetadataDocument, site: ReferenceSite, to: string): void {
  const at = parentAndKey(doc, site.path);
  if (!at) return;
  const [parent, key] = at;
  const container = parent as Record<string, unknown>;
  const value = container[key];
  const { edit, field: from } = site;
  if (edit.type === 'key') {
    if (!isRecord(parent) || !Object.hasOwn(parent, from) || Object.hasOwn(parent, to)) return;
    const renamed = Object.fromEntries(Object.entries(parent).map(([k, v]) => [k === from ? to : k, v]));
    for (const k of Object.keys(parent)) delete parent[k];
    Object.assign(parent, renamed);
  } else if (typeof value !== 'string') {
    return;
  } else if (edit.type === 'value') {
    if (value === from) container[key] = to;
  } else if (edit.type === 'segment') {
    container[key] = renameSegment(value, edit.index, from, to);
  } else {
    container[key] = replacePlaceholder(value, edit.placeholder, renameSegment(edit.placeholder, edit.index, from, to));
  }
}

/** A copy of `doc` where every reference to `entity.from` names `entity.to`. */
export function rewriteReferences(doc: MetadataDocument, entity: string, from: string, to: string): MetadataDocument {
  const next = structuredClone(doc);
  const fields = (e: string): Record<string, FieldDefinition> | undefined => {
    const def = isRecord(next.entities) ? next.entities[e] : undefined;
    return isRecord(def) && isRecord(def.fields) ? def.fields : undefined;
  };
  // Follows relations through the field under either name, so it works before and after the key is renamed.
  const lookup: FieldLookup = (e, name) => {
    const f = fields(e);
    if (!f) return undefined;
    const own = Object.hasOwn(f, name) ? f[name] : undefined;
    const renamed = e === entity && name === from && Object.hasOwn(f, to) ? f[to] : undefined;
    return isRecord(own) ? own : isRecord(renamed) ? renamed : undefined;
  };
  const sites = collectReferenceSites(next, lookup).filter((s) => s.entity === entity && s.field === from);
  // Keys last: renaming a conditions key moves the paths of the expressions below it.
  const ordered = [...sites.filter((s) => s.edit.type !== 'key'), ...sites.filter((s) => s.edit.type === 'key')];
  for (const site of ordered) applyEdit(next, site, to);
  return renameFieldInTranslations(next, entity, from, to);
}

/**
 * A copy of `doc` with the references of every renamed field (`renamedFrom`) rewritten to its new name, where
 * the old name is no longer a field of its entity, and the role permissions and workflows of every renamed entity moved to its new name. For documents written by hand (pack files); the studio
 * rewrites at the moment of the rename.
 */
export function rewriteRenamedReferences(doc: MetadataDocument): MetadataDocument {
  let next = doc;
  for (const [entity, def] of Object.entries(isRecord(doc.entities) ? doc.entities : {})) {
    if (!isRecord(def) || !isRecord(def.fields)) continue;
    const oldEntity = def.renamedFrom;
    if (typeof oldEntity === 'string' && oldEntity !== entity && !Object.hasOwn(doc.entities, oldEntity)) {
      next = renameEntityInTranslations(renameEntityInWorkflows(renameEntityInRoles(next, oldEntity, entity), oldEntity, entity), oldEntity, entity);
    }
    for (const [name, field] of Object.entries(def.fields)) {
      const old = isRecord(field) ? field.renamedFrom : undefined;
      if (typeof old === 'string' && old !== name && !Object.hasOwn(def.fields, old)) next = rewriteReferences(next, entity, old, name);
    }
  }
  return next === doc ? structuredClone(doc) : next;
}
