import type { FieldDefinition } from '../types.js';
import { pascalCase } from '../naming.js';
import type { FieldTypeDefinition, GraphQLTypeNames, JsonSchema } from './field-type.js';

/** oneToMany and manyToMany relations have no column on the entity's own table. */
export const isToMany = (field: FieldDefinition): boolean =>
  field.cardinality === 'oneToMany' || field.cardinality === 'manyToMany';

const UUID: JsonSchema = { type: 'string', format: 'uuid' };

function graphqlOf(field: FieldDefinition): GraphQLTypeNames {
  const target = pascalCase(field.target ?? '');
  switch (field.cardinality) {
    case 'manyToMany':
      return { output: `[${target}!]`, input: '[ID!]' };
    case 'oneToMany':
      return { output: `[${target}!]`, input: '' };
    default:
      return { output: target, input: 'ID' };
  }
}

function jsonSchemaOf(field: FieldDefinition): JsonSchema {
  switch (field.cardinality) {
    case 'manyToMany':
      return { type: 'array', items: UUID, uniqueItems: true };
    case 'oneToMany':
      return { type: 'array', items: UUID, uniqueItems: true, readOnly: true };
    default:
      return UUID;
  }
}

/**
 * A link to records of another entity. manyToOne: `<col>_id uuid` FK column on this table;
 * oneToMany: the inverse manyToOne's column on the target; manyToMany: a junction table (see relations.ts).
 */
export const relationFieldType: FieldTypeDefinition = {
  name: 'relation',
  label: 'Relation',
  description: 'A link to records of another entity, such as the company of a contact.',
  properties: ['target', 'cardinality', 'inverse', 'onDelete'],
  columns: (field) => (isToMany(field) ? [] : [{ suffix: '_id', sqlType: 'uuid' }]),
  graphql: graphqlOf,
  jsonSchema: jsonSchemaOf,
  // Relations are filtered through the target's own filter input (`company: CompanyFilter`), not scalar operators.
  filterOperators: [],
  sortable: false,
  widget: 'relation',
  convertFrom: () => null,
};
