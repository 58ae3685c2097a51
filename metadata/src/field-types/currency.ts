import type { FieldDefinition } from '../types.js';
import type { FieldTypeDefinition } from './field-type.js';
import { NUMBER_OPERATORS, NUMBER_STORED, TEXT_STORED, numberToNumberUsing, rangeKeywords, sqlLiteral, textToNumberUsing } from './common.js';

export const DEFAULT_CURRENCY = 'USD';
export const CURRENCY_CODE_PATTERN = '^[A-Z]{3}$';
const AMOUNT_TYPE = 'numeric(18,2)';
const AMOUNT_DIGITS = 16;

const defaultCurrencyOf = (field: FieldDefinition): string => field.defaultCurrency ?? DEFAULT_CURRENCY;

/**
 * An amount of money: `{ amount: 1200.5, currency: 'EUR' }`, stored in `<col> numeric(18,2)` and
 * `<col>_currency char(3)`. A value without a currency takes the field's `defaultCurrency` (default USD).
 */
export const currencyFieldType: FieldTypeDefinition = {
  name: 'currency',
  label: 'Currency',
  description: 'An amount of money with its ISO 4217 currency code, such as 1200.50 EUR.',
  properties: ['min', 'max', 'defaultCurrency'],
  columns: (field) => [
    { suffix: '', sqlType: AMOUNT_TYPE },
    { suffix: '_currency', sqlType: 'char(3)', backfill: sqlLiteral(defaultCurrencyOf(field)) },
  ],
  graphql: () => ({ output: 'Money', input: 'MoneyInput' }),
  jsonSchema: (field) => ({
    type: 'object',
    properties: {
      amount: { type: 'number', ...rangeKeywords(field, AMOUNT_DIGITS) },
      currency: { type: 'string', pattern: CURRENCY_CODE_PATTERN },
    },
    required: ['amount'],
    additionalProperties: false,
  }),
  filterOperators: NUMBER_OPERATORS,
  sortable: true,
  widget: 'currency',
  convertFrom: (from, _to, col) => {
    if (NUMBER_STORED.includes(from.type)) return numberToNumberUsing(col, AMOUNT_TYPE, 10 ** AMOUNT_DIGITS);
    if (TEXT_STORED.includes(from.type)) return textToNumberUsing(col, AMOUNT_TYPE, AMOUNT_DIGITS);
    return null;
  },
  losslessFrom: ['integer'],
  supportsUnique: false,
};
