/**
 * What a field's value is inside a rule (`{"var": "record.<field>"}`), as a `LogicType`. Types this module
 * does not list (plugin types) are read from their value JSON Schema; otherwise `any`, which never causes a
 * type problem.
 */
import { findFieldType } from '../field-types/registry.js';
import type { FieldDefinition } from '../types.js';
import type { LogicType } from './operations.js';

const BY_TYPE: Record<string, LogicType> = {
  text: 'string',
  longText: 'string',
  richText: 'string',
  email: 'string',
  phone: 'string',
  url: 'string',
  select: 'string',
  autoNumber: 'string',
  integer: 'number',
  decimal: 'number',
  percent: 'number',
  rating: 'number',
  duration: 'number',
  boolean: 'boolean',
  date: 'date',
  dateTime: 'dateTime',
  multiSelect: 'array',
  // currency values are { amount, currency }: use record.<field>.amount for the number.
  currency: 'any',
  json: 'any',
};

const BY_RESULT_TYPE: Record<string, LogicType> = {
  text: 'string',
  integer: 'number',
  decimal: 'number',
  percent: 'number',
  boolean: 'boolean',
  date: 'date',
  dateTime: 'dateTime',
};

/** System fields every record has, and their type in rules. */
export const SYSTEM_FIELD_TYPES: Readonly<Record<string, LogicType>> = {
  id: 'string',
  createdAt: 'dateTime',
  updatedAt: 'dateTime',
  createdBy: 'string',
  updatedBy: 'string',
  /** The owning user's id. */
  owner: 'string',
  /** The record's team id. */
  team: 'string',
};

/**
 * Properties of `user` in the rule context. `roles` are role names, `teams` team ids; `attributes` holds free
 * key/values an admin sets on a user, read one at a time as `user.attributes.<key>` (e.g. `user.attributes.region`).
 */
export const USER_PROPERTIES: Readonly<Record<string, LogicType>> = {
  id: 'string',
  kind: 'string',
  name: 'string',
  email: 'string',
  roles: 'array',
  teams: 'array',
  locale: 'string',
  timeZone: 'string',
  attributes: 'any',
};

/** Sub-values reachable below a field of this type (currency: amount and currency), with their types. */
export function fieldSubValues(field: FieldDefinition): Record<string, LogicType> | undefined {
  return field.type === 'currency' ? { amount: 'number', currency: 'string' } : undefined;
}

export function fieldLogicType(field: FieldDefinition): LogicType {
  if (field.type === 'relation') return field.cardinality === 'manyToOne' ? 'string' : 'array';
  if (field.type === 'formula') return BY_RESULT_TYPE[String(field.resultType)] ?? 'any';
  if (field.type === 'rollup') return field.aggregate === 'min' || field.aggregate === 'max' ? 'any' : 'number';
  return BY_TYPE[field.type] ?? fromValueSchema(field);
}

function fromValueSchema(field: FieldDefinition): LogicType {
  let schema: Record<string, unknown> | undefined;
  try {
    schema = findFieldType(field.type)?.jsonSchema(field);
  } catch {
    return 'any';
  }
  switch (schema?.type) {
    case 'string':
      return schema.format === 'date' ? 'date' : schema.format === 'date-time' ? 'dateTime' : 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return 'array';
    default:
      return 'any';
  }
}

/** The LogicType a formula's `resultType` asks for. */
export function resultTypeLogicType(resultType: unknown): LogicType | undefined {
  return typeof resultType === 'string' ? BY_RESULT_TYPE[resultType] : undefined;
}

/** Article + noun for messages: "a number", "a date-time", "a list". */
export function describeLogicType(type: LogicType): string {
  switch (type) {
    case 'boolean':
      return 'a condition (true/false)';
    case 'number':
      return 'a number';
    case 'string':
      return 'a text';
    case 'date':
      return 'a date';
    case 'dateTime':
      return 'a date-time';
    case 'array':
      return 'a list';
    default:
      return 'a value of any type';
  }
}

/** Whether a value of type `actual` is acceptable where `expected` is needed (`any` on either side is). */
export function isAssignable(actual: LogicType, expected: LogicType): boolean {
  if (actual === 'any' || expected === 'any' || actual === expected) return true;
  // Dates are ISO strings: a text literal may be a date, and a date fits where a date-time or a text is expected.
  if ((expected === 'date' || expected === 'dateTime') && actual === 'string') return true;
  if (expected === 'dateTime' && actual === 'date') return true;
  return expected === 'string' && (actual === 'date' || actual === 'dateTime');
}
