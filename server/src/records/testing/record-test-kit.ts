/**
 * Test kit for the record layer without the whole app: tables created by metadata's migration plan and a
 * RecordService on a real pool with a fixed document.
 */
import { diffDocuments, planMigration, type MetadataDocument } from '@trellis/metadata';
import type { Clock } from '@trellis/runtime';
import type pg from 'pg';
import type { DatabaseService } from '../../database/database.service.js';
import type { MetadataStoreService } from '../../metadata-store/metadata-store.service.js';
import { RecordService } from '../record.service.js';
import { quoteIdent } from '../sql.js';

/** Creates the record tables of `document` with metadata's real migration plan (as a publish would). */
export async function createTables(pool: pg.Pool, document: MetadataDocument, schema = 'main'): Promise<void> {
  const empty: MetadataDocument = { entities: {} };
  const plan = planMigration(empty, document, diffDocuments(empty, document), { schema, version: 1 });
  await pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  for (const step of plan.steps) for (const sql of step.sql) await pool.query(sql);
}

/** A RecordService over `pool` that always works on `document` (rules read `now` from `clock` if given). */
export function recordServiceFor(pool: pg.Pool, document: MetadataDocument, clock?: Clock): RecordService {
  const database = {
    pool,
    async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  } as unknown as DatabaseService;
  const store = { current: async () => ({ version: 1, document, served: document, suspended: [] }) } as unknown as MetadataStoreService;
  return new RecordService(database, store, clock);
}

/** Counts statements sent to the database through a pool's clients (pool.query included), for N+1 assertions. */
export function countStatements(pool: pg.Pool): { count: () => number; reset: () => void; statements: string[]; restore: () => void } {
  const statements: string[] = [];
  let active = true;
  const wrapped = new WeakSet<object>();
  const onAcquire = (client: pg.PoolClient) => {
    if (wrapped.has(client)) return;
    wrapped.add(client);
    const query = client.query.bind(client) as (...a: unknown[]) => unknown;
    (client as unknown as { query: unknown }).query = (...args: unknown[]) => {
      if (active) statements.push(typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: string })?.text));
      return query(...args);
    };
  };
  pool.on('acquire', onAcquire);
  return {
    count: () => statements.length,
    reset: () => void statements.splice(0),
    statements,
    restore: () => {
      active = false;
      pool.off('acquire', onAcquire);
    },
  };
}
