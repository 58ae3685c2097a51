/**
 * The field-type registry: the one home of every field type. Built-ins are registered on import;
 * plugins add theirs with `registerFieldType`.
 */
import type { FieldDefinition } from '../types.js';
import type { FieldTypeDefinition, FilterOperator, GraphQLTypeDeclaration } from './field-type.js';
import { booleanFieldType } from './boolean.js';
import { currencyFieldType } from './currency.js';
import { dateFieldType } from './date.js';
import { dateTimeFieldType } from './date-time.js';
import { decimalFieldType } from './decimal.js';
import { emailFieldType } from './email.js';
import { integerFieldType } from './integer.js';
import { jsonFieldType } from './json.js';
import { longTextFieldType } from './long-text.js';
import { multiSelectFieldType } from './multi-select.js';
import { percentFieldType } from './percent.js';
import { phoneFieldType } from './phone.js';
import { relationFieldType } from './relation.js';
import { selectFieldType } from './select.js';
import { textFieldType } from './text.js';
import { urlFieldType } from './url.js';
import { autoNumberFieldType } from './auto-number.js';
import { durationFieldType } from './duration.js';
import { ratingFieldType } from './rating.js';
import { richTextFieldType } from './rich-text.js';
import { formulaFieldType } from './formula.js';
import { rollupFieldType } from './rollup.js';

/** The built-in types, in the order the studio's type picker shows them. */
export const BUILT_IN_FIELD_TYPES: readonly FieldTypeDefinition[] = [
  textFieldType,
  longTextFieldType,
  integerFieldType,
  decimalFieldType,
  currencyFieldType,
  percentFieldType,
  booleanFieldType,
  dateFieldType,
  dateTimeFieldType,
  selectFieldType,
  multiSelectFieldType,
  emailFieldType,
  phoneFieldType,
  urlFieldType,
  jsonFieldType,
  relationFieldType,
  autoNumberFieldType,
  ratingFieldType,
  richTextFieldType,
  durationFieldType,
  formulaFieldType,
  rollupFieldType,
];

const registry = new Map<string, FieldTypeDefinition>(BUILT_IN_FIELD_TYPES.map((t) => [t.name, t]));

/** The type named `name`, or undefined. */
export function findFieldType(name: string): FieldTypeDefinition | undefined {
  return registry.get(name);
}

/** The type named `name`; throws when no such type is registered. */
export function getFieldType(name: string): FieldTypeDefinition {
  const type = registry.get(name);
  if (!type) {
    throw new Error(`Unknown field type "${name}". Known types: ${[...registry.keys()].join(', ')}.`);
  }
  return type;
}

/**
 * The registry entry whose values a field holds: its type's `valueType(field)` (a formula's result type, a
 * roll-up's integer / decimal / date / dateTime), else its own type. Filters, operators and sorting follow it.
 */
export function valueTypeOf(field: FieldDefinition): FieldTypeDefinition {
  const type = getFieldType(field.type);
  return type.valueType ? getFieldType(type.valueType(field)) : type;
}

/** Adds a field type (from a plugin). Refuses a name that is already registered. */
export function registerFieldType(definition: FieldTypeDefinition): void {
  if (!/^[a-z][a-zA-Z0-9]*$/.test(definition.name)) {
    throw new Error(`Field type name "${definition.name}" must be camelCase (letters and digits, starting lower case).`);
  }
  if (registry.has(definition.name)) {
    throw new Error(`Field type "${definition.name}" is already registered; choose another name.`);
  }
  for (const op of Object.keys(definition.filters ?? {})) {
    if (!/^[a-z][a-zA-Z0-9]*$/.test(op) || (BUILT_IN_FILTER_OPERATORS as readonly string[]).includes(op) || ['and', 'or', 'not'].includes(op)) {
      throw new Error(`Field type "${definition.name}": filter "${op}" must be a camelCase name other than the built-in operators (${BUILT_IN_FILTER_OPERATORS.join(', ')}).`);
    }
  }
  for (const declared of definition.graphqlTypes ?? []) {
    if (!/^[A-Z][A-Za-z0-9]*$/.test(declared.name)) {
      throw new Error(`Field type "${definition.name}": GraphQL type "${declared.name}" must be PascalCase.`);
    }
    const owner = declaredGraphQLTypeOwner(declared.name);
    if (owner) throw new Error(`Field type "${definition.name}": GraphQL type "${declared.name}" is already declared by field type "${owner}"; choose another name.`);
  }
  registry.set(definition.name, definition);
}

/** The built-in filter operators (a plugin's `filters` take other names). */
export const BUILT_IN_FILTER_OPERATORS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'notIn', 'like', 'ilike', 'isNull', 'containsAny', 'containsAll'] as const satisfies readonly FilterOperator[];

/** The registered type that declares GraphQL type `name` in its `graphqlTypes`, if any. */
function declaredGraphQLTypeOwner(name: string): string | undefined {
  for (const type of registry.values()) if (type.graphqlTypes?.some((t) => t.name === name)) return type.name;
  return undefined;
}

/** Every GraphQL type declared by the registered field types (`graphqlTypes`), in registration order. */
export function declaredGraphQLTypes(): GraphQLTypeDeclaration[] {
  return [...registry.values()].flatMap((type) => type.graphqlTypes ?? []);
}

/** Every registered type, built-ins first, then in registration order. */
export function listFieldTypes(): FieldTypeDefinition[] {
  return [...registry.values()];
}

/**
 * Removes a type added with `registerFieldType` (built-ins cannot be removed). For tests and plugin unloading.
 * Returns whether a type was removed.
 */
export function unregisterFieldType(name: string): boolean {
  if (BUILT_IN_FIELD_TYPES.some((t) => t.name === name)) {
    throw new Error(`Field type "${name}" is built in and cannot be unregistered.`);
  }
  return registry.delete(name);
}
