/**
 * Record history is kept TRELLIS_RECORD_HISTORY_DAYS days (default 365): older entries are deleted at start-up
 * and then hourly, in batches so a large backlog never holds a long lock.
 */
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DatabaseService } from '../database/database.service.js';

type Queryable = { query(text: string, values?: unknown[]): Promise<{ rowCount: number | null }> };

export const DEFAULT_HISTORY_DAYS = 365;
const BATCH = 10_000;

/** Deletes history older than `days` days; returns how many entries went. */
export async function purgeRecordHistory(client: Queryable, days: number): Promise<number> {
  let total = 0;
  for (;;) {
    const { rowCount } = await client.query(
      `DELETE FROM "trellis"."record_history" WHERE id IN (
         SELECT id FROM "trellis"."record_history" WHERE at < now() - make_interval(days => $1) LIMIT ${BATCH})`,
      [days],
    );
    total += rowCount ?? 0;
    if ((rowCount ?? 0) < BATCH) return total;
  }
}

export function historyDays(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env['TRELLIS_RECORD_HISTORY_DAYS'];
  if (raw === undefined || raw === '') return DEFAULT_HISTORY_DAYS;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1) throw new Error(`TRELLIS_RECORD_HISTORY_DAYS must be a whole number of days ≥ 1 (got "${raw}")`);
  return days;
}

@Injectable()
export class RecordHistoryRetention implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('RecordHistory');
  private timer?: NodeJS.Timeout;

  constructor(private readonly database: DatabaseService) {}

  onApplicationBootstrap(): void {
    const days = historyDays();
    const run = () =>
      purgeRecordHistory(this.database.pool, days).then(
        (n) => n > 0 && this.logger.log(`Removed ${n} record history entries older than ${days} days`),
        (error: unknown) => this.logger.error(`Record history purge failed: ${String(error)}`),
      );
    void run();
    this.timer = setInterval(run, 60 * 60 * 1000).unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }
}
