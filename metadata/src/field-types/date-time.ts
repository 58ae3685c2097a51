import type { FieldTypeDefinition } from './field-type.js';
import { NUMBER_OPERATORS, TEXT_STORED } from './common.js';

/** An instant, value an ISO 8601 string, stored in `timestamptz`. */
export const dateTimeFieldType: FieldTypeDefinition = {
  name: 'dateTime',
  label: 'Date and time',
  description: 'A moment in time, such as the start of a meeting (stored with its time zone offset).',
  properties: [],
  columns: () => [{ suffix: '', sqlType: 'timestamptz' }],
  graphql: () => ({ output: 'DateTime', input: 'DateTime' }),
  jsonSchema: () => ({ type: 'string', format: 'date-time' }),
  filterOperators: NUMBER_OPERATORS,
  sortable: true,
  widget: 'dateTime',
  convertFrom: (from, _to, col) => {
    if (from.type === 'date') return `${col}::timestamp AT TIME ZONE 'UTC'`;
    if (TEXT_STORED.includes(from.type)) {
      const iso = "^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?)?$";
      return `CASE WHEN btrim(${col}) ~ '${iso}' THEN btrim(${col})::timestamptz END`;
    }
    return null;
  },
  losslessFrom: ['date'],
};
