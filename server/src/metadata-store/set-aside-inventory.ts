/**
 * What earlier versions moved aside in a workspace schema (`__dropped_v<N>_…` columns of live tables, and whole
 * `__dropped_v<N>_…` tables with their columns), read from the catalog with each column's type as
 * `format_type` prints it. The migration plan uses it (`PlanOptions.setAside`) to rename a field's or entity's
 * data back when it returns; which one to restore, and the type comparison, are decided there.
 */
import { DROPPED_PREFIX, type SetAsideInventory } from '@trellis/metadata';

/** Anything that runs a parameterised query: a TypeORM QueryRunner (inside a transaction) or DataSource. */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

interface CatalogRow {
  table: string;
  column: string;
  type: string;
}

export async function readSetAsideInventory(db: SqlRunner, schema: string): Promise<SetAsideInventory> {
  const rows = (await db.query(
    `SELECT c.relname AS "table", a.attname AS "column", format_type(a.atttypid, a.atttypmod) AS "type"
       FROM pg_catalog.pg_class c
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
        AND (starts_with(c.relname::text, $2) OR starts_with(a.attname::text, $2))
      ORDER BY c.relname, a.attnum`,
    [schema, DROPPED_PREFIX],
  )) as CatalogRow[];
  const inventory: SetAsideInventory = { columns: {}, tables: {} };
  for (const { table, column, type } of rows) {
    const bucket = table.startsWith(DROPPED_PREFIX) ? inventory.tables : inventory.columns;
    (bucket[table] ??= {})[column] = type;
  }
  return inventory;
}
