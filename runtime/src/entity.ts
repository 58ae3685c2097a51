import { getFieldType, type EntityDefinition, type FieldDefinition, type JsonSchema, type MetadataDocument } from '@trellis/metadata';

/** The entity named `entityName`; throws a clear error when the document has none. */
export function getEntity(doc: MetadataDocument, entityName: string): EntityDefinition {
  const entity = Object.prototype.hasOwnProperty.call(doc.entities, entityName) ? doc.entities[entityName] : undefined;
  if (!entity) {
    const known = Object.keys(doc.entities).join(', ') || 'none';
    throw new Error(`Unknown entity '${entityName}' (entities in this document: ${known})`);
  }
  return entity;
}

/** A field's value schema from its registry entry: the only source of per-type knowledge. */
export function valueSchema(field: FieldDefinition): JsonSchema {
  return getFieldType(field.type).jsonSchema(field);
}

/**
 * Whether a record write may set this field. The registry marks values that are derived from other
 * records (a oneToMany relation lists the records pointing here) with JSON Schema's `readOnly`.
 */
export function isWritableField(field: FieldDefinition): boolean {
  return valueSchema(field).readOnly !== true;
}

/** `[name, field]` pairs of the fields a record write may set, in document order. */
export function writableFields(entity: EntityDefinition): Array<[string, FieldDefinition]> {
  return Object.entries(entity.fields).filter(([, field]) => isWritableField(field));
}

/** The field shown when a record is referenced: `displayField`, else the first text field, else the first field. */
export function displayFieldOf(entity: EntityDefinition): string | undefined {
  if (entity.displayField) return entity.displayField;
  const names = Object.keys(entity.fields);
  return names.find((name) => entity.fields[name]!.type === 'text') ?? names[0];
}
