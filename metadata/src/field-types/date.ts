import type { FieldTypeDefinition } from './field-type.js';
import { NUMBER_OPERATORS, TEXT_STORED } from './common.js';

/** A calendar day, value `YYYY-MM-DD`. */
export const dateFieldType: FieldTypeDefinition = {
  name: 'date',
  label: 'Date',
  description: 'A calendar day without a time, such as a close date or a birthday.',
  properties: [],
  columns: () => [{ suffix: '', sqlType: 'date' }],
  graphql: () => ({ output: 'Date', input: 'Date' }),
  jsonSchema: () => ({ type: 'string', format: 'date' }),
  filterOperators: NUMBER_OPERATORS,
  sortable: true,
  widget: 'date',
  convertFrom: (from, _to, col) => {
    if (from.type === 'dateTime') return `(${col} AT TIME ZONE 'UTC')::date`;
    if (TEXT_STORED.includes(from.type)) {
      return `CASE WHEN btrim(${col}) ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN btrim(${col})::date END`;
    }
    return null;
  },
};
