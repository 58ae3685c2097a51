import type { FieldTypeDefinition } from './field-type.js';
import { TEXT_OPERATORS, lengthKeywords, toTextUsing } from './common.js';

/**
 * Plausible phone numbers: an optional leading `+`, then digits with spaces, dots, dashes or parentheses,
 * 5 to 15 digits in all (E.164 allows at most 15).
 */
export const PHONE_PATTERN = '^(?=(?:[^0-9]*[0-9]){5,15}[^0-9]*$)\\+?[0-9 ().-]+$';

/** A phone number. */
export const phoneFieldType: FieldTypeDefinition = {
  name: 'phone',
  label: 'Phone',
  description: 'A phone number such as +1 (555) 010-0199, shown as a tel link.',
  properties: ['minLength', 'maxLength'],
  columns: () => [{ suffix: '', sqlType: 'text' }],
  graphql: () => ({ output: 'String', input: 'String' }),
  jsonSchema: (field) => ({ type: 'string', pattern: PHONE_PATTERN, ...lengthKeywords(field) }),
  filterOperators: TEXT_OPERATORS,
  sortable: true,
  widget: 'phone',
  convertFrom: (from, _to, col) => toTextUsing(from, col),
};
