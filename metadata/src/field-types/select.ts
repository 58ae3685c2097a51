import type { FieldDefinition } from '../types.js';
import type { FieldTypeDefinition } from './field-type.js';
import { SELECT_OPERATORS, TEXT_STORED, toTextUsing } from './common.js';

export const optionValues = (field: FieldDefinition): string[] => (field.options ?? []).map((o) => o.value);

/** One value out of a fixed list of options, stored as the option's value in `text`. */
export const selectFieldType: FieldTypeDefinition = {
  name: 'select',
  label: 'Pick list',
  description: 'One value out of a list of options, such as a stage or a status.',
  properties: ['options'],
  columns: () => [{ suffix: '', sqlType: 'text' }],
  graphql: () => ({ output: 'String', input: 'String' }),
  jsonSchema: (field) => ({ type: 'string', enum: optionValues(field) }),
  filterOperators: SELECT_OPERATORS,
  sortable: true,
  widget: 'select',
  convertFrom: (from, _to, col) => {
    if (from.type === 'multiSelect') return `${col} ->> 0`;
    return toTextUsing(from, col);
  },
  // Values are kept as they are; ones that are not options fail validation on the record's next save.
  losslessFrom: TEXT_STORED,
};
