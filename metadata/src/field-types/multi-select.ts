import type { FieldTypeDefinition } from './field-type.js';
import { TEXT_STORED } from './common.js';
import { optionValues } from './select.js';

/** Several values out of a fixed list of options, stored as a `jsonb` array of option values. */
export const multiSelectFieldType: FieldTypeDefinition = {
  name: 'multiSelect',
  label: 'Multi-select',
  description: 'Any number of values out of a list of options, such as tags or interests.',
  properties: ['options'],
  columns: () => [{ suffix: '', sqlType: 'jsonb' }],
  graphql: () => ({ output: '[String!]', input: '[String!]' }),
  jsonSchema: (field) => ({ type: 'array', items: { type: 'string', enum: optionValues(field) }, uniqueItems: true }),
  filterOperators: ['containsAny', 'containsAll', 'isNull'],
  sortable: false,
  widget: 'multiSelect',
  convertFrom: (from, _to, col) => {
    if (TEXT_STORED.includes(from.type)) return `CASE WHEN ${col} IS NULL THEN NULL ELSE jsonb_build_array(${col}) END`;
    if (from.type === 'json') return `CASE WHEN jsonb_typeof(${col}) = 'array' THEN ${col} END`;
    return null;
  },
  losslessFrom: TEXT_STORED,
  supportsUnique: false,
};
