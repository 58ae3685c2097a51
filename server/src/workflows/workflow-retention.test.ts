import { jest } from '@jest/globals';
import { startTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { purgeWorkflowRuns } from './workflow-retention.js';

jest.setTimeout(60_000);

let db: TestDatabase;

beforeAll(async () => {
  db = await startTestDatabase();
});

afterAll(async () => {
  await db?.stop();
});

describe('workflow run retention', () => {
  it('deletes finished runs (with their steps) older than the retention, and keeps unfinished ones', async () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const insert = async (key: string, status: string, finishedDaysAgo: number | null) => {
      const finished = finishedDaysAgo === null ? null : new Date(now.getTime() - finishedDaysAgo * 86_400_000);
      const { rows } = await db.pool.query(
        `INSERT INTO "trellis"."workflow_run" (workspace, workflow, version, definition, trigger_type, trigger_key, context, status, finished_at)
         VALUES ('main', 'w', 1, '{}', 'manual', $1, '{}', $2, $3) RETURNING id`,
        [key, status, finished],
      );
      await db.pool.query(
        `INSERT INTO "trellis"."workflow_step_run" (run_id, step_key, step_type, attempt, status, started_at, duration_ms) VALUES ($1, 's', 'notify', 1, 'succeeded', now(), 1)`,
        [rows[0].id],
      );
    };
    await insert('old-ok', 'succeeded', 40);
    await insert('old-dead', 'dead', 31);
    await insert('old-cancelled', 'cancelled', 100);
    await insert('recent', 'succeeded', 5);
    await insert('waiting', 'waiting', null);
    expect(await purgeWorkflowRuns(db.pool, 30, now)).toBe(3);
    const { rows } = await db.pool.query(`SELECT trigger_key FROM "trellis"."workflow_run" ORDER BY trigger_key`);
    expect(rows.map((r) => r.trigger_key)).toEqual(['recent', 'waiting']);
    expect((await db.pool.query(`SELECT count(*)::int AS n FROM "trellis"."workflow_step_run"`)).rows[0].n).toBe(2);
  });
});
