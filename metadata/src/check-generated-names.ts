/**
 * Semantic check: the GraphQL and SQL names generated from the document must not collide with each other
 * or with built-in names, and SQL identifiers must fit Postgres's 63-byte limit.
 */
import { findFieldType, listFieldTypes } from './field-types/registry.js';
import { MAX_IDENTIFIER_LENGTH, SYSTEM_FIELDS, columnName, graphqlNames, pascalCase, systemColumnName, tableName } from './naming.js';
import { entityEntries, fieldEntries, pointer, type DocumentCheck, type Report } from './problems.js';
import { listJunctions } from './relations.js';
import type { EntityDefinition, MetadataDocument } from './types.js';

/** GraphQL names the generated API defines itself. */
export const BUILT_IN_GRAPHQL_NAMES = [
  'Query', 'Mutation', 'Subscription', 'PageInfo', 'Money', 'MoneyInput', 'Date', 'DateTime', 'JSON', 'SortDirection',
  'ID', 'String', 'Int', 'Float', 'Boolean', 'IDFilter',
];

/** The scalar filter inputs (`TextFilter`, `CurrencyFilter`, …) of the registered types. */
export const scalarFilterNames = (): string[] =>
  listFieldTypes().filter((t) => t.filterOperators.length > 0).map((t) => `${pascalCase(t.name)}Filter`);

/** The generated type names of an entity, and what each is. */
const TYPE_ROLES = {
  type: 'object type',
  connection: 'connection type',
  edge: 'edge type',
  filter: 'filter input',
  orderBy: 'order-by input',
  orderField: 'order-field enum',
  createInput: 'create input',
  updateInput: 'update input',
  relationFilter: 'relation filter input',
} as const;

type Claims = Map<string, string>;

/** Registers `name` for `owner`; returns who else already has it, if anyone. */
function claim(claims: Claims, name: string, owner: string): string | undefined {
  const other = claims.get(name);
  if (other === undefined) claims.set(name, owner);
  return other === owner ? undefined : other;
}

/**
 * Type names only: root fields (`opportunity`, `opportunities`, `createOpportunity`, `createOpportunities`, …)
 * are the entity name, the plural and their PascalCase forms, so two collide exactly when a plural equals another
 * plural or an entity name — which `checkNames` reports at the plural, with a better message.
 */
function checkGraphqlNames(entities: [string, EntityDefinition][], report: Report): void {
  const types: Claims = new Map([...BUILT_IN_GRAPHQL_NAMES, ...scalarFilterNames()].map((n) => [n, 'a built-in GraphQL type']));
  for (const [entity, def] of entities) {
    const names = graphqlNames(entity, typeof def.plural === 'string' ? def.plural : entity);
    const collisions = Object.entries(TYPE_ROLES).flatMap(([role, what]) => {
      const name = names[role as keyof typeof TYPE_ROLES];
      const other = claim(types, name, `the ${what} of entity ${entity}`);
      return other ? [`"${name}" (its ${what}) collides with ${other}`] : [];
    });
    if (collisions.length) {
      report(pointer('entities', entity), 'graphql-name-collision', `GraphQL names of entity ${entity}: ${collisions.join('; ')}. Rename the entity.`);
    }
  }
}

function checkIdentifier(report: Report, path: string, what: string, identifier: string): void {
  if (identifier.length > MAX_IDENTIFIER_LENGTH) {
    report(path, 'identifier-too-long', `${what} "${identifier}" is ${identifier.length} characters; Postgres allows ${MAX_IDENTIFIER_LENGTH}. Use a shorter name.`);
  }
}

function checkColumns(entity: string, def: EntityDefinition, report: Report): void {
  const columns: Claims = new Map(SYSTEM_FIELDS.map((f) => [systemColumnName(f), `system field ${f}`]));
  for (const [fieldName, field] of fieldEntries(def)) {
    const type = findFieldType(field.type);
    if (!type) continue;
    const path = pointer('entities', entity, 'fields', fieldName);
    for (const spec of type.columns(field)) {
      const column = columnName(fieldName, spec.suffix);
      checkIdentifier(report, path, `Column of field ${entity}.${fieldName}`, column);
      const other = claim(columns, column, `field ${fieldName}`);
      if (other) {
        report(path, 'sql-name-collision', `Field ${entity}.${fieldName} is stored in column "${column}", which ${other} already uses; rename one of the fields.`);
      }
    }
  }
}

function checkTables(doc: MetadataDocument, entities: [string, EntityDefinition][], report: Report): void {
  const tables: Claims = new Map();
  for (const [entity] of entities) {
    const table = tableName(entity);
    const path = pointer('entities', entity);
    checkIdentifier(report, path, `Table of entity ${entity}`, table);
    const other = claim(tables, table, `entity ${entity}`);
    if (other) report(path, 'sql-name-collision', `Table "${table}" of entity ${entity} collides with ${other}; rename one of them.`);
  }
  let junctions: ReturnType<typeof listJunctions> = [];
  try {
    junctions = listJunctions(doc);
  } catch {
    return; // broken relations are reported by the relation check
  }
  for (const j of junctions) {
    const path = pointer('entities', j.ownerEntity, 'fields', j.ownerField);
    checkIdentifier(report, path, `Junction table of ${j.ownerEntity}.${j.ownerField}`, j.table);
    const other = claim(tables, j.table, `the junction table of ${j.ownerEntity}.${j.ownerField}`);
    if (other) report(path, 'sql-name-collision', `Junction table "${j.table}" of ${j.ownerEntity}.${j.ownerField} collides with ${other}; rename the field.`);
  }
}

export const checkGeneratedNames: DocumentCheck = (doc, report) => {
  const entities = entityEntries(doc);
  checkGraphqlNames(entities, report);
  checkTables(doc, entities, report);
  for (const [entity, def] of entities) checkColumns(entity, def, report);
};
