import type { FieldTypeDefinition } from './field-type.js';
import { NUMBER_OPERATORS, NUMBER_STORED, TEXT_STORED, numberToNumberUsing, textToNumberUsing } from './common.js';

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/** A whole number stored in a Postgres `integer` (32 bit). */
export const integerFieldType: FieldTypeDefinition = {
  name: 'integer',
  label: 'Whole number',
  description: 'A whole number such as a quantity or a count.',
  properties: ['min', 'max'],
  columns: () => [{ suffix: '', sqlType: 'integer' }],
  graphql: () => ({ output: 'Int', input: 'Int' }),
  jsonSchema: (field) => ({
    type: 'integer',
    minimum: Math.max(field.min ?? INT_MIN, INT_MIN),
    maximum: Math.min(field.max ?? INT_MAX, INT_MAX),
  }),
  filterOperators: NUMBER_OPERATORS,
  sortable: true,
  widget: 'number',
  convertFrom: (from, _to, col) => {
    if (from.type === 'integer') return col;
    if (NUMBER_STORED.includes(from.type)) return numberToNumberUsing(col, 'integer', INT_MAX);
    if (from.type === 'boolean') return `${col}::integer`;
    if (TEXT_STORED.includes(from.type)) return textToNumberUsing(col, 'integer', 9);
    return null;
  },
  losslessFrom: ['boolean', 'rating', 'duration'],
};
