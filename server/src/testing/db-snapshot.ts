/** Everything DDL can change in a workspace schema, plus the version rows: compare before/after. */
import type pg from 'pg';

export async function databaseSnapshot(pool: pg.Pool, schema = 'main'): Promise<unknown> {
  const schemas = await pool.query(`SELECT nspname FROM pg_namespace WHERE nspname = $1`, [schema]);
  const columns = await pool.query(
    `SELECT table_name, column_name, data_type, is_nullable, column_default
       FROM information_schema.columns WHERE table_schema = $1 ORDER BY table_name, ordinal_position`,
    [schema],
  );
  const indexes = await pool.query(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = $1 ORDER BY indexname`, [schema]);
  const constraints = await pool.query(
    `SELECT conrelid::regclass::text AS rel, conname, pg_get_constraintdef(c.oid) AS def
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = $1 ORDER BY conname`,
    [schema],
  );
  const versions = await pool.query(`SELECT workspace, version FROM trellis.metadata_version ORDER BY workspace, version`);
  return {
    schemaExists: schemas.rowCount === 1,
    columns: columns.rows,
    indexes: indexes.rows,
    constraints: constraints.rows,
    versions: versions.rows,
  };
}

/** Column names of a table in the workspace schema, in order. */
export async function columnsOf(pool: pg.Pool, table: string, schema = 'main'): Promise<string[]> {
  const { rows } = await pool.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`,
    [schema, table],
  );
  return rows.map((r) => r.column_name);
}
