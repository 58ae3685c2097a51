/**
 * Derived names: the one place that turns metadata names into SQL and GraphQL names.
 * Metadata names are camelCase identifiers (validated), so these mappings are injective.
 */

/** `closeDate` → `close_date` (table and column names). */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
}

/** `opportunity` → `Opportunity` */
export function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export const tableName = (entityName: string): string => snakeCase(entityName);

export const columnName = (fieldName: string, suffix = ''): string => snakeCase(fieldName) + suffix;

/** Junction table of a manyToMany relation, named after the owning side (see `junctionOwner`). */
export const junctionTableName = (entityName: string, fieldName: string): string =>
  `${snakeCase(entityName)}__${snakeCase(fieldName)}`;

/** Names of the generated GraphQL types and root fields of one entity. */
export function graphqlNames(entityName: string, plural: string) {
  const type = pascalCase(entityName);
  const pluralType = pascalCase(plural);
  return {
    type,
    connection: `${type}Connection`,
    edge: `${type}Edge`,
    filter: `${type}Filter`,
    orderBy: `${type}OrderBy`,
    orderField: `${type}OrderField`,
    createInput: `${type}CreateInput`,
    updateInput: `${type}UpdateInput`,
    relationFilter: `${type}RelationFilter`,
    single: entityName,
    list: plural,
    create: `create${type}`,
    createMany: `create${pluralType}`,
    update: `update${type}`,
    delete: `delete${type}`,
  };
}

/**
 * Record columns every entity table has; field names may not take these names. `owner` (a user id) and `team`
 * (a team id) say whose the record is, for record-level permissions; unlike the others they are writable.
 */
export const SYSTEM_FIELDS = ['id', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'owner', 'team'] as const;

/** The system fields stored as a reference (`owner` → column `owner_id`), like a manyToOne field. */
export const REFERENCE_SYSTEM_FIELDS = ['owner', 'team'] as const;

/** System fields the generated API can sort and filter by (the OrderField enum); createdBy/updatedBy are free text. */
export const SORTABLE_SYSTEM_FIELDS: readonly string[] = ['id', 'createdAt', 'updatedAt', 'owner', 'team'];

/** The column of a system field: `createdAt` → `created_at`, `owner` → `owner_id`. */
export const systemColumnName = (field: string): string =>
  (REFERENCE_SYSTEM_FIELDS as readonly string[]).includes(field) ? columnName(field, '_id') : columnName(field);

/** Postgres's identifier limit (bytes; names are ASCII). */
export const MAX_IDENTIFIER_LENGTH = 63;
