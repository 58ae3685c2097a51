import type { FieldTypeDefinition } from './field-type.js';
import { TEXT_OPERATORS, lengthKeywords, toTextUsing } from './common.js';

/** An e-mail address (validated with JSON Schema `format: email`). */
export const emailFieldType: FieldTypeDefinition = {
  name: 'email',
  label: 'E-mail',
  description: 'An e-mail address, shown as a mailto link.',
  properties: ['minLength', 'maxLength'],
  columns: () => [{ suffix: '', sqlType: 'text' }],
  graphql: () => ({ output: 'String', input: 'String' }),
  jsonSchema: (field) => ({ type: 'string', format: 'email', ...lengthKeywords(field) }),
  filterOperators: TEXT_OPERATORS,
  sortable: true,
  widget: 'email',
  convertFrom: (from, _to, col) => toTextUsing(from, col),
};
