import type { FieldTypeDefinition } from './field-type.js';
import { TEXT_OPERATORS, lengthKeywords, toTextUsing } from './common.js';

/** A web address (JSON Schema `format: uri`). */
export const urlFieldType: FieldTypeDefinition = {
  name: 'url',
  label: 'URL',
  description: 'A web address such as https://example.com, shown as a link.',
  properties: ['minLength', 'maxLength'],
  columns: () => [{ suffix: '', sqlType: 'text' }],
  graphql: () => ({ output: 'String', input: 'String' }),
  jsonSchema: (field) => ({ type: 'string', format: 'uri', ...lengthKeywords(field) }),
  filterOperators: TEXT_OPERATORS,
  sortable: true,
  widget: 'url',
  convertFrom: (from, _to, col) => toTextUsing(from, col),
};
