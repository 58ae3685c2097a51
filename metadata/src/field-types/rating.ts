import type { FieldDefinition } from '../types.js';
import type { FieldTypeDefinition } from './field-type.js';
import { NUMBER_OPERATORS, NUMBER_STORED, TEXT_STORED } from './common.js';

export const DEFAULT_RATING_MAX = 5;
export const RATING_MAX_RANGE = { min: 3, max: 10 } as const;

/** The highest rating of a field (its `max`, default 5). */
export const ratingMaxOf = (field: Pick<FieldDefinition, 'max'>): number => field.max ?? DEFAULT_RATING_MAX;

/** A whole number of stars from 1 to `max` (3 to 10, default 5), stored in `integer`; null = not rated. */
export const ratingFieldType: FieldTypeDefinition = {
  name: 'rating',
  label: 'Rating',
  description: 'A score of 1 to 5 stars (3 to 10 stars if you like), such as customer satisfaction.',
  properties: ['max'],
  columns: () => [{ suffix: '', sqlType: 'integer' }],
  graphql: () => ({ output: 'Int', input: 'Int' }),
  jsonSchema: (field) => ({ type: 'integer', minimum: 1, maximum: ratingMaxOf(field) }),
  filterOperators: NUMBER_OPERATORS,
  sortable: true,
  widget: 'rating',
  checkField: (field) => {
    const max = field.max;
    if (max === undefined || (Number.isInteger(max) && max >= RATING_MAX_RANGE.min && max <= RATING_MAX_RANGE.max)) return [];
    return [{
      property: 'max',
      code: 'rating-max-out-of-range',
      message: `max is the number of stars, a whole number from ${RATING_MAX_RANGE.min} to ${RATING_MAX_RANGE.max} (got ${JSON.stringify(max)}).`,
    }];
  },
  // Values outside 1..max become NULL (not rated); fractions are rounded.
  convertFrom: (from, to, col) => {
    const max = ratingMaxOf(to);
    const number = NUMBER_STORED.includes(from.type) ? `round(${col})` : TEXT_STORED.includes(from.type) ? `CASE WHEN btrim(${col}) ~ '^[0-9]{1,2}$' THEN btrim(${col})::integer END` : null;
    if (number === null) return null;
    return `CASE WHEN ${number} BETWEEN 1 AND ${max} THEN (${number})::integer END`;
  },
};
