import type { FieldTypeDefinition } from './field-type.js';
import { NUMBER_OPERATORS, NUMBER_STORED, TEXT_STORED, numberToNumberUsing, rangeKeywords, textToNumberUsing } from './common.js';

const SQL_TYPE = 'numeric(9,4)';
/** numeric(9,4) holds 5 digits before the point. */
const INTEGER_DIGITS = 5;

/** A percentage where 12.5 means 12.5 %, stored in `numeric(9,4)`. */
export const percentFieldType: FieldTypeDefinition = {
  name: 'percent',
  label: 'Percent',
  description: 'A percentage such as a probability or a discount; 12.5 means 12.5 %.',
  properties: ['min', 'max'],
  columns: () => [{ suffix: '', sqlType: SQL_TYPE }],
  graphql: () => ({ output: 'Float', input: 'Float' }),
  jsonSchema: (field) => ({ type: 'number', ...rangeKeywords(field, INTEGER_DIGITS) }),
  filterOperators: NUMBER_OPERATORS,
  sortable: true,
  widget: 'percent',
  convertFrom: (from, _to, col) => {
    if (NUMBER_STORED.includes(from.type)) return numberToNumberUsing(col, SQL_TYPE, 10 ** INTEGER_DIGITS);
    if (TEXT_STORED.includes(from.type)) return textToNumberUsing(col, SQL_TYPE, INTEGER_DIGITS);
    return null;
  },
};
