/**
 * Finished runs (succeeded, dead, cancelled) are kept TRELLIS_WORKFLOW_RUN_DAYS days (default 30), their step
 * history with them; deleted in batches so a large backlog never holds a long lock.
 */
import type pg from 'pg';

type Queryable = Pick<pg.ClientBase, 'query'>;

const BATCH = 5_000;

/** Deletes finished runs older than `days` days (from `now`); returns how many went. */
export async function purgeWorkflowRuns(client: Queryable, days: number, now: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const { rowCount } = await client.query(
      `DELETE FROM "trellis"."workflow_run" WHERE id IN (
         SELECT id FROM "trellis"."workflow_run"
          WHERE finished_at < $2::timestamptz - make_interval(days => $1) AND status IN ('succeeded', 'dead', 'cancelled') LIMIT ${BATCH})`,
      [days, now],
    );
    total += rowCount ?? 0;
    if ((rowCount ?? 0) < BATCH) return total;
  }
}
