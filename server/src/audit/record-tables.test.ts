import { jest } from '@jest/globals';
import { startTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { ensureRecordTables } from './record-tables.js';

jest.setTimeout(60_000);

let db: TestDatabase;
beforeAll(async () => {
  db = await startTestDatabase();
});
afterAll(async () => {
  await db?.stop();
});

describe('ensureRecordTables', () => {
  it('fits a table made before ownership with owner/team columns, the plan’s index names and the history trigger — once', async () => {
    await db.pool.query(`CREATE SCHEMA main`);
    await db.pool.query(`CREATE TABLE main.deal (id uuid PRIMARY KEY, name text, created_by text, updated_by text)`);
    expect(await ensureRecordTables(db.pool, 'main', ['deal'])).toEqual(['deal']);
    const { rows: indexes } = await db.pool.query(`SELECT indexname FROM pg_indexes WHERE schemaname = 'main' AND tablename = 'deal' ORDER BY 1`);
    expect(indexes.map((r) => r.indexname)).toEqual(['deal__owner_id_idx', 'deal__team_id_idx', 'deal_pkey']);
    await db.pool.query(`INSERT INTO main.deal (id, name, created_by, updated_by) VALUES (gen_random_uuid(), 'x', 'user:u', 'user:u')`);
    const { rows } = await db.pool.query(`SELECT action, actor, source, changes FROM "trellis"."record_history"`);
    expect(rows).toEqual([{ action: 'create', actor: 'user:u', source: 'ui', changes: { name: [null, 'x'] } }]);
    // Nothing left to do: no table is altered (and locked) again.
    expect(await ensureRecordTables(db.pool, 'main', ['deal'])).toEqual([]);
    // An owner that is no user is refused by the foreign key.
    await expect(db.pool.query(`UPDATE main.deal SET owner_id = gen_random_uuid()`)).rejects.toThrow(/foreign key/);
  });
});
