import type { FieldDefinition } from '../types.js';

/** JSON Schema fragment (draft 2020-12 subset that ajv and @rjsf understand). */
export type JsonSchema = Record<string, unknown>;

/** Filter operators a field type may offer in the generated GraphQL `…Filter` inputs. */
export type FilterOperator =
  | 'eq'
  | 'neq'
  | 'gt'
  | 'gte'
  | 'lt'
  | 'lte'
  | 'in'
  | 'notIn'
  | 'like'
  | 'ilike'
  | 'isNull'
  | 'containsAny'
  | 'containsAll';

/**
 * GraphQL types a field type maps to, by name. The server resolves these names to graphql-js types
 * (built-in scalars plus Trellis's `Date`, `DateTime`, `JSON`, `Money`, `MoneyInput`).
 * Lists are written in SDL style: `[String!]` is a list of non-null strings (the server decides the outer `!`).
 * Relations name the target's object type (`Company`, `[Company!]`) for output and `ID` / `[ID!]` for input;
 * an empty `input` means the field is not writable (oneToMany).
 */
export interface GraphQLTypeNames {
  output: string;
  input: string;
}

/** One physical column a field is stored in. `suffix` is appended to the field's column name ('' for the main column). */
export interface ColumnSpec {
  suffix: string;
  sqlType: string;
  /**
   * SQL literal filled into this column for existing rows (whose main column is not null) when the column
   * appears because of a type change, e.g. the `_currency` column when a decimal becomes a currency.
   */
  backfill?: string;
}

/** Where a field's main column lives, for `storage` hooks. Names are unquoted; the hook quotes them. */
export interface FieldStorageRef {
  /** The workspace's Postgres schema, e.g. `main`. */
  schema: string;
  table: string;
  /** The field's main column. */
  column: string;
  field: FieldDefinition;
}

/**
 * Database objects a type keeps beside its columns (autoNumber: a sequence and the column's default). The
 * migration plan calls these after it created, renamed or moved aside the field's columns, and adds the
 * returned SQL statements to the same step.
 */
export interface FieldStorageHooks {
  /**
   * The field's columns exist with their values: a new table or column, a column or table restored from a
   * move-aside, or a type change to this type. Existing rows may need values (a backfill).
   */
  created(ref: FieldStorageRef): string[];
  /** The field's table and/or column was renamed (`from`: the names before). */
  renamed(from: FieldStorageRef, to: FieldStorageRef): string[];
  /**
   * The field stops being of this type: removed (its column or table moved aside) or changed to another type
   * (called before the column is altered). `ref` has the names the field had; `now` is where its column is.
   */
  removed(ref: FieldStorageRef, now: { table: string; column: string }, version: number): string[];
}

/** A problem with a field's type-specific properties found by the type's own `checkField`. */
export interface FieldPropertyProblem {
  /** The property at fault, e.g. `max` (the problem path ends there). */
  property: string;
  code: string;
  /** What is wrong and how to fix it, without the field's name (the caller adds it). */
  message: string;
}

/** Names of field properties a type accepts beyond the common ones (type, label, description, renamedFrom, required, unique, defaultValue). */
export type FieldProperty =
  | 'minLength'
  | 'maxLength'
  | 'min'
  | 'max'
  | 'scale'
  | 'defaultCurrency'
  | 'options'
  | 'target'
  | 'cardinality'
  | 'inverse'
  | 'onDelete'
  | 'expression'
  | 'resultType'
  | 'relation'
  | 'aggregate'
  | 'aggregateField'
  | 'filter'
  | 'prefix'
  | 'digits';

/**
 * A GraphQL object or input type a field type's values need beyond the built-in ones (a plugin's `GeoPoint` /
 * `GeoPointInput`), declared as data so every generated schema builds it the same way.
 */
export interface GraphQLTypeDeclaration {
  name: string;
  kind: 'object' | 'input';
  description?: string;
  /** Field name → SDL type reference (`Float!`, `[String!]`, or another declared type's name). */
  fields: Record<string, string>;
}

/**
 * A filter operator a type adds beyond the built-in `FilterOperator`s, compiled to SQL by the type itself
 * (the `geo` plugin's `within: { lat, lng, km }`). The generated `…Filter` input offers it under its name, the
 * server checks the operand against `operandSchema` before calling `sql`, and the studio's filter bar offers it
 * with `label` and one input per property of `operandSchema`.
 */
export interface CustomFilterOperator {
  /** Words after the field's label in the filter bar, e.g. "is within". */
  label: string;
  /** SDL reference of the operand's GraphQL input type (built-in or declared in `graphqlTypes`). */
  input: string;
  /** JSON Schema of the operand (`type: "object"` with titled properties, or a scalar). */
  operandSchema: JsonSchema;
  /**
   * The SQL condition. `columns` maps each value property to its quoted column reference (a composite value's
   * keys, e.g. `{ lat: 't0."location"', lng: 't0."location_lng"' }`; a single-column type gets `{ value: ref }`);
   * `param(v)` binds a value and returns its placeholder. Build the SQL only from these and constants.
   */
  sql(columns: Record<string, string>, operand: never, param: (value: unknown) => string): string;
  /** The operand in words for the filter chip ("10 km of 48.85, 2.35"); default: its JSON. */
  describe?(operand: never): string;
}

/**
 * Everything about a field type, in one place: storage, GraphQL, JSON Schema, filters, studio widget.
 * Pure data and pure functions, so it is shared by server, runtime and studio. Plugins register more.
 */
export interface FieldTypeDefinition {
  name: string;
  label: string;
  /** One sentence for the studio's type picker. */
  description: string;
  /** Type-specific properties this type accepts (others are rejected by validation). */
  properties: FieldProperty[];
  /**
   * Physical columns on the entity's table; empty for fields stored elsewhere
   * (oneToMany: the other side's column; manyToMany: a junction table).
   */
  columns(field: FieldDefinition): ColumnSpec[];
  /** GraphQL type names for output and create/update input. */
  graphql(field: FieldDefinition): GraphQLTypeNames;
  /** JSON Schema of one value of this field (without null: nullability is decided by `required`). */
  jsonSchema(field: FieldDefinition): JsonSchema;
  /** Operators offered in the field's GraphQL filter input; empty = not filterable as a scalar. */
  filterOperators: FilterOperator[];
  /** Whether lists can be sorted by this field. */
  sortable: boolean;
  /** Name of the studio widget that edits and displays this field (the studio maps names to components). */
  widget: string;
  /**
   * Whether a change of type from `from` to this type can be done by `ALTER COLUMN … TYPE … USING`.
   * Returns the USING expression for column `col` (already quoted), or null if not convertible.
   */
  convertFrom?(from: FieldDefinition, to: FieldDefinition, col: string): string | null;
  /**
   * Source types whose every value converts to this type unchanged (e.g. integer → decimal, anything → text).
   * A type change from any other type is flagged destructive in the migration plan.
   */
  losslessFrom?: string[];
  /** Whether `unique: true` is allowed (default true). */
  supportsUnique?: boolean;
  /**
   * SQL expression of the value as it is read (GraphQL output, filter operators), from the main column's
   * reference (quoted, alias-qualified). Default: the column itself. Sorting always uses the column.
   * autoNumber reads its stored number as `prefix || zero-padded number`, so a new prefix needs no rewrite.
   */
  readSql?(field: FieldDefinition, column: string): string;
  /** Extra DDL beside the columns (see `FieldStorageHooks`). */
  storage?: FieldStorageHooks;
  /** Checks of the field's own properties beyond the JSON Schema (e.g. rating's `max` is 3 to 10). */
  checkField?(field: FieldDefinition): FieldPropertyProblem[];
  /**
   * Checks of a value that passed `jsonSchema` and that a schema cannot express (richText's `maxLength` counts
   * text, not markup). Returns messages that follow the field's label ("must be at most 10 characters").
   */
  checkValue?(field: FieldDefinition, value: unknown): string[];
  /**
   * Name of the value normalizer the runtime applies to every written value before it is validated and stored
   * (runtime maps names to functions, as the studio does with `widget`): richText's `html` sanitizes markup.
   */
  normalizer?: string;
  /**
   * Registry name of the type whose values this field holds, when that depends on the field (formula: its
   * `resultType`; rollup: integer, decimal, date or dateTime). Columns, GraphQL scalars, filter input and
   * operators, and sorting follow that type (see `valueTypeOf` in registry.ts). Default: this type itself.
   */
  valueType?(field: FieldDefinition): string;
  /** GraphQL types `graphql(field)` and `filters` name beyond the built-ins (plugin types with object values). */
  graphqlTypes?: GraphQLTypeDeclaration[];
  /** Filter operators beyond `filterOperators`, by name (camelCase, not a built-in operator's name). */
  filters?: Record<string, CustomFilterOperator>;
  /** A value in words for lists, chips and labels (default: the studio's formatting of the type's widget, else JSON). */
  formatValue?(field: FieldDefinition, value: unknown): string;
}
