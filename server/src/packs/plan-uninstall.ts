/**
 * `planUninstall(current, pack, others)`: the workspace document without a pack's components. Removed: the
 * entities, fields, rules, views, roles and workflows the pack brought, except those another installed pack
 * also brings and entities something kept still relates to (a customer's or another pack's relation field; such an
 * entity stays whole).
 * The customer's own fields on a pack entity go only with the entity. References to what goes (layouts,
 * view columns and sort, rule fields, role permissions, translations of their labels) are dropped too. Pure; validate the result.
 */
import { withoutStaleTranslations, type EntityDefinition, type MetadataDocument } from '@trellis/metadata';
import { componentPointers, pointer } from './pack-components.js';

export interface UninstallPlan {
  document: MetadataDocument;
  /** Entities removed whole. */
  removedEntities: string[];
  /** Fields removed from entities that stay: `entity.field`. */
  removedFields: string[];
  /** Every component pointer removed (entities with their parts, roles, workflows). */
  removed: string[];
}

export function planUninstall(current: MetadataDocument, pack: MetadataDocument, others: MetadataDocument[]): UninstallPlan {
  const shared = new Set(others.flatMap(componentPointers));
  const present = new Set(componentPointers(current));
  const ours = (p: string): boolean => present.has(p) && !shared.has(p);
  const doc = structuredClone(current);

  // Entities to remove, then keep back any that a kept field relates to, until stable.
  // An entity kept back stays whole (its pack fields too): something kept relies on it and its records.
  const candidates = new Set(Object.keys(pack.entities ?? {}).filter((e) => ours(pointer('entities', e))));
  const goes = new Set(candidates);
  const fieldGoes = (entity: string, field: string): boolean =>
    goes.has(entity) ||
    (!candidates.has(entity) && Object.hasOwn(pack.entities?.[entity]?.fields ?? {}, field) && ours(pointer('entities', entity, 'fields', field)));
  for (let changed = true; changed; ) {
    changed = false;
    for (const [entity, definition] of Object.entries(doc.entities)) {
      for (const [field, def] of Object.entries(definition.fields)) {
        if (!fieldGoes(entity, field) && def.target && goes.delete(def.target)) changed = true;
      }
    }
  }

  const removedFields: string[] = [];
  const removed: string[] = [];
  for (const entity of goes) {
    removed.push(...componentPointers({ entities: { [entity]: doc.entities[entity]! } }));
    delete doc.entities[entity];
  }
  for (const [entity, definition] of Object.entries(doc.entities)) {
    const packEntity = pack.entities?.[entity];
    if (!packEntity || candidates.has(entity)) continue;
    for (const field of Object.keys(packEntity.fields ?? {})) {
      if (fieldGoes(entity, field)) {
        delete definition.fields[field];
        removedFields.push(`${entity}.${field}`);
        removed.push(pointer('entities', entity, 'fields', field));
      }
    }
    for (const part of ['rules', 'views'] as const) {
      for (const name of Object.keys(packEntity[part] ?? {})) {
        if (definition[part] && ours(pointer('entities', entity, part, name))) {
          delete definition[part]![name];
          removed.push(pointer('entities', entity, part, name));
        }
      }
    }
  }
  for (const kind of ['roles', 'workflows'] as const) {
    for (const name of Object.keys(pack[kind] ?? {})) {
      if (doc[kind] && ours(pointer(kind, name))) {
        delete doc[kind]![name];
        removed.push(pointer(kind, name));
      }
    }
    if (doc[kind] && Object.keys(doc[kind]!).length === 0) delete doc[kind];
  }
  dropReferences(doc, new Set(goes), new Set(removedFields));
  // Translations of labels that went with the removed components go too.
  return { document: withoutStaleTranslations(doc), removedEntities: [...goes], removedFields, removed };
}

/** Drops layout entries, view columns and sort, rule field lists and role permissions that name what went. */
function dropReferences(doc: MetadataDocument, entities: Set<string>, fields: Set<string>): void {
  for (const [entity, definition] of Object.entries(doc.entities)) {
    const gone = (field: string): boolean => fields.has(`${entity}.${field}`);
    stripEntity(definition, gone);
  }
  for (const role of Object.values(doc.roles ?? {})) {
    for (const entity of Object.keys(role.entities ?? {})) {
      if (entities.has(entity)) delete role.entities![entity];
      else {
        const access = role.entities![entity]!.fields;
        for (const field of Object.keys(access ?? {})) if (fields.has(`${entity}.${field}`)) delete access![field];
      }
    }
  }
}

function stripEntity(definition: EntityDefinition, gone: (field: string) => boolean): void {
  const form = definition.layouts?.form;
  if (form) {
    for (const section of form.sections) section.fields = section.fields.filter((f) => !gone(f));
    for (const field of Object.keys(form.conditions ?? {})) if (gone(field)) delete form.conditions![field];
  }
  const list = definition.layouts?.list;
  if (list) {
    list.columns = list.columns.filter((f) => !gone(f));
    if (list.sort) list.sort = list.sort.filter((s) => !gone(s.field));
  }
  for (const view of Object.values(definition.views ?? {})) {
    if (view.columns) view.columns = view.columns.filter((f) => !gone(f));
    if (view.sort) view.sort = view.sort.filter((s) => !gone(s.field));
  }
  for (const rule of Object.values(definition.rules ?? {})) {
    if (rule.fields) rule.fields = rule.fields.filter((f) => !gone(f));
  }
  if (definition.displayField && gone(definition.displayField)) delete definition.displayField;
}
