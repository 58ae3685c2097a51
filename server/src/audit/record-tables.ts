/**
 * Platform upkeep of the record tables, after every publish and once at start-up: each entity table has the
 * `owner_id` / `team_id` system columns (tables created before they existed get them) and the row trigger that
 * writes the record history. Only tables that lack something are altered: an ALTER TABLE takes a lock that
 * would stall every reader, so a publish that changes nothing here touches no table.
 */
import type pg from 'pg';
import { OWNERSHIP_COLUMNS, tableName } from '@trellis/metadata';
import { quoteIdent } from '../records/sql.js';

type Queryable = Pick<pg.ClientBase, 'query'>;

interface TableState {
  table: string;
  has_owner: boolean;
  has_team: boolean;
  has_trigger: boolean;
}

export const HISTORY_TRIGGER = 'trellis_record_history';

export async function ensureRecordTables(client: Queryable, schema: string, entities: string[]): Promise<string[]> {
  if (entities.length === 0) return [];
  const tables = entities.map((e) => tableName(e));
  const { rows } = await client.query<TableState>(
    `SELECT c.relname AS table,
            EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'owner_id' AND NOT a.attisdropped) AS has_owner,
            EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'team_id' AND NOT a.attisdropped) AS has_team,
            EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = $3) AS has_trigger
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relname = ANY($2::text[]) AND c.relkind = 'r'`,
    [schema, tables, HISTORY_TRIGGER],
  );
  const changed: string[] = [];
  for (const state of rows) {
    const table = `${quoteIdent(schema)}.${quoteIdent(state.table)}`;
    // The columns and index names metadata's plan gives new tables (so its renames and drops find them).
    const missing = OWNERSHIP_COLUMNS.filter((c) => !(c.field === 'owner' ? state.has_owner : state.has_team));
    if (missing.length > 0) {
      await client.query(`ALTER TABLE ${table} ${missing.map((c) => `ADD COLUMN ${quoteIdent(c.column)} ${c.sqlType}`).join(', ')}`);
      for (const c of missing) await client.query(`CREATE INDEX ${quoteIdent(c.index(state.table))} ON ${table} (${quoteIdent(c.column)})`);
    }
    if (!state.has_trigger) {
      await client.query(
        `CREATE TRIGGER ${quoteIdent(HISTORY_TRIGGER)} AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION "trellis"."record_history"()`,
      );
    }
    if (missing.length > 0 || !state.has_trigger) changed.push(state.table);
  }
  return changed;
}

/** Renames column keys in the recorded changes of `entity`'s records (a field rename, inside the publish). */
export async function renameHistoryColumns(client: Queryable, schema: string, entity: string, renamed: [string, string][]): Promise<void> {
  const table = `${quoteIdent(schema)}.${quoteIdent(tableName(entity))}`;
  for (const [from, to] of renamed) {
    await client.query(
      `UPDATE "trellis"."record_history" SET changes = (changes - $2::text) || jsonb_build_object($3::text, changes -> $2::text)
        WHERE table_oid = $1::text::regclass AND changes ? $2::text`,
      [table, from, to],
    );
  }
}
