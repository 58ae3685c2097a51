import type { FieldDefinition } from '../types.js';
import { dateFieldType } from './date.js';
import { dateTimeFieldType } from './date-time.js';
import { decimalFieldType } from './decimal.js';
import type { FieldPropertyProblem, FieldTypeDefinition } from './field-type.js';
import { integerFieldType } from './integer.js';

export type RollupAggregate = NonNullable<FieldDefinition['aggregate']>;
export const ROLLUP_AGGREGATES: readonly RollupAggregate[] = ['count', 'sum', 'min', 'max', 'avg'];

/** The types a roll-up's value can have, and the registry entries that store, type and filter it. */
const VALUE_TYPES = { integer: integerFieldType, decimal: decimalFieldType, date: dateFieldType, dateTime: dateTimeFieldType } as const;
type RollupValueType = keyof typeof VALUE_TYPES;

/** `resultType`s a roll-up accepts per aggregate (the first is the default). */
export const ROLLUP_RESULT_TYPES: Readonly<Record<RollupAggregate, readonly RollupValueType[]>> = {
  count: ['integer'],
  sum: ['decimal'],
  avg: ['decimal'],
  min: ['decimal', 'date', 'dateTime'],
  max: ['decimal', 'date', 'dateTime'],
};

/** count → integer; sum, avg → decimal; min, max → decimal, or date / dateTime when `resultType` says so. */
export function rollupValueType(field: FieldDefinition): RollupValueType {
  const allowed = ROLLUP_RESULT_TYPES[field.aggregate as RollupAggregate] ?? ['decimal'];
  return (allowed as readonly string[]).includes(field.resultType as string) ? (field.resultType as RollupValueType) : allowed[0]!;
}

/** The roll-up as a plain field of its value type (`{ type: 'decimal', scale }`), for the delegated registry calls. */
export function rollupValueField(field: FieldDefinition): FieldDefinition {
  const type = rollupValueType(field);
  return { type, label: field.label, ...(type === 'decimal' && field.scale !== undefined ? { scale: field.scale } : {}) };
}

/** The value a parent without (matching) related records has: 0 for count and sum, none for avg, min and max. */
export const rollupEmptyValue = (field: FieldDefinition): number | null => (field.aggregate === 'count' || field.aggregate === 'sum' ? 0 : null);

const delegate = (field: FieldDefinition) => VALUE_TYPES[rollupValueType(field)];

function checkRollup(field: FieldDefinition): FieldPropertyProblem[] {
  const problems: FieldPropertyProblem[] = [];
  if (field.relation === undefined) {
    problems.push({ property: 'relation', code: 'rollup-relation-missing', message: 'a roll-up needs a "relation": a oneToMany or manyToMany relation field of this entity' });
  }
  if (field.required === true) {
    problems.push({ property: 'required', code: 'required-not-applicable', message: 'a roll-up is computed by the system, so it cannot be required; remove "required"' });
  }
  if (field.aggregate === undefined) {
    problems.push({ property: 'aggregate', code: 'rollup-aggregate-missing', message: `a roll-up needs an "aggregate", one of ${ROLLUP_AGGREGATES.join(', ')}` });
    return problems;
  }
  if (field.aggregate === 'count' && field.aggregateField !== undefined) {
    problems.push({ property: 'aggregateField', code: 'rollup-aggregate-field-not-applicable', message: 'count counts the related records; remove "aggregateField"' });
  }
  if (field.aggregate !== 'count' && field.aggregateField === undefined) {
    problems.push({ property: 'aggregateField', code: 'rollup-aggregate-field-missing', message: `${field.aggregate} needs an "aggregateField": the field of the related records to aggregate` });
  }
  const allowed = ROLLUP_RESULT_TYPES[field.aggregate] ?? [];
  if (field.resultType !== undefined && !(allowed as readonly string[]).includes(field.resultType)) {
    problems.push({
      property: 'resultType',
      code: 'rollup-result-type-invalid',
      message: `the result of ${field.aggregate} is ${allowed.length > 1 ? `one of ${allowed.join(', ')}` : `a ${allowed[0]}`}, not ${field.resultType}`,
    });
  }
  if (field.scale !== undefined && rollupValueType(field) !== 'decimal') {
    problems.push({ property: 'scale', code: 'scale-not-applicable', message: `"scale" applies only to a decimal result; remove it` });
  }
  return problems;
}

/**
 * An aggregate (count, sum, min, max, avg) over the records of a oneToMany or manyToMany `relation` of this
 * entity, optionally only those matching `filter` (JSON Logic over the related record). Stored in a column of
 * its value type (count: integer; sum, avg: decimal with `scale`; min, max: decimal, or date / dateTime with
 * `resultType`), kept exact by the server in the transaction of every write of a related record or link, and
 * recomputed for every record when the roll-up changes (at publish). Read-only in the API.
 */
export const rollupFieldType: FieldTypeDefinition = {
  name: 'rollup',
  label: 'Roll-up',
  description: 'A count, sum, minimum, maximum or average over related records (optionally only those matching a filter).',
  properties: ['relation', 'aggregate', 'aggregateField', 'filter', 'resultType', 'scale'],
  valueType: (field) => rollupValueType(field),
  columns: (field) => delegate(field).columns(rollupValueField(field)),
  graphql: (field) => ({ output: delegate(field).graphql(rollupValueField(field)).output, input: '' }),
  jsonSchema: (field) => ({ ...delegate(field).jsonSchema(rollupValueField(field)), readOnly: true }),
  // Per field: those of the value type (`valueTypeOf(field).filterOperators`).
  filterOperators: [],
  sortable: true,
  widget: 'rollup',
  checkField: checkRollup,
  // The plan recomputes every value after the column changes (a `recomputeField` step), so nothing is converted.
  convertFrom: () => 'NULL',
  supportsUnique: false,
};
