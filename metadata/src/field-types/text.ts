import type { FieldTypeDefinition } from './field-type.js';
import { TEXT_OPERATORS, TEXT_STORED, lengthKeywords, toTextUsing } from './common.js';

/** A single line of text. */
export const textFieldType: FieldTypeDefinition = {
  name: 'text',
  label: 'Text',
  description: 'A single line of text, such as a name or a reference number.',
  properties: ['minLength', 'maxLength'],
  columns: () => [{ suffix: '', sqlType: 'text' }],
  graphql: () => ({ output: 'String', input: 'String' }),
  jsonSchema: (field) => ({ type: 'string', ...lengthKeywords(field) }),
  filterOperators: TEXT_OPERATORS,
  sortable: true,
  widget: 'text',
  convertFrom: (from, _to, col) => toTextUsing(from, col),
  losslessFrom: [...TEXT_STORED, 'integer', 'decimal', 'percent', 'boolean', 'date', 'dateTime', 'json', 'multiSelect', 'rating', 'duration', 'autoNumber'],
};
