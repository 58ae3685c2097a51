/**
 * Filter operators a field type adds itself (`FieldTypeDefinition.filters`, e.g. the geo plugin's `within`):
 * the operand is checked against the operator's JSON Schema, then the type builds the SQL from the field's
 * quoted column references and a parameter binder, so plugin SQL never sees a raw value.
 */
import type { CustomFilterOperator } from '@trellis/metadata';
import { Ajv, type ValidateFunction } from 'ajv';
import type { ScalarFieldModel } from './data-model.js';
import { badUserInput } from './record-errors.js';
import { quoteIdent, type SqlParams } from './sql.js';

const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
const validators = new WeakMap<CustomFilterOperator, ValidateFunction>();

export function customFilterSql(
  params: SqlParams,
  field: ScalarFieldModel,
  op: string,
  filter: CustomFilterOperator,
  operand: unknown,
  alias: string,
): string {
  let validate = validators.get(filter);
  if (!validate) validators.set(filter, (validate = ajv.compile(filter.operandSchema)));
  if (!validate(operand)) {
    throw badUserInput(`Filter "${op}" on ${field.name}: ${ajv.errorsText(validate.errors, { dataVar: op })}`);
  }
  const columns: Record<string, string> = {};
  for (const column of field.columns) columns[column.key ?? 'value'] = `${alias}.${quoteIdent(column.column)}`;
  return `(${filter.sql(columns, operand as never, (value) => params.add(value))})`;
}
