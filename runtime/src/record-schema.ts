import type { JsonSchema, MetadataDocument } from '@trellis/metadata';
import { getEntity, valueSchema, writableFields } from './entity.js';

export type RecordMode = 'create' | 'update';

/**
 * JSON Schema of the values a create or update of one record may carry, built only from the registry's
 * per-type `jsonSchema(field)`:
 * - one property per writable field (oneToMany relations and system fields are not writable);
 * - an optional field also accepts null (clearing it);
 * - a required field accepts neither null nor an empty string (nor an empty list for list values);
 * - create mode lists required fields in `required`; update mode lets them be omitted (left unchanged);
 * - anything else is refused (`additionalProperties: false`).
 */
export function recordJsonSchema(doc: MetadataDocument, entityName: string, mode: RecordMode): JsonSchema {
  const entity = getEntity(doc, entityName);
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [name, field] of writableFields(entity)) {
    const schema = valueSchema(field);
    properties[name] = field.required ? withoutEmpty(schema) : withNull(schema);
    if (field.required && mode === 'create') required.push(name);
  }
  return {
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  };
}

const COMPOSITION_KEYWORDS = ['const', 'oneOf', 'anyOf', 'allOf', 'not', '$ref', 'if'];

/** Lets a value schema also accept null, keeping it flat (`type: [t, 'null']`) where that is exact. */
export function withNull(schema: JsonSchema): JsonSchema {
  const type = schema.type;
  const flat = (typeof type === 'string' || Array.isArray(type)) && !COMPOSITION_KEYWORDS.some((k) => k in schema);
  if (!flat) return { anyOf: [schema, { type: 'null' }] };
  const types = Array.isArray(type) ? (type as string[]) : [type as string];
  const nullable: JsonSchema = { ...schema, type: types.includes('null') ? types : [...types, 'null'] };
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) nullable.enum = [...schema.enum, null];
  return nullable;
}

/** Makes a value schema refuse the "nothing entered" values of a required field: '' and, for lists, []. */
export function withoutEmpty(schema: JsonSchema): JsonSchema {
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type];
  const empties: unknown[] = [''];
  if (types.includes('array')) empties.push([]);
  const notEmpty: JsonSchema = { not: { enum: empties } };
  return 'not' in schema ? { allOf: [schema, notEmpty] } : { ...schema, ...notEmpty };
}
