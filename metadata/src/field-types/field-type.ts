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
}
