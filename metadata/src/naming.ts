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

/** Record columns every entity table has; field names may not take these names. */
export const SYSTEM_FIELDS = ['id', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy'] as const;

/** Postgres's identifier limit (bytes; names are ASCII). */
export const MAX_IDENTIFIER_LENGTH = 63;
