/**
 * The JSON Schema (draft-07) of a whole metadata document, built from the field-type registry.
 * `schema/metadata.json` is this schema for the built-in types (written by scripts/write-schema.mjs);
 * pack files point at it with `"$schema"` for editor completion and help.
 */
import type { FieldTypeDefinition, JsonSchema } from './field-types/field-type.js';
import { listFieldTypes } from './field-types/registry.js';
import { buildFieldSchema, nameSchema } from './field-schema.js';
import { MAX_NAME_LENGTH, NAME_PATTERN } from './names.js';
import { ENTITY_PERMISSION_SCHEMA, ROLE_SCHEMA } from './roles/roles-schema.js';
import { CONDITIONS_SCHEMA, RULES_SCHEMA, TAB_SCHEMA, VIEWS_SCHEMA } from './rules/rules-schema.js';
import { WORKFLOW_SCHEMA, WORKFLOW_STEP_SCHEMA, WORKFLOW_TRIGGER_SCHEMA } from './workflows/workflows-schema.js';
import { LOCALE_PATTERN } from './translations/label-pointer.js';

const NAME_KEYS: JsonSchema = { pattern: NAME_PATTERN, maxLength: MAX_NAME_LENGTH };
const ref = (name: string): JsonSchema => ({ $ref: `#/definitions/${name}` });

const fieldList = (description: string): JsonSchema => ({
  type: 'array',
  items: { type: 'string' },
  uniqueItems: true,
  description,
});

const LAYOUTS: JsonSchema = {
  type: 'object',
  title: 'Layouts',
  description: 'How the studio shows records of this entity.',
  additionalProperties: false,
  properties: {
    form: {
      type: 'object',
      description: 'The record form: sections of fields.',
      required: ['sections'],
      additionalProperties: false,
      properties: {
        sections: {
          type: 'array',
          items: {
            type: 'object',
            required: ['label', 'fields'],
            additionalProperties: false,
            properties: {
              label: { type: 'string', description: 'Section heading.' },
              tab: TAB_SCHEMA,
              columns: { type: 'integer', minimum: 1, maximum: 4, description: 'Columns of the section grid, 1 to 4 (default 1).' },
              fields: fieldList('Field names in display order.'),
            },
          },
        },
        conditions: CONDITIONS_SCHEMA,
      },
    },
    list: {
      type: 'object',
      description: 'The record list: columns, default sort and page size.',
      required: ['columns'],
      additionalProperties: false,
      properties: {
        columns: fieldList('Field names shown as columns, in order.'),
        sort: {
          type: 'array',
          description: 'Default sort, most significant first; fields must be sortable.',
          items: {
            type: 'object',
            required: ['field', 'direction'],
            additionalProperties: false,
            properties: {
              field: { type: 'string', description: 'A sortable field, or a system field such as createdAt.' },
              direction: { enum: ['asc', 'desc'] },
            },
          },
        },
        pageSize: { type: 'integer', minimum: 1, maximum: 500, description: 'Records per page (default 50).' },
      },
    },
  },
};

const ENTITY: JsonSchema = {
  type: 'object',
  title: 'Entity',
  description: 'A kind of record (a table and a GraphQL type), e.g. opportunity.',
  required: ['label', 'pluralLabel', 'plural', 'fields'],
  additionalProperties: false,
  properties: {
    label: { type: 'string', minLength: 1, description: 'Singular name shown to people, e.g. "Opportunity".' },
    pluralLabel: { type: 'string', minLength: 1, description: 'Plural name shown to people, e.g. "Opportunities".' },
    plural: nameSchema('Plural of the entity name, used for the list query, e.g. "opportunities".'),
    description: { type: 'string', description: 'What records of this entity are, for people configuring it.' },
    renamedFrom: nameSchema('Previous name of this entity: publishing renames its table and keeps the data.'),
    displayField: { type: 'string', description: 'Text field shown when a record is referenced (default: the first text field).' },
    fields: {
      type: 'object',
      description: 'Fields by name. Records also have id, createdAt, updatedAt, createdBy, updatedBy, owner and team.',
      propertyNames: NAME_KEYS,
      additionalProperties: ref('field'),
    },
    layouts: LAYOUTS,
    rules: RULES_SCHEMA,
    views: VIEWS_SCHEMA,
  },
};

/** The document schema for the given field types (default: every registered type). */
export function buildDocumentSchema(types: FieldTypeDefinition[] = listFieldTypes()): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Trellis metadata document',
    description: 'Everything a Trellis workspace configures: entities with their fields and layouts, roles, workflows and translations of labels.',
    type: 'object',
    required: ['entities'],
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: 'Path or URL of this JSON Schema, for editor completion.' },
      entities: {
        type: 'object',
        description: 'Entities by name (camelCase singular, e.g. "opportunity").',
        propertyNames: NAME_KEYS,
        additionalProperties: ref('entity'),
      },
      workflows: {
        type: 'object',
        description: 'Workflows by name (camelCase, e.g. "followUpWonDeals"): a trigger, an optional condition and steps.',
        additionalProperties: ref('workflow'),
      },
      roles: {
        type: 'object',
        description: 'Roles by name (camelCase, e.g. "salesRep"; "admin" is built in): what their users may read, create, update and delete.',
        additionalProperties: ref('role'),
      },
      translations: {
        type: 'object',
        description: 'Labels in other languages: locale (BCP 47, e.g. "de", "pt-BR") → { JSON pointer of a label → text }.',
        propertyNames: { pattern: LOCALE_PATTERN },
        additionalProperties: {
          type: 'object',
          description: 'JSON pointer of a label, pluralLabel or description → its text, e.g. { "/entities/case/label": "Fall" }; options by value: "/entities/case/fields/priority/options/high/label".',
          propertyNames: { pattern: '^/' },
          additionalProperties: { type: 'string', minLength: 1 },
        },
      },
    },
    definitions: {
      entity: ENTITY,
      field: buildFieldSchema(types),
      role: ROLE_SCHEMA,
      entityPermission: ENTITY_PERMISSION_SCHEMA,
      workflow: WORKFLOW_SCHEMA,
      workflowTrigger: WORKFLOW_TRIGGER_SCHEMA,
      workflowStep: WORKFLOW_STEP_SCHEMA,
    },
  };
}
