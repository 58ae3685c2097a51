import type { FieldTypeDefinition } from './field-type.js';
import { NUMBER_STORED, TEXT_STORED } from './common.js';

/** Yes / no. */
export const booleanFieldType: FieldTypeDefinition = {
  name: 'boolean',
  label: 'Checkbox',
  description: 'Yes or no, shown as a checkbox.',
  properties: [],
  columns: () => [{ suffix: '', sqlType: 'boolean' }],
  graphql: () => ({ output: 'Boolean', input: 'Boolean' }),
  jsonSchema: () => ({ type: 'boolean' }),
  filterOperators: ['eq', 'neq', 'isNull'],
  sortable: true,
  widget: 'checkbox',
  convertFrom: (from, _to, col) => {
    if (NUMBER_STORED.includes(from.type)) return `${col} <> 0`;
    if (TEXT_STORED.includes(from.type)) {
      const v = `lower(btrim(${col}))`;
      return `CASE WHEN ${v} IN ('true', 't', 'yes', 'y', '1') THEN true WHEN ${v} IN ('false', 'f', 'no', 'n', '0') THEN false END`;
    }
    return null;
  },
  supportsUnique: false,
};
