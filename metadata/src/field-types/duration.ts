import type { FieldTypeDefinition } from './field-type.js';
import { NUMBER_OPERATORS, NUMBER_STORED, TEXT_STORED, numberToNumberUsing, textToNumberUsing } from './common.js';

const INT_MAX = 2147483647;

/**
 * A length of time stored as whole seconds in `integer` (up to ~68 years), shown and entered as `1h 30m` or
 * `2d 4h` (runtime's `formatDuration` / `parseDuration`). GraphQL Int of seconds; `min`/`max` in seconds;
 * not negative unless `min` says so.
 */
export const durationFieldType: FieldTypeDefinition = {
  name: 'duration',
  label: 'Duration',
  description: 'A length of time such as 1h 30m or 2d 4h, stored as seconds.',
  properties: ['min', 'max'],
  columns: () => [{ suffix: '', sqlType: 'integer' }],
  graphql: () => ({ output: 'Int', input: 'Int' }),
  jsonSchema: (field) => ({
    type: 'integer',
    minimum: Math.max(field.min ?? 0, -INT_MAX),
    maximum: Math.min(field.max ?? INT_MAX, INT_MAX),
  }),
  filterOperators: NUMBER_OPERATORS,
  sortable: true,
  widget: 'duration',
  // Numbers are taken as seconds.
  convertFrom: (from, _to, col) => {
    if (from.type === 'duration' || from.type === 'integer' || from.type === 'rating') return col;
    if (NUMBER_STORED.includes(from.type)) return numberToNumberUsing(col, 'integer', INT_MAX);
    if (TEXT_STORED.includes(from.type)) return textToNumberUsing(col, 'integer', 9);
    return null;
  },
  losslessFrom: ['integer', 'rating'],
};
