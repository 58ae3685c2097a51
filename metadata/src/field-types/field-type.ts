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
}
