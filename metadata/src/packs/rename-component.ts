/**
 * Renaming an entity or a field inside one document, with every reference to it (relation targets, role
 * permissions, workflows and translations for entities; `rewriteReferences` for fields). The merge uses these to bring the
 * three versions to the same names before comparing them.
 */
import { isRecord } from '../problems.js';
import { renameEntityInRoles } from '../roles/role-edits.js';
import { rewriteReferences } from '../rules/rewrite.js';
import type { MetadataDocument } from '../types.js';
import { renameEntityInTranslations } from '../translations/translation-edits.js';
import { renameEntityInWorkflows } from '../workflows/workflow-edits.js';

/** A copy of `map` with key `from` named `to`, in the same position. */
export const renameKey = <T>(map: Record<string, T>, from: string, to: string): Record<string, T> =>
  Object.fromEntries(Object.entries(map).map(([k, v]) => [k === from ? to : k, v]));

export function renameEntity(doc: MetadataDocument, from: string, to: string): MetadataDocument {
  const next = structuredClone(doc);
  next.entities = renameKey(next.entities, from, to);
  for (const entity of Object.values(next.entities)) {
    if (!isRecord(entity) || !isRecord(entity.fields)) continue;
    for (const field of Object.values(entity.fields)) if (isRecord(field) && field.target === from) field.target = to;
  }
  return renameEntityInTranslations(renameEntityInWorkflows(renameEntityInRoles(next, from, to), from, to), from, to);
}

export function renameField(doc: MetadataDocument, entity: string, from: string, to: string): MetadataDocument {
  const next = structuredClone(doc);
  const def = next.entities[entity];
  if (!isRecord(def) || !isRecord(def.fields)) return next;
  def.fields = renameKey(def.fields, from, to);
  return rewriteReferences(next, entity, from, to);
}
