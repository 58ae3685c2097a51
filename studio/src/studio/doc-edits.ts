/**
 * Edits of a draft metadata document, as the designer performs them. Pure: each takes a document and
 * returns a new one, keeping the document consistent where the studio can (layouts, display field,
 * inverse relations, `renamedFrom`); whatever it cannot decide is left for `validateDocument` to report.
 */
import { renameEntityInRoles, renameEntityInTranslations, renameEntityInWorkflows, rewriteReferences, withoutReferencesTo, withoutStaleTranslations } from '@trellis/metadata';
import type {
  EntityDefinition,
  FieldDefinition,
  FormLayout,
  ListLayout,
  MetadataDocument,
  RelationCardinality,
} from '@trellis/metadata';

type Doc = MetadataDocument;

const clone = <T>(value: T): T => structuredClone(value);

/** Replaces the key `from` of `record` by `to`, keeping its position. */
function renameKey<V>(record: Record<string, V>, from: string, to: string): Record<string, V> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k === from ? to : k, v]));
}

export interface NewEntity {
  name: string;
  label: string;
  pluralLabel: string;
  plural: string;
  description?: string;
}

/** Adds an entity with a required "Name" text field as its display field, on a one-section form and the list. */
export function createEntity(doc: Doc, e: NewEntity): Doc {
  const next = clone(doc);
  const entity: EntityDefinition = {
    label: e.label,
    pluralLabel: e.pluralLabel,
    plural: e.plural,
    ...(e.description ? { description: e.description } : {}),
    displayField: 'name',
    fields: { name: { type: 'text', label: 'Name', required: true, maxLength: 200 } },
    layouts: {
      form: { sections: [{ label: 'Details', columns: 2, fields: ['name'] }] },
      list: { columns: ['name'], sort: [{ field: 'name', direction: 'asc' }] },
    },
  };
  next.entities = { ...next.entities, [e.name]: entity };
  return next;
}

export type EntityPatch = Partial<Pick<EntityDefinition, 'label' | 'pluralLabel' | 'plural' | 'description' | 'displayField'>>;

export function updateEntity(doc: Doc, entityName: string, patch: EntityPatch): Doc {
  const next = clone(doc);
  const entity = next.entities[entityName];
  for (const [key, value] of Object.entries(patch) as [keyof EntityPatch, string | undefined][]) {
    if (value === undefined || value === '') delete entity[key];
    else entity[key] = value;
  }
  return next;
}

/** Renames an entity: moves its key, records `renamedFrom` (the published name), retargets relations, moves role permissions, workflow references and translations. */
export function renameEntity(doc: Doc, from: string, to: string, published?: Doc): Doc {
  if (from === to) return doc;
  const next = clone(doc);
  const entity = next.entities[from];
  const original = entity.renamedFrom ?? (published?.entities[from] ? from : undefined);
  if (original && original !== to) entity.renamedFrom = original;
  else delete entity.renamedFrom;
  next.entities = renameKey(next.entities, from, to);
  for (const other of Object.values(next.entities)) {
    for (const field of Object.values(other.fields)) if (field.type === 'relation' && field.target === from) field.target = to;
  }
  return renameEntityInTranslations(renameEntityInWorkflows(renameEntityInRoles(next, from, to), from, to), from, to);
}

/** Removes an entity, every relation field of other entities that points at it, and what roles say about both. */
export function removeEntity(doc: Doc, entityName: string): Doc {
  let next = clone(doc);
  for (const [otherName, other] of Object.entries(next.entities)) {
    if (otherName === entityName) continue;
    for (const [fieldName, field] of Object.entries(other.fields)) {
      if (field.type === 'relation' && field.target === entityName) next = dropFieldOnly(next, otherName, fieldName);
    }
  }
  const { [entityName]: _removed, ...rest } = next.entities;
  next.entities = rest;
  return withoutStaleTranslations(withoutReferencesTo(next, entityName)); // translations of its labels go too
}

/** The cardinality the other side of a relation has. */
export function inverseCardinality(cardinality: RelationCardinality): RelationCardinality {
  return cardinality === 'manyToOne' ? 'oneToMany' : cardinality === 'oneToMany' ? 'manyToOne' : 'manyToMany';
}

/** Whether a field of this definition belongs on the record form (oneToMany shows as a related list instead). */
export const belongsOnForm = (field: FieldDefinition): boolean => !(field.type === 'relation' && field.cardinality === 'oneToMany');

function appendToLayouts(entity: EntityDefinition, fieldName: string, field: FieldDefinition): void {
  if (!belongsOnForm(field)) return;
  const sections = entity.layouts?.form?.sections;
  if (sections && sections.length > 0) sections[sections.length - 1].fields.push(fieldName);
  const list = entity.layouts?.list;
  const listable = !(field.type === 'relation' && field.cardinality === 'manyToMany') && field.type !== 'json' && field.type !== 'longText';
  if (list && listable && list.columns.length < 6) list.columns.push(fieldName);
}

export interface InverseSpec {
  name: string;
  label: string;
}

/**
 * Adds a field at the end of the form and (if there is room) the list. With `createInverse`, a relation
 * also gets its pointing-back field on the target entity (see `createInverseField`).
 */
export function addField(doc: Doc, entityName: string, fieldName: string, field: FieldDefinition, createInverse?: InverseSpec): Doc {
  const next = clone(doc);
  const entity = next.entities[entityName];
  const def = clone(field);
  delete def.renamedFrom;
  entity.fields[fieldName] = def;
  appendToLayouts(entity, fieldName, def);
  return createInverse ? createInverseField(next, entityName, fieldName, createInverse) : next;
}

/**
 * Adds the other side of relation `entityName.fieldName` on its target (oneToMany for a manyToOne and
 * back, manyToMany for manyToMany) and points both sides at each other. No-op when the target lacks or
 * already has a field of that name.
 */
export function createInverseField(doc: Doc, entityName: string, fieldName: string, spec: InverseSpec): Doc {
  const field = doc.entities[entityName]?.fields[fieldName];
  if (field?.type !== 'relation' || !field.target) return doc;
  const target = doc.entities[field.target];
  if (!target || target.fields[spec.name] || (field.target === entityName && spec.name === fieldName)) return doc;
  const next = clone(doc);
  next.entities[entityName].fields[fieldName].inverse = spec.name;
  const inverse: FieldDefinition = {
    type: 'relation',
    label: spec.label,
    target: entityName,
    cardinality: inverseCardinality(field.cardinality ?? 'manyToOne'),
    inverse: fieldName,
  };
  const nextTarget = next.entities[field.target];
  nextTarget.fields[spec.name] = inverse;
  appendToLayouts(nextTarget, spec.name, inverse);
  return next;
}

/** Replaces a field's definition (its name stays; `renamedFrom` is kept). */
export function updateField(doc: Doc, entityName: string, fieldName: string, field: FieldDefinition): Doc {
  const next = clone(doc);
  const entity = next.entities[entityName];
  const renamedFrom = entity.fields[fieldName]?.renamedFrom;
  const def = clone(field);
  if (renamedFrom) def.renamedFrom = renamedFrom;
  else delete def.renamedFrom;
  entity.fields[fieldName] = def;
  if (!belongsOnForm(def)) removeFromForm(entity, fieldName);
  return withoutStaleTranslations(next); // a removed option's translation goes with it
}

function replaceInLayouts(entity: EntityDefinition, from: string, to: string): void {
  const form = entity.layouts?.form;
  if (form) for (const s of form.sections) s.fields = s.fields.map((f) => (f === from ? to : f));
  const list = entity.layouts?.list;
  if (list) {
    list.columns = list.columns.map((f) => (f === from ? to : f));
    if (list.sort) list.sort = list.sort.map((s) => (s.field === from ? { ...s, field: to } : s));
  }
  if (entity.displayField === from) entity.displayField = to;
}

function removeFromForm(entity: EntityDefinition, fieldName: string): void {
  const form = entity.layouts?.form;
  if (form) for (const s of form.sections) s.fields = s.fields.filter((f) => f !== fieldName);
}

function removeFromLayouts(entity: EntityDefinition, fieldName: string): void {
  removeFromForm(entity, fieldName);
  const conditions = entity.layouts?.form?.conditions;
  if (conditions && fieldName in conditions) {
    delete conditions[fieldName];
    if (Object.keys(conditions).length === 0) delete entity.layouts!.form!.conditions;
  }
  const list = entity.layouts?.list;
  if (list) {
    list.columns = list.columns.filter((f) => f !== fieldName);
    if (list.sort) {
      list.sort = list.sort.filter((s) => s.field !== fieldName);
      if (list.sort.length === 0) delete list.sort;
    }
  }
  if (entity.displayField === fieldName) delete entity.displayField;
}

/**
 * Renames a field: moves its key in place, records `renamedFrom` with the published name (so the plan
 * renames the column), and updates layouts, the display field and inverse pointers on the target — and,
 * through metadata's `rewriteReferences`, every rule, condition, view, formula and roll-up that names it.
 */
export function renameField(doc: Doc, entityName: string, from: string, to: string, published?: Doc): Doc {
  if (from === to) return doc;
  const next = clone(doc);
  const entity = next.entities[entityName];
  const field = entity.fields[from];
  const publishedEntity = published?.entities[entity.renamedFrom ?? entityName];
  const original = field.renamedFrom ?? (publishedEntity?.fields[from] ? from : undefined);
  if (original && original !== to) field.renamedFrom = original;
  else delete field.renamedFrom;
  entity.fields = renameKey(entity.fields, from, to);
  replaceInLayouts(entity, from, to);
  if (field.type === 'relation' && field.target && field.inverse) {
    const partner = next.entities[field.target]?.fields[field.inverse];
    if (partner?.type === 'relation' && partner.target === entityName && partner.inverse === from) partner.inverse = to;
  }
  return rewriteReferences(next, entityName, from, to);
}

/** Drops a field, its place in the layouts and what roles say about it (field access, scopes that read it). */
function dropFieldOnly(doc: Doc, entityName: string, fieldName: string): Doc {
  const next = clone(doc);
  const entity = next.entities[entityName];
  const { [fieldName]: _removed, ...rest } = entity.fields;
  entity.fields = rest;
  removeFromLayouts(entity, fieldName);
  return withoutStaleTranslations(withoutReferencesTo(next, entityName, fieldName));
}

/** What else a field removal changes: the partner of a relation is removed (oneToMany side) or loses its `inverse`. */
export interface RemovalEffect {
  entity: string;
  field: string;
  effect: 'removed' | 'inverseCleared';
}

export function removalEffects(doc: Doc, entityName: string, fieldName: string): RemovalEffect[] {
  const field = doc.entities[entityName]?.fields[fieldName];
  if (field?.type !== 'relation' || !field.target || !field.inverse) return [];
  const partner = doc.entities[field.target]?.fields[field.inverse];
  if (!partner || partner.type !== 'relation' || partner.target !== entityName || partner.inverse !== fieldName) return [];
  if (field.target === entityName && field.inverse === fieldName) return [];
  // A oneToMany cannot exist without its manyToOne; the other partners just stop pointing back.
  const effect = partner.cardinality === 'oneToMany' ? 'removed' : 'inverseCleared';
  return [{ entity: field.target, field: field.inverse, effect }];
}

/**
 * Removes a field (the plan moves its column aside), fixes its relation partner (see `removalEffects`) and
 * cleans the roles: its field access goes, and a role scope that reads it becomes "no records".
 */
export function removeField(doc: Doc, entityName: string, fieldName: string): Doc {
  let next = doc;
  for (const e of removalEffects(doc, entityName, fieldName)) {
    if (e.effect === 'removed') next = dropFieldOnly(next, e.entity, e.field);
    else {
      next = clone(next);
      delete next.entities[e.entity].fields[e.field].inverse;
    }
  }
  return dropFieldOnly(next, entityName, fieldName);
}

export function setFormLayout(doc: Doc, entityName: string, form: FormLayout | undefined): Doc {
  const next = clone(doc);
  const entity = next.entities[entityName];
  const layouts = { ...(entity.layouts ?? {}) };
  if (form) layouts.form = clone(form);
  else delete layouts.form;
  entity.layouts = layouts;
  return next;
}

export function setListLayout(doc: Doc, entityName: string, list: ListLayout | undefined): Doc {
  const next = clone(doc);
  const entity = next.entities[entityName];
  const layouts = { ...(entity.layouts ?? {}) };
  if (list) layouts.list = clone(list);
  else delete layouts.list;
  entity.layouts = layouts;
  return next;
}

/** A form layout with every form field in one section, for entities that have none yet. */
export function defaultFormLayout(entity: EntityDefinition): FormLayout {
  return {
    sections: [
      {
        label: 'Details',
        columns: 2,
        fields: Object.entries(entity.fields)
          .filter(([, f]) => belongsOnForm(f))
          .map(([n]) => n),
      },
    ],
  };
}

/** Drops `renamedFrom` markers: they describe the step from the previous version and are stale after a publish. */
export function withoutRenameMarkers(doc: Doc): Doc {
  const next = clone(doc);
  for (const entity of Object.values(next.entities)) {
    delete entity.renamedFrom;
    for (const field of Object.values(entity.fields)) delete field.renamedFrom;
  }
  return next;
}
