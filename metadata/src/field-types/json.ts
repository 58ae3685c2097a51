import type { FieldTypeDefinition } from './field-type.js';
import { NUMBER_STORED, TEXT_STORED } from './common.js';

/** Any JSON value, stored in `jsonb`; for integrations and data without a fixed shape. */
export const jsonFieldType: FieldTypeDefinition = {
  name: 'json',
  label: 'JSON',
  description: 'Any JSON value, for data without a fixed shape such as an integration payload.',
  properties: [],
  columns: () => [{ suffix: '', sqlType: 'jsonb' }],
  graphql: () => ({ output: 'JSON', input: 'JSON' }),
  jsonSchema: () => ({}),
  filterOperators: ['isNull'],
  sortable: false,
  widget: 'json',
  convertFrom: (from, _to, col) => {
    if (from.type === 'multiSelect') return col;
    if ([...TEXT_STORED, ...NUMBER_STORED, 'boolean', 'date', 'dateTime'].includes(from.type)) return `to_jsonb(${col})`;
    return null;
  },
  losslessFrom: [...TEXT_STORED, 'integer', 'decimal', 'percent', 'boolean', 'date', 'dateTime', 'multiSelect'],
  supportsUnique: false,
};
