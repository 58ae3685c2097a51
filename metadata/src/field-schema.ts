/**
 * JSON Schema of one field definition, built from the field-type registry: the `type` enum lists the
 * registered types, and an if/then per type forbids the properties that type does not accept.
 */
import type { FieldProperty, FieldTypeDefinition, JsonSchema } from './field-types/field-type.js';
import { CURRENCY_CODE_PATTERN } from './field-types/currency.js';
import { MAX_NAME_LENGTH, NAME_PATTERN } from './names.js';

export const nameSchema = (description: string): JsonSchema => ({
  type: 'string',
  pattern: NAME_PATTERN,
  maxLength: MAX_NAME_LENGTH,
  description: `${description} camelCase: a lower-case letter, then letters and digits, at most ${MAX_NAME_LENGTH} characters.`,
});

/** Properties every field accepts, whatever its type. */
const COMMON_PROPERTIES: Record<string, JsonSchema> = {
  type: { type: 'string', description: 'The field type; decides storage, GraphQL type, validation and widget.' },
  label: { type: 'string', minLength: 1, description: 'Name shown to people, e.g. "Close date".' },
  description: { type: 'string', description: 'Help text shown next to the field in forms.' },
  renamedFrom: nameSchema('Previous name of this field: publishing renames its column and keeps the data.'),
  required: { type: 'boolean', description: 'A record cannot be saved without a value (checked by validation, not SQL NOT NULL).' },
  unique: { type: 'boolean', description: 'No two records may have the same value (a unique index).' },
  defaultValue: { description: 'Value given to new records; must be a valid value of the field.' },
};

/** Type-specific properties; `FieldTypeDefinition.properties` says which a type accepts. */
const TYPE_PROPERTIES: Record<FieldProperty, JsonSchema> = {
  minLength: { type: 'integer', minimum: 0, description: 'Fewest characters allowed.' },
  maxLength: { type: 'integer', minimum: 1, description: 'Most characters allowed.' },
  min: { type: 'number', description: 'Smallest value allowed (for currency: of the amount).' },
  max: { type: 'number', description: 'Largest value allowed (for currency: of the amount).' },
  scale: { type: 'integer', minimum: 0, maximum: 10, description: 'Digits after the decimal point (default 2).' },
  defaultCurrency: {
    type: 'string',
    pattern: CURRENCY_CODE_PATTERN,
    description: 'ISO 4217 code used when a value comes without a currency (default USD).',
  },
  options: {
    type: 'array',
    minItems: 1,
    description: 'The values people can choose from, in display order.',
    items: {
      type: 'object',
      required: ['value', 'label'],
      additionalProperties: false,
      properties: {
        value: { type: 'string', minLength: 1, maxLength: 100, description: 'Stored value; keep it stable, records hold it.' },
        label: { type: 'string', minLength: 1, description: 'Text shown to people.' },
        color: { type: 'string', description: 'Badge color, a CSS color name or #rrggbb.' },
      },
    },
  },
  target: nameSchema('Entity this relation points to.'),
  cardinality: {
    enum: ['manyToOne', 'oneToMany', 'manyToMany'],
    description: 'manyToOne: each record links to one target (a column); oneToMany: the other side of a manyToOne (needs inverse); manyToMany: a junction table.',
  },
  inverse: nameSchema('Field on the target that is the other side of this relation (required for oneToMany).'),
  onDelete: {
    enum: ['setNull', 'cascade', 'restrict'],
    description: 'manyToOne: what happens to this record when the target is deleted (default setNull).',
  },
  expression: { description: 'formula: JSON Logic over `record` (manyToOne targets as `record.company.employees`).' },
  resultType: {
    enum: ['text', 'integer', 'decimal', 'percent', 'boolean', 'date', 'dateTime'],
    description: 'formula: the type of the computed value.',
  },
  relation: nameSchema('rollup: a oneToMany or manyToMany field of this entity whose records are aggregated.'),
  aggregate: { enum: ['count', 'sum', 'min', 'max', 'avg'], description: 'rollup: the aggregate function.' },
  aggregateField: nameSchema('rollup: the field of the related entity that is aggregated (not for count).'),
  filter: { description: 'rollup: JSON Logic predicate over the related `record`; only matching records count.' },
  prefix: { type: 'string', maxLength: 20, description: 'autoNumber: text before the number, e.g. INV-.' },
  digits: { type: 'integer', minimum: 1, maximum: 12, description: 'autoNumber: zero-pad the number to this many digits.' },
};

export const ALL_FIELD_PROPERTIES = Object.keys(TYPE_PROPERTIES) as FieldProperty[];

/** Properties (beyond the common ones) each type must have. */
const REQUIRED_BY_TYPE: Record<string, string[]> = {
  select: ['options'],
  multiSelect: ['options'],
  relation: ['target', 'cardinality'],
};

function typeRule(type: FieldTypeDefinition): JsonSchema {
  const forbidden = ALL_FIELD_PROPERTIES.filter((p) => !type.properties.includes(p));
  const then: JsonSchema = { properties: Object.fromEntries(forbidden.map((p) => [p, false])) };
  const required = REQUIRED_BY_TYPE[type.name];
  if (required) then.required = required;
  return { if: { properties: { type: { const: type.name } }, required: ['type'] }, then };
}

/** Schema of a field definition accepting the given types. */
export function buildFieldSchema(types: FieldTypeDefinition[]): JsonSchema {
  return {
    type: 'object',
    title: 'Field',
    description: 'One field of an entity: a column (or relation) with its type and rules.',
    required: ['type', 'label'],
    additionalProperties: false,
    properties: {
      ...COMMON_PROPERTIES,
      type: { ...COMMON_PROPERTIES.type, enum: types.map((t) => t.name) },
      ...TYPE_PROPERTIES,
    },
    allOf: types.map(typeRule),
  };
}
