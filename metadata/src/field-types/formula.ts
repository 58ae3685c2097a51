import type { FieldDefinition } from '../types.js';
import { booleanFieldType } from './boolean.js';
import { dateFieldType } from './date.js';
import { dateTimeFieldType } from './date-time.js';
import { decimalFieldType } from './decimal.js';
import type { FieldPropertyProblem, FieldTypeDefinition } from './field-type.js';
import { integerFieldType } from './integer.js';
import { percentFieldType } from './percent.js';
import { textFieldType } from './text.js';

/** The types a formula can give, and the registry entries that store, type and filter its value. */
export const FORMULA_RESULT_TYPES: Readonly<Record<NonNullable<FieldDefinition['resultType']>, FieldTypeDefinition>> = {
  text: textFieldType,
  integer: integerFieldType,
  decimal: decimalFieldType,
  percent: percentFieldType,
  boolean: booleanFieldType,
  date: dateFieldType,
  dateTime: dateTimeFieldType,
};

export type FormulaResultType = keyof typeof FORMULA_RESULT_TYPES;

const isResultType = (value: unknown): value is FormulaResultType =>
  typeof value === 'string' && Object.hasOwn(FORMULA_RESULT_TYPES, value);

/** The result type of a formula (text while none or an unknown one is set: validation reports that). */
export const formulaResultType = (field: FieldDefinition): FormulaResultType => (isResultType(field.resultType) ? field.resultType : 'text');

/** The formula as a plain field of its result type (`{ type: 'decimal', scale }`), for the delegated registry calls. */
export function formulaValueField(field: FieldDefinition): FieldDefinition {
  const type = formulaResultType(field);
  return { type, label: field.label, ...(type === 'decimal' && field.scale !== undefined ? { scale: field.scale } : {}) };
}

const delegate = (field: FieldDefinition) => FORMULA_RESULT_TYPES[formulaResultType(field)];

function checkFormula(field: FieldDefinition): FieldPropertyProblem[] {
  const problems: FieldPropertyProblem[] = [];
  if (field.expression === undefined) {
    problems.push({
      property: 'expression',
      code: 'formula-expression-missing',
      message: 'a formula needs an "expression": JSON Logic over record, e.g. {"*": [{"var": "record.amount.amount"}, 0.1]}',
    });
  }
  if (field.resultType === undefined) {
    problems.push({
      property: 'resultType',
      code: 'formula-result-type-missing',
      message: `a formula needs a "resultType", one of ${Object.keys(FORMULA_RESULT_TYPES).join(', ')}`,
    });
  }
  if (field.required === true) {
    problems.push({ property: 'required', code: 'required-not-applicable', message: 'a formula is computed by the system, so it cannot be required; remove "required"' });
  }
  if (field.scale !== undefined && field.resultType !== 'decimal') {
    problems.push({ property: 'scale', code: 'scale-not-applicable', message: '"scale" applies only to a formula whose resultType is decimal; remove it' });
  }
  return problems;
}

/**
 * A value computed from the record (and its manyToOne records, one level: `record.company.employees`) by a JSON
 * Logic `expression`, typed by `resultType`. Stored in a column of the result type (so it filters and sorts like
 * one), computed by the server on every write of the record and recomputed when a record it reads changes or
 * the formula itself changes (at publish). Read-only in the API. Storage, GraphQL type, JSON Schema, filter
 * operators and sorting are those of the result type's registry entry (`valueType`).
 */
export const formulaFieldType: FieldTypeDefinition = {
  name: 'formula',
  label: 'Formula',
  description: 'A value computed from other fields of the record (and of its related records), kept up to date by the system.',
  properties: ['expression', 'resultType', 'scale'],
  valueType: (field) => formulaResultType(field),
  columns: (field) => delegate(field).columns(formulaValueField(field)),
  graphql: (field) => ({ output: delegate(field).graphql(formulaValueField(field)).output, input: '' }),
  jsonSchema: (field) => ({ ...delegate(field).jsonSchema(formulaValueField(field)), readOnly: true }),
  // Per field: those of the result type (`valueTypeOf(field).filterOperators`).
  filterOperators: [],
  sortable: true,
  widget: 'formula',
  checkField: checkFormula,
  // The plan recomputes every value after the column changes (a `recomputeField` step), so nothing is converted.
  convertFrom: () => 'NULL',
  supportsUnique: false,
};
