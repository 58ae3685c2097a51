/**
 * Bringing moved-aside data back. When a plan adds a field, an entity or a manyToMany relation whose column or
 * table an earlier version moved aside (`__dropped_v<N>_<name>`, listed in `PlanOptions.setAside`), it renames
 * that column or table back instead of creating an empty one. The rules:
 *
 * - Field: its values come back when its main (first) column has a set-aside column of the same SQL type; the
 *   most recent such one is renamed back. Each other column (currency's `_currency`) is renamed back from its own
 *   most recent same-type set-aside column, or added when there is none, and filled with the registry's backfill
 *   where the main column holds a value and it has none. When the main column has no same-type set-aside column,
 *   the field gets fresh columns and every set-aside column stays where it is.
 * - Entity: its table comes back when a set-aside table of its name still has the system columns with their
 *   types; the most recent such one is renamed back. Each field then keeps the table's column of its name when the
 *   type is the same, else follows the field rule against the table's own set-aside columns; a column of the
 *   field's name with another type, and columns no field uses, are moved aside in this version. Otherwise the
 *   entity gets a fresh table and the set-aside table stays where it is.
 * - Junction: a set-aside table of the junction's name with uuid `source_id` and `target_id` is renamed back.
 *
 * Restored links to records that no longer exist (deleted while the link was set aside, when no foreign key
 * guarded it) are cleared (manyToOne) or removed (junction rows) before the foreign keys are added again.
 */
import { tableName } from './naming.js';
import type { PlanContext } from './plan-context.js';
import type { PlanStep, SetAsideInventory } from './plan-types.js';
import { DROPPED_PREFIX, droppedName, quoteIdent, setAsideVersion } from './sql.js';
import { sameSqlType } from './sql-type.js';
import { OWNERSHIP_COLUMNS, SYSTEM_COLUMNS, fieldColumns, type PhysicalColumn } from './storage.js';
import type { FieldDefinition } from './types.js';

/** Column name → SQL type. */
export type ColumnTypes = Readonly<Record<string, string>>;

/** A moved-aside column or table and the version that moved it aside. */
export interface SetAside {
  name: string;
  version: number;
}

/** How the columns of a new field come to exist. */
export interface ColumnRecovery {
  /** True when the field's values come back: its main column is kept or renamed back. */
  restored: boolean;
  /** Columns already there with the right type (restored tables only). */
  kept: PhysicalColumn[];
  /** Columns renamed back from a set-aside column. */
  renamed: { column: PhysicalColumn; from: SetAside }[];
  /** Columns added empty. */
  added: PhysicalColumn[];
  /** Columns of the field's names but another type, moved aside first (restored tables only). */
  displaced: string[];
}

const NO_SET_ASIDE: SetAsideInventory = { columns: {}, tables: {} };
const inventoryOf = (ctx: PlanContext): SetAsideInventory => ctx.options.setAside ?? NO_SET_ASIDE;

/** `"name" type, …` for descriptions. */
export const columnList = (columns: PhysicalColumn[]): string => columns.map((c) => `${quoteIdent(c.name)} ${c.sqlType}`).join(', ');

/** The most recent set-aside column of `column` among `columns` whose SQL type is `sqlType`. */
export function findSetAsideColumn(columns: ColumnTypes, column: string, sqlType: string): SetAside | undefined {
  let best: SetAside | undefined;
  for (const [name, type] of Object.entries(columns)) {
    const version = setAsideVersion(name, column);
    if (version !== undefined && sameSqlType(type, sqlType) && (!best || version > best.version)) best = { name, version };
  }
  return best;
}

/** The most recent set-aside table of `table` whose columns `accept` takes. */
function findSetAsideTable(ctx: PlanContext, table: string, accept: (columns: ColumnTypes) => boolean): (SetAside & { columns: ColumnTypes }) | undefined {
  let best: (SetAside & { columns: ColumnTypes }) | undefined;
  for (const [name, columns] of Object.entries(inventoryOf(ctx).tables)) {
    const version = setAsideVersion(name, table);
    if (version !== undefined && accept(columns) && (!best || version > best.version)) best = { name, version, columns };
  }
  return best;
}

const hasColumns = (columns: ColumnTypes, wanted: readonly (readonly [string, string])[]): boolean =>
  wanted.every(([name, type]) => columns[name] !== undefined && sameSqlType(columns[name]!, type));

/** System columns with their bare types (`uuid`, not `uuid PRIMARY KEY …`). */
const SYSTEM_TYPES = SYSTEM_COLUMNS.map(([name, type]) => [name, type.split(' ')[0]!] as const);

/** The set-aside table a new entity gets back, if any. */
export function restorableTable(ctx: PlanContext, entity: string) {
  return findSetAsideTable(ctx, tableName(entity), (columns) => hasColumns(columns, SYSTEM_TYPES));
}

/** The set-aside junction table a new manyToMany relation gets back, if any. */
export function restorableJunction(ctx: PlanContext, table: string) {
  return findSetAsideTable(ctx, table, (columns) => hasColumns(columns, [['source_id', 'uuid'], ['target_id', 'uuid']]));
}

/** How `columns` come to exist on a table whose columns (live and set aside) are `available`. */
export function recoverColumns(available: ColumnTypes, columns: PhysicalColumn[]): ColumnRecovery {
  const recovery: ColumnRecovery = { restored: false, kept: [], renamed: [], added: [], displaced: [] };
  const source = (c: PhysicalColumn): 'kept' | SetAside | undefined =>
    available[c.name] !== undefined && sameSqlType(available[c.name]!, c.sqlType) ? 'kept' : findSetAsideColumn(available, c.name, c.sqlType);
  recovery.restored = columns.length > 0 && source(columns[0]!) !== undefined;
  for (const column of columns) {
    const from = recovery.restored ? source(column) : undefined;
    if (available[column.name] !== undefined && from !== 'kept') recovery.displaced.push(column.name);
    if (from === 'kept') recovery.kept.push(column);
    else if (from) recovery.renamed.push({ column, from });
    else recovery.added.push(column);
  }
  return recovery;
}

/** The set-aside columns of a persisting entity's table (under its name in the database before this plan). */
export function setAsideColumnsOf(ctx: PlanContext, entity: string): ColumnTypes {
  return inventoryOf(ctx).columns[tableName(ctx.fromEntityName(entity) ?? entity)] ?? {};
}

/** How the columns of new field `entity.field` come to exist (on a persisting entity, or a new one's table). */
export function fieldRecovery(ctx: PlanContext, entity: string, field: string, def: FieldDefinition): ColumnRecovery {
  const available = ctx.addedEntities.has(entity) ? (restorableTable(ctx, entity)?.columns ?? {}) : setAsideColumnsOf(ctx, entity);
  return recoverColumns(available, fieldColumns(field, def));
}

/** SQL carrying out a recovery on `table`: move aside, rename back, add, backfill. */
function recoverySql(ctx: PlanContext, table: string, columns: PhysicalColumn[], recovery: ColumnRecovery): string[] {
  const t = ctx.q(table);
  const rename = (from: string, to: string) => `ALTER TABLE ${t} RENAME COLUMN ${quoteIdent(from)} TO ${quoteIdent(to)}`;
  const sql = recovery.displaced.map((c) => rename(c, droppedName(ctx.options.version, c)));
  sql.push(...recovery.renamed.map((r) => rename(r.from.name, r.column.name)));
  if (recovery.added.length > 0) sql.push(`ALTER TABLE ${t} ${recovery.added.map((c) => `ADD COLUMN ${quoteIdent(c.name)} ${c.sqlType}`).join(', ')}`);
  if (recovery.restored) {
    const main = quoteIdent(columns[0]!.name);
    for (const c of columns.slice(1).filter((c) => c.backfill && !recovery.kept.includes(c))) {
      sql.push(`UPDATE ${t} SET ${quoteIdent(c.name)} = ${c.backfill} WHERE ${main} IS NOT NULL AND ${quoteIdent(c.name)} IS NULL`);
    }
  }
  return sql;
}

const plural = (n: number, word: string): string => (n === 1 ? word : `${word}s`);
const versionsOf = (renamed: ColumnRecovery['renamed']): string => {
  const versions = [...new Set(renamed.map((r) => r.from.version))].sort((a, b) => b - a);
  return `${plural(versions.length, 'version')} ${versions.join(' and ')}`;
};

/** A new field of a persisting entity whose values come back: its set-aside columns renamed back. */
export function planFieldRestore(ctx: PlanContext, entity: string, field: string, def: FieldDefinition): PlanStep | undefined {
  const columns = fieldColumns(field, def);
  const recovery = recoverColumns(setAsideColumnsOf(ctx, entity), columns);
  if (!recovery.restored) return undefined;
  const added = recovery.added.length ? `; ${plural(recovery.added.length, 'column')} ${columnList(recovery.added)} added` : '';
  return {
    kind: 'renameColumn',
    entity,
    field,
    description: `Restore field ${field} on ${entity} from the ${plural(recovery.renamed.length, 'column')} set aside in ${versionsOf(recovery.renamed)} (data kept${added})`,
    destructive: false,
    sql: recoverySql(ctx, tableName(entity), columns, recovery),
  };
}

/** A new entity whose set-aside table comes back: renamed back, then its columns matched to the fields. */
export function planTableRestore(ctx: PlanContext, entity: string): PlanStep | undefined {
  const aside = restorableTable(ctx, entity);
  if (!aside) return undefined;
  const def = ctx.to.entities[entity]!;
  const table = tableName(entity);
  const sql = [`ALTER TABLE ${ctx.q(aside.name)} RENAME TO ${quoteIdent(table)}`];
  const used = new Set([...SYSTEM_COLUMNS.map(([name]) => name), ...OWNERSHIP_COLUMNS.map((c) => c.column)]);
  // Ownership indexes were dropped with the entity; a table set aside before record ownership existed lacks the columns too.
  const t = ctx.q(table);
  for (const c of OWNERSHIP_COLUMNS) {
    if (aside.columns[c.column] === undefined) sql.push(`ALTER TABLE ${t} ADD COLUMN ${quoteIdent(c.column)} ${c.sqlType}`);
    sql.push(`CREATE INDEX IF NOT EXISTS ${quoteIdent(c.index(table))} ON ${t} (${quoteIdent(c.column)})`);
  }
  const renamed: ColumnRecovery['renamed'] = [];
  const added: PhysicalColumn[] = [];
  const displaced: string[] = [];
  for (const [field, f] of Object.entries(def.fields)) {
    const columns = fieldColumns(field, f);
    const recovery = recoverColumns(aside.columns, columns);
    for (const c of columns) used.add(c.name);
    sql.push(...recoverySql(ctx, table, columns, recovery));
    renamed.push(...recovery.renamed);
    added.push(...recovery.added);
    displaced.push(...recovery.displaced);
  }
  // Columns no field uses (left by a field removed while the entity was gone): out of the way of later fields.
  const unused = Object.keys(aside.columns).filter((c) => !used.has(c) && !c.startsWith(DROPPED_PREFIX));
  sql.push(...unused.map((c) => `ALTER TABLE ${t} RENAME COLUMN ${quoteIdent(c)} TO ${quoteIdent(droppedName(ctx.options.version, c))}`));
  displaced.push(...unused);
  const details = [
    ...(renamed.length ? [`${plural(renamed.length, 'column')} ${renamed.map((r) => `${r.column.name} restored from ${r.from.name}`).join(', ')}`] : []),
    ...(added.length ? [`${plural(added.length, 'column')} ${columnList(added)} added`] : []),
    ...(displaced.length ? [`${plural(displaced.length, 'column')} ${displaced.map((c) => `${c} moved aside as ${droppedName(ctx.options.version, c)}`).join(', ')}`] : []),
  ];
  return {
    kind: 'renameTable',
    entity,
    description: `Restore entity ${def.label} (${table}) from the table set aside in version ${aside.version} (data kept${details.map((d) => `; ${d}`).join('')})`,
    destructive: false,
    sql,
  };
}
