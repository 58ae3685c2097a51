import type { FieldDefinition } from '../types.js';
import type { FieldTypeDefinition } from './field-type.js';
import { NUMBER_OPERATORS, NUMBER_STORED, TEXT_STORED, numberToNumberUsing, rangeKeywords, textToNumberUsing } from './common.js';

export const DEFAULT_DECIMAL_SCALE = 2;
const PRECISION = 18;

const scaleOf = (field: FieldDefinition): number => field.scale ?? DEFAULT_DECIMAL_SCALE;
const sqlTypeOf = (field: FieldDefinition): string => `numeric(${PRECISION},${scaleOf(field)})`;

/** A number with a fixed number of digits after the point, stored in `numeric(18, scale)`. */
export const decimalFieldType: FieldTypeDefinition = {
  name: 'decimal',
  label: 'Decimal number',
  description: 'A number with decimals, such as a weight or a rate (scale = digits after the point, default 2).',
  properties: ['min', 'max', 'scale'],
  columns: (field) => [{ suffix: '', sqlType: sqlTypeOf(field) }],
  graphql: () => ({ output: 'Float', input: 'Float' }),
  jsonSchema: (field) => ({ type: 'number', ...rangeKeywords(field, PRECISION - scaleOf(field)) }),
  filterOperators: NUMBER_OPERATORS,
  sortable: true,
  widget: 'number',
  convertFrom: (from, to, col) => {
    const digits = PRECISION - scaleOf(to);
    if (NUMBER_STORED.includes(from.type)) return numberToNumberUsing(col, sqlTypeOf(to), 10 ** digits);
    if (from.type === 'boolean') return `${col}::integer::${sqlTypeOf(to)}`;
    if (TEXT_STORED.includes(from.type)) return textToNumberUsing(col, sqlTypeOf(to), digits);
    return null;
  },
  losslessFrom: ['integer', 'boolean', 'rating', 'duration'],
};
