import { findFieldType, type FieldDefinition, type JsonSchema, type MetadataDocument } from '@trellis/metadata';
import { displayFieldOf, getEntity, isWritableField, valueSchema } from './entity.js';
import { formatFieldLabel } from './field-label.js';
import { resolveFormSections, type ResolvedSection } from './form-layout.js';

/** uiSchema for @rjsf/core 6 (`ui:*` keys at the root, one entry per property). */
export type UiSchema = Record<string, unknown>;

export interface FormSchema {
  schema: JsonSchema;
  uiSchema: UiSchema;
}

/** A oneToMany relation: not part of the form, listed for the record page's related lists. */
export interface RelatedList {
  field: string;
  label: string;
  target: string;
  /** The manyToOne field on `target` that points back to this record. */
  inverse?: string;
}

/**
 * The create/edit form of an entity for @rjsf/core 6.
 * - `schema`: one property per writable field (value schema from the registry), with `title` = field label,
 *   `description`, `default` = defaultValue, required fields in `required`; option lists become
 *   `oneOf: [{ const, title }]` so rjsf shows option labels. Values are never null here: the studio drops
 *   nulls when loading a record (rjsf treats a missing value as empty).
 * - `uiSchema`: `ui:order` from the form layout; `ui:sections` = [{ label, columns, fields }] for the studio's
 *   ObjectFieldTemplate; per field `ui:widget` = the registry's widget name, plus `ui:field` with the same name
 *   when the value is an object, an untyped value or a list that is not an option list (rjsf renders those
 *   with fields, not widgets); `ui:options` carries the section, its column, the field type, the type's
 *   own properties (options, min, max, target, …) and for relations the target entity's label and display field;
 *   `ui:related` lists oneToMany relations.
 */
export function toFormSchema(doc: MetadataDocument, entityName: string): FormSchema {
  const entity = getEntity(doc, entityName);
  const writable = Object.keys(entity.fields).filter((name) => isWritableField(entity.fields[name]!));
  const sections = resolveFormSections(entity, writable);
  const order = sections.flatMap((s) => s.fields);

  const properties: Record<string, JsonSchema> = {};
  const uiSchema: UiSchema = {
    'ui:order': order,
    'ui:sections': sections,
  };
  const required: string[] = [];
  sections.forEach((section, sectionIndex) => {
    section.fields.forEach((name, position) => {
      const field = entity.fields[name]!;
      properties[name] = propertySchema(name, field);
      uiSchema[name] = fieldUiSchema(doc, field, properties[name]!, section, sectionIndex, position);
      if (field.required) required.push(name);
    });
  });

  const related = relatedLists(doc, entityName);
  if (related.length > 0) uiSchema['ui:related'] = related;
  const schema: JsonSchema = { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
  return { schema, uiSchema };
}

function propertySchema(name: string, field: FieldDefinition): JsonSchema {
  const schema: JsonSchema = { ...withOptionLabels(valueSchema(field), field), title: formatFieldLabel(name, field) };
  if (field.description) schema.description = field.description;
  if (field.defaultValue !== undefined) schema.default = field.defaultValue;
  return schema;
}

/** Replaces `enum` (here and in list `items`) by `oneOf: [{ const, title }]` when the field has option labels. */
function withOptionLabels(schema: JsonSchema, field: FieldDefinition): JsonSchema {
  if (!field.options || field.options.length === 0) return schema;
  if (Array.isArray(schema.enum)) {
    const { enum: _values, ...rest } = schema;
    return { ...rest, oneOf: field.options.map((o) => ({ const: o.value, title: o.label })) };
  }
  if (schema.items && typeof schema.items === 'object' && !Array.isArray(schema.items)) {
    return { ...schema, items: withOptionLabels(schema.items as JsonSchema, field) };
  }
  return schema;
}

function fieldUiSchema(
  doc: MetadataDocument,
  field: FieldDefinition,
  schema: JsonSchema,
  section: ResolvedSection,
  sectionIndex: number,
  position: number,
): UiSchema {
  const type = findFieldType(field.type);
  const widget = type?.widget ?? 'text';
  const options: Record<string, unknown> = {
    section: sectionIndex,
    column: position % section.columns,
    fieldType: field.type,
    ...typeProperties(field, type?.properties ?? []),
  };
  const target = field.target ? doc.entities[field.target] : undefined;
  if (target) {
    options.targetLabel = target.label;
    options.targetPluralLabel = target.pluralLabel;
    options.targetPlural = target.plural;
    const display = displayFieldOf(target);
    if (display) options.targetDisplayField = display;
  }
  const ui: UiSchema = { 'ui:widget': widget, 'ui:options': options };
  if (needsCustomField(schema)) ui['ui:field'] = widget;
  return ui;
}

/** The type-specific properties the registry says this field type accepts, as set on the field. */
function typeProperties(field: FieldDefinition, names: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const name of names) {
    const value = (field as unknown as Record<string, unknown>)[name];
    if (value !== undefined) picked[name] = value;
  }
  return picked;
}

/** rjsf edits objects, untyped values and non-option lists with fields, not widgets. */
function needsCustomField(schema: JsonSchema): boolean {
  const type = schema.type;
  if (type === 'object' || type === undefined) return true;
  if (type !== 'array') return false;
  const items = schema.items as JsonSchema | undefined;
  return !(items && (Array.isArray(items.enum) || Array.isArray(items.oneOf)));
}

function relatedLists(doc: MetadataDocument, entityName: string): RelatedList[] {
  const entity = getEntity(doc, entityName);
  return Object.entries(entity.fields)
    .filter(([, field]) => !isWritableField(field) && field.target)
    .map(([name, field]) => ({
      field: name,
      label: formatFieldLabel(name, field),
      target: field.target!,
      ...(field.inverse ? { inverse: field.inverse } : {}),
    }));
}
