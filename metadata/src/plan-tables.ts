/**
 * Plan steps for tables and columns: create tables, rename tables and columns (with their constraints),
 * add columns, and move removed columns and tables aside (`__dropped_v<version>_<name>`, kept for undo).
 * A new table or column whose earlier data was moved aside is renamed back instead (see plan-restore.ts).
 */
import { findFieldType } from './field-types/registry.js';
import { tableName } from './naming.js';
import type { PlanContext } from './plan-context.js';
import { storageCreatedSql, storageCreatedSqlOfEntity, storageRemovedSql, storageRenamedSql } from './plan-field-storage.js';
import { columnList, planFieldRestore, planTableRestore } from './plan-restore.js';
import { droppedName, quoteIdent } from './sql.js';
import { OWNERSHIP_COLUMNS, SYSTEM_COLUMNS, fieldColumns, foreignKeyOf, uniqueIndexOf } from './storage.js';
import type { FieldDefinition } from './types.js';

export function planCreateTables(ctx: PlanContext): void {
  for (const entity of [...ctx.addedEntities].sort()) {
    const restore = planTableRestore(ctx, entity);
    if (restore) {
      restore.sql.push(...storageCreatedSqlOfEntity(ctx, entity, tableName(entity)));
      ctx.add('create', restore);
      continue;
    }
    const def = ctx.to.entities[entity]!;
    const table = tableName(entity);
    const fieldCols = Object.entries(def.fields).flatMap(([name, field]) => fieldColumns(name, field));
    const columns = [
      ...SYSTEM_COLUMNS.map(([name, type]) => `${quoteIdent(name)} ${type}`),
      ...OWNERSHIP_COLUMNS.map((c) => `${quoteIdent(c.column)} ${c.sqlType}`),
      ...fieldCols.map((c) => `${quoteIdent(c.name)} ${c.sqlType}`),
    ];
    const ownershipIndexes = OWNERSHIP_COLUMNS.map((c) => `CREATE INDEX ${quoteIdent(c.index(table))} ON ${ctx.q(table)} (${quoteIdent(c.column)})`);
    ctx.add('create', {
      kind: 'createTable',
      entity,
      description: `Create table for entity ${def.label} (${table})`,
      destructive: false,
      sql: [`CREATE TABLE ${ctx.q(table)} (${columns.join(', ')})`, ...ownershipIndexes, ...storageCreatedSqlOfEntity(ctx, entity, table)],
    });
  }
}

/** SQL renaming the FK constraint, FK index and unique index of a field from one naming to another. */
function renameConstraintsSql(ctx: PlanContext, table: string, field: FieldDefinition, before: [string, string], after: [string, string]): string[] {
  const sql: string[] = [];
  const fkA = foreignKeyOf(before[0], before[1], field);
  const fkB = foreignKeyOf(after[0], after[1], field);
  if (fkA && fkB && fkA.constraint !== fkB.constraint) {
    sql.push(`ALTER TABLE ${ctx.q(table)} RENAME CONSTRAINT ${quoteIdent(fkA.constraint)} TO ${quoteIdent(fkB.constraint)}`);
  }
  if (fkA && fkB && fkA.index !== fkB.index) sql.push(`ALTER INDEX ${ctx.q(fkA.index)} RENAME TO ${quoteIdent(fkB.index)}`);
  const uA = uniqueIndexOf(before[0], before[1], field);
  const uB = uniqueIndexOf(after[0], after[1], field);
  if (uA && uB && uA.name !== uB.name) sql.push(`ALTER INDEX ${ctx.q(uA.name)} RENAME TO ${quoteIdent(uB.name)}`);
  return sql;
}

/** Renamed entities: the table, and the constraint names that embed the table name. */
export function planRenameTables(ctx: PlanContext): void {
  for (const [entity, fromEntity] of ctx.persistingEntities()) {
    if (entity === fromEntity) continue;
    const [oldTable, newTable] = [tableName(fromEntity), tableName(entity)];
    const sql = [`ALTER TABLE ${ctx.q(oldTable)} RENAME TO ${quoteIdent(newTable)}`];
    // IF EXISTS: tables created before record ownership existed have no ownership indexes.
    sql.push(...OWNERSHIP_COLUMNS.map((c) => `ALTER INDEX IF EXISTS ${ctx.q(c.index(oldTable))} RENAME TO ${quoteIdent(c.index(newTable))}`));
    for (const [, old, fromDef] of ctx.persistingFields(entity)) {
      sql.push(...renameConstraintsSql(ctx, newTable, fromDef, [fromEntity, old], [entity, old]));
      sql.push(...storageRenamedSql(ctx, [oldTable, old], [newTable, old], fromDef));
    }
    ctx.add('rename', {
      kind: 'renameTable',
      entity,
      description: `Rename entity ${fromEntity} to ${entity} (table "${oldTable}" renamed to "${newTable}", data kept)`,
      destructive: false,
      sql,
    });
  }
}

/** Renamed fields stored in columns: the columns and their constraints. (Others get a metadata step.) */
export function planRenameColumns(ctx: PlanContext): void {
  for (const [entity] of ctx.persistingEntities()) {
    const table = tableName(entity);
    for (const [field, old, fromDef] of ctx.persistingFields(entity)) {
      if (field === old) continue;
      const before = fieldColumns(old, fromDef);
      if (before.length === 0) continue;
      const after = fieldColumns(field, fromDef);
      const sql = before.map((c, i) => `ALTER TABLE ${ctx.q(table)} RENAME COLUMN ${quoteIdent(c.name)} TO ${quoteIdent(after[i]!.name)}`);
      sql.push(...renameConstraintsSql(ctx, table, fromDef, [entity, old], [entity, field]));
      sql.push(...storageRenamedSql(ctx, [table, old], [table, field], fromDef));
      ctx.add('rename', {
        kind: 'renameColumn',
        entity,
        field,
        description: `Rename field ${old} to ${field} on ${entity} (column kept, data kept)`,
        destructive: false,
        sql,
        renamedColumns: before.map((c, i): [string, string] => [c.name, after[i]!.name]),
      });
    }
  }
}

/** New fields of existing entities that have columns (new entities get theirs in CREATE TABLE): added, or restored. */
export function planAddColumns(ctx: PlanContext): void {
  for (const [entity, field, def] of ctx.newFields()) {
    if (ctx.addedEntities.has(entity)) continue;
    const columns = fieldColumns(field, def);
    if (columns.length === 0) continue;
    const table = tableName(entity);
    const restore = planFieldRestore(ctx, entity, field, def);
    if (restore) {
      restore.sql.push(...storageCreatedSql(ctx, [table, field], def));
      ctx.add('addColumn', restore);
      continue;
    }
    ctx.add('addColumn', {
      kind: 'addColumn',
      entity,
      field,
      description: `Add column${columns.length > 1 ? 's' : ''} ${columnList(columns)} to ${table}`,
      destructive: false,
      sql: [`ALTER TABLE ${ctx.q(table)} ${columns.map((c) => `ADD COLUMN ${quoteIdent(c.name)} ${c.sqlType}`).join(', ')}`, ...storageCreatedSql(ctx, [table, field], def)],
    });
  }
}

/** Drops of a removed field's FK and indexes (names as the `from` document made them). */
function dropConstraintSteps(ctx: PlanContext, table: string, fromEntity: string, field: string, def: FieldDefinition) {
  const steps = [];
  const fk = foreignKeyOf(fromEntity, field, def);
  if (fk) {
    steps.push({
      kind: 'dropForeignKey' as const,
      description: `Drop foreign key "${fk.constraint}" of ${fromEntity}.${field}`,
      sql: [`ALTER TABLE ${ctx.q(table)} DROP CONSTRAINT IF EXISTS ${quoteIdent(fk.constraint)}`],
    });
  }
  const indexes = [fk?.index, uniqueIndexOf(fromEntity, field, def)?.name].filter((n): n is string => n !== undefined);
  for (const index of indexes) {
    steps.push({ kind: 'dropIndex' as const, description: `Drop index "${index}" of ${fromEntity}.${field}`, sql: [`DROP INDEX IF EXISTS ${ctx.q(index)}`] });
  }
  return steps.map((s) => ({ ...s, destructive: false }));
}

/** Removed fields: drop their FK and indexes, then rename their columns aside. */
export function planRemoveFields(ctx: PlanContext): void {
  for (const [entity, field] of [...ctx.removedFields].sort()) {
    const fromEntity = ctx.fromEntityName(entity)!;
    const def = ctx.from.entities[fromEntity]!.fields[field]!;
    const table = tableName(entity);
    const columns = fieldColumns(field, def);
    if (columns.length === 0) continue;
    const aside = columns.map((c) => droppedName(ctx.options.version, c.name));
    // A column name taken over by a new or renamed field must be freed before the renames and adds.
    // A kept field of an unavailable plugin type (plan-unavailable.ts) has unknown columns: not counted here.
    const known = Object.entries(ctx.to.entities[entity]!.fields).filter(([, f]) => findFieldType(f.type));
    const inUse = new Set(known.flatMap(([n, f]) => fieldColumns(n, f).map((c) => c.name)));
    const early = columns.some((c) => inUse.has(c.name));
    for (const step of dropConstraintSteps(ctx, table, fromEntity, field, def)) ctx.add(early ? 'moveAsideEarly' : 'drop', { ...step, entity, field });
    ctx.add(early ? 'moveAsideEarly' : 'moveAside', {
      kind: 'dropColumn',
      entity,
      field,
      description: `Remove field ${field} from ${entity}: column${aside.length > 1 ? 's' : ''} moved aside as ${aside.join(', ')} (data kept for undo)`,
      destructive: true,
      sql: [
        ...columns.map((c, i) => `ALTER TABLE ${ctx.q(table)} RENAME COLUMN ${quoteIdent(c.name)} TO ${quoteIdent(aside[i]!)}`),
        // Its other objects are named after the table as the `from` document had it (renames only cover kept fields).
        ...storageRemovedSql(ctx, [tableName(fromEntity), field], def, { table, column: aside[0]! }),
      ],
    });
  }
}

/** Removed entities: drop their FKs and indexes, then rename the table aside. */
export function planRemoveEntities(ctx: PlanContext): void {
  for (const entity of [...ctx.removedEntities].sort()) {
    const def = ctx.from.entities[entity]!;
    const table = tableName(entity);
    for (const [field, f] of Object.entries(def.fields).sort(([a], [b]) => (a < b ? -1 : 1))) {
      for (const step of dropConstraintSteps(ctx, table, entity, field, f)) ctx.add('drop', { ...step, entity, field });
    }
    // Freed so a new entity of the same name can create them (a restore re-creates them when missing).
    for (const c of OWNERSHIP_COLUMNS) {
      const index = c.index(table);
      ctx.add('drop', { kind: 'dropIndex', entity, description: `Drop index "${index}" of ${entity}.${c.field}`, destructive: false, sql: [`DROP INDEX IF EXISTS ${ctx.q(index)}`] });
    }
    const aside = droppedName(ctx.options.version, table);
    const storage = Object.entries(def.fields).flatMap(([field, f]) => {
      const column = fieldColumns(field, f)[0]?.name;
      return column ? storageRemovedSql(ctx, [table, field], f, { table: aside, column }) : [];
    });
    ctx.add('moveAside', {
      kind: 'dropTable',
      entity,
      description: `Remove entity ${def.label} (${table}): table moved aside as ${aside} (data kept for undo)`,
      destructive: true,
      sql: [`ALTER TABLE ${ctx.q(table)} RENAME TO ${quoteIdent(aside)}`, ...storage],
    });
  }
}
