import { jest } from '@jest/globals';
import { startTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { historyDays, purgeRecordHistory } from './record-history-retention.js';

jest.setTimeout(60_000);

let db: TestDatabase;
beforeAll(async () => {
  db = await startTestDatabase();
});
afterAll(async () => {
  await db?.stop();
});

describe('record history retention', () => {
  it('deletes entries older than the retention and keeps the rest', async () => {
    const insert = (age: string) =>
      db.pool.query(
        `INSERT INTO "trellis"."record_history" (table_oid, record_id, action, actor, source, changes, at)
         VALUES ('"trellis"."user"'::regclass, gen_random_uuid(), 'update', 'system:test', 'system', '{}', now() - $1::interval)`,
        [age],
      );
    await insert('400 days');
    await insert('366 days');
    await insert('10 days');
    expect(await purgeRecordHistory(db.pool, 365)).toBe(2);
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM "trellis"."record_history"`);
    expect(rows[0].n).toBe(1);
  });

  it('reads the retention from the environment, refusing nonsense', () => {
    expect(historyDays({})).toBe(365);
    expect(historyDays({ TRELLIS_RECORD_HISTORY_DAYS: '30' })).toBe(30);
    expect(() => historyDays({ TRELLIS_RECORD_HISTORY_DAYS: '0' })).toThrow(/whole number of days/);
  });
});
