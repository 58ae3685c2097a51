import type { FieldTypeDefinition } from './field-type.js';
import { TEXT_STORED, lengthKeywords, toTextUsing } from './common.js';

/** Multi-line text such as notes; searchable but not sortable. */
export const longTextFieldType: FieldTypeDefinition = {
  name: 'longText',
  label: 'Long text',
  description: 'Several lines of text, such as notes or a description.',
  properties: ['minLength', 'maxLength'],
  columns: () => [{ suffix: '', sqlType: 'text' }],
  graphql: () => ({ output: 'String', input: 'String' }),
  jsonSchema: (field) => ({ type: 'string', ...lengthKeywords(field) }),
  filterOperators: ['like', 'ilike', 'isNull'],
  sortable: false,
  widget: 'textarea',
  convertFrom: (from, _to, col) => toTextUsing(from, col),
  losslessFrom: [...TEXT_STORED, 'integer', 'decimal', 'percent', 'boolean', 'date', 'dateTime', 'json', 'multiSelect', 'rating', 'duration', 'autoNumber'],
  // btree index entries are limited to ~2.7 kB, too small for long text.
  supportsUnique: false,
};
