import { startTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { readSetAsideInventory, type SqlRunner } from './set-aside-inventory.js';

describe('readSetAsideInventory', () => {
  let db: TestDatabase;
  let runner: SqlRunner;

  beforeAll(async () => {
    db = await startTestDatabase();
    runner = { query: async (sql, parameters) => (await db.pool.query(sql, parameters as unknown[])).rows };
  });

  afterAll(async () => {
    await db.stop();
  });

  it('lists the moved-aside columns of live tables and every column of moved-aside tables, with Postgres’s types', async () => {
    await db.pool.query(`
      CREATE SCHEMA ws;
      CREATE TABLE ws.company (id uuid PRIMARY KEY, name text, "__dropped_v2_notes" text, "__dropped_v3_revenue" numeric(18,2),
        "__dropped_v3_revenue_currency" char(3), "__dropped_v4_met_at" timestamptz, "__dropped_v1_gone" integer);
      ALTER TABLE ws.company DROP COLUMN "__dropped_v1_gone";
      CREATE TABLE ws."__dropped_v5_deal" (id uuid, title text, "__dropped_v3_size" integer);
      CREATE TABLE ws.plain (id uuid, name text);
      CREATE VIEW ws."__dropped_v6_view" AS SELECT 1 AS x;
      CREATE SCHEMA other;
      CREATE TABLE other.company ("__dropped_v2_notes" text);
    `);

    expect(await readSetAsideInventory(runner, 'ws')).toEqual({
      columns: {
        company: {
          __dropped_v2_notes: 'text',
          __dropped_v3_revenue: 'numeric(18,2)',
          __dropped_v3_revenue_currency: 'character(3)',
          __dropped_v4_met_at: 'timestamp with time zone',
        },
      },
      tables: { __dropped_v5_deal: { id: 'uuid', title: 'text', __dropped_v3_size: 'integer' } },
    });
    expect(await readSetAsideInventory(runner, 'nowhere')).toEqual({ columns: {}, tables: {} });
  });
});
