/**
 * JSON Schema fragments of the rule-engine parts of an entity: validation rules, saved views, form conditions.
 * Expressions are any JSON here; their meaning (operators, fields, result type) is checked semantically,
 * with precise paths, by check-expressions.ts; rule and view names by check-rules.ts and check-views.ts.
 */
import type { JsonSchema } from '../field-types/field-type.js';

/** A JSON Logic expression property: any JSON, described for editors. */
export const jsonLogicSchema = (description: string): JsonSchema => ({
  description: `${description} JSON Logic (jsonlogic.com) over { record, previous, user, now }, e.g. {"==": [{"var": "record.stage"}, "won"]}; fields are written record.<field>.`,
});

const fieldNames = (description: string): JsonSchema => ({ type: 'array', items: { type: 'string' }, description });

export const SORT_SCHEMA: JsonSchema = {
  type: 'array',
  description: 'Sort, most significant first; fields must be sortable.',
  items: {
    type: 'object',
    required: ['field', 'direction'],
    additionalProperties: false,
    properties: {
      field: { type: 'string', description: 'A sortable field, or a system field such as createdAt.' },
      direction: { enum: ['asc', 'desc'] },
    },
  },
};

export const RULES_SCHEMA: JsonSchema = {
  type: 'object',
  title: 'Validation rules',
  description: 'Validation rules by name (camelCase, e.g. "closeDateWhenWon"): a record is refused while a rule\'s invalidWhen is true.',
  additionalProperties: {
    type: 'object',
    title: 'Validation rule',
    required: ['invalidWhen', 'message'],
    additionalProperties: false,
    properties: {
      label: { type: 'string', description: 'Name shown to people configuring rules.' },
      description: { type: 'string', description: 'What the rule is for.' },
      invalidWhen: jsonLogicSchema('The record is refused when this is true (checked in the form and by the API, on create, update and bulk writes).'),
      message: {
        type: 'string',
        minLength: 1,
        description: 'Shown when the rule refuses a record; {{record.field}} and {{previous.field}} insert values.',
      },
      fields: fieldNames('Fields the message is shown next to (the first one in API errors); none = the whole record.'),
      active: { type: 'boolean', description: 'Inactive rules are kept but not checked (default true).' },
    },
  },
};

export const VIEWS_SCHEMA: JsonSchema = {
  type: 'object',
  title: 'Saved views',
  description: 'Saved list views by name (camelCase, e.g. "myOpenDeals"): a filter, columns and sort.',
  additionalProperties: {
    type: 'object',
    title: 'Saved view',
    required: ['label'],
    additionalProperties: false,
    properties: {
      label: { type: 'string', minLength: 1, description: 'Name shown in the view picker, e.g. "My open deals".' },
      filter: jsonLogicSchema('Only records for which this is true are listed (compiled to SQL; no previous).'),
      columns: fieldNames('Field names shown as columns, in order (default: the list layout\'s columns).'),
      sort: SORT_SCHEMA,
    },
  },
};

export const CONDITIONS_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'Conditions per field name: when the field is shown, required or read-only, in the form and in the API.',
  additionalProperties: {
    type: 'object',
    additionalProperties: false,
    properties: {
      visibleWhen: jsonLogicSchema('The field is shown only while this is true; hidden fields are not required and keep their value.'),
      requiredWhen: jsonLogicSchema('The field is required while this is true (and it is visible), in the form and by the API.'),
      readOnlyWhen: jsonLogicSchema('The field cannot be changed while this is true, in the form and through the API.'),
    },
  },
};

export const TAB_SCHEMA: JsonSchema = {
  type: 'string',
  minLength: 1,
  description: 'Tab label: sections with the same tab label are shown together under that tab.',
};
