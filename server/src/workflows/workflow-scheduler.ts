/**
 * Fires due cron schedules and date-relative timers. Each due row is locked (SKIP LOCKED), its run created
 * with a unique trigger key (`cron:<instant>`, `timer:<record>:<instant>`) and the row advanced or deleted —
 * in one transaction: two instances never fire the same tick twice, and a tick is never lost to a crash.
 * Ticks missed while no instance ran fire once, then the schedule continues from now.
 */
import type { WorkflowDefinition } from '@trellis/metadata';
import { conditionHolds, nextCronTime, workflowContext, type RecordValues } from '@trellis/runtime';
import type pg from 'pg';
import type { DatabaseService } from '../database/database.service.js';
import { dataModelOf } from '../records/data-model.js';
import { readRecordValues } from './record-values.js';
import { insertRuns, type NewRun } from './run-store.js';
import type { WorkflowCatalog } from './workflow-catalog.js';
import { errorMessage } from './workflow-dispatcher.js';
import { isActive } from './workflow-event-triggers.js';
import type { WorkflowOptions } from './workflow-options.js';

const BATCH = 100;

interface ScheduleRow {
  workspace: string;
  workflow: string;
  cron: string;
  time_zone: string;
  next_fire_at: Date;
}

interface TimerRow {
  workspace: string;
  workflow: string;
  entity: string;
  record_id: string;
  fire_at: Date;
}

export class WorkflowScheduler {
  constructor(
    private readonly database: DatabaseService,
    private readonly catalog: WorkflowCatalog,
    private readonly options: Pick<WorkflowOptions, 'clock'>,
  ) {}

  /** Fires everything due; returns how many runs were created. */
  async fireDue(): Promise<number> {
    let created = 0;
    for (;;) {
      const cron = await this.fireSchedules();
      const timers = await this.fireTimers();
      created += cron.runs + timers.runs;
      if (cron.rows < BATCH && timers.rows < BATCH) return created;
    }
  }

  /** The earliest fire time ahead (for a precise wake-up), or null. */
  async nextDue(): Promise<Date | null> {
    const { rows } = await this.database.pool.query<{ at: Date | null }>(
      `SELECT least((SELECT min(next_fire_at) FROM "trellis"."workflow_schedule"), (SELECT min(fire_at) FROM "trellis"."workflow_timer")) AS at`,
    );
    return rows[0]?.at ?? null;
  }

  private fireSchedules(): Promise<{ rows: number; runs: number }> {
    return this.database.transaction(async (client) => {
      const now = this.options.clock();
      const { rows } = await client.query<ScheduleRow>(
        `SELECT workspace, workflow, cron, time_zone, next_fire_at FROM "trellis"."workflow_schedule"
          WHERE next_fire_at <= $1 ORDER BY next_fire_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [now],
      );
      const runs: NewRun[] = [];
      for (const row of rows) {
        const found = await this.catalog.workflow(row.workspace, row.workflow);
        if (found && isActive(found.definition) && found.definition.trigger.type === 'scheduled') {
          const run = newRun(row.workspace, row.workflow, found.definition, found.version, `cron:${row.next_fire_at.toISOString()}`, null, now);
          if (run) runs.push(run);
        }
        const after = row.next_fire_at > now ? row.next_fire_at : now;
        await client.query(`UPDATE "trellis"."workflow_schedule" SET next_fire_at = $3 WHERE workspace = $1 AND workflow = $2`, [
          row.workspace,
          row.workflow,
          safeNextCron(row.cron, row.time_zone, after),
        ]);
      }
      const inserted = await insertRuns(client, runs, now);
      if (inserted.size > 0) await client.query(`SELECT pg_notify('trellis_workflow', 'run')`);
      return { rows: rows.length, runs: inserted.size };
    });
  }

  private fireTimers(): Promise<{ rows: number; runs: number }> {
    return this.database.transaction(async (client) => {
      const now = this.options.clock();
      const { rows } = await client.query<TimerRow>(
        `SELECT workspace, workflow, entity, record_id::text, fire_at FROM "trellis"."workflow_timer"
          WHERE fire_at <= $1 ORDER BY fire_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [now],
      );
      const runs: NewRun[] = [];
      for (const row of rows) {
        const run = await this.timerRun(client, row, now);
        if (run) runs.push(run);
        await client.query(`DELETE FROM "trellis"."workflow_timer" WHERE workspace = $1 AND workflow = $2 AND record_id = $3`, [
          row.workspace,
          row.workflow,
          row.record_id,
        ]);
      }
      const inserted = await insertRuns(client, runs, now);
      if (inserted.size > 0) await client.query(`SELECT pg_notify('trellis_workflow', 'run')`);
      return { rows: rows.length, runs: inserted.size };
    });
  }

  private async timerRun(client: pg.PoolClient, row: TimerRow, now: Date): Promise<NewRun | null> {
    const found = await this.catalog.workflow(row.workspace, row.workflow);
    if (!found || !isActive(found.definition) || found.definition.trigger.type !== 'dateRelative') return null;
    const entity = dataModelOf(found.document, row.workspace).entities.get(found.definition.trigger.entity);
    if (!entity) return null;
    const record = await readRecordValues(client, entity, row.record_id);
    if (!record) return null; // deleted meanwhile
    return newRun(row.workspace, row.workflow, found.definition, found.version, `timer:${row.record_id}:${row.fire_at.toISOString()}`, record, now);
  }
}

/** A run of a scheduled or date-relative workflow; null when its condition is false. */
function newRun(workspace: string, workflow: string, definition: WorkflowDefinition, version: number, triggerKey: string, record: RecordValues | null, now: Date): NewRun | null {
  const context = workflowContext({ trigger: { type: definition.trigger.type }, record, now });
  const run: NewRun = {
    workspace,
    workflow,
    version,
    definition,
    triggerType: definition.trigger.type,
    entity: record ? (definition.trigger as { entity: string }).entity : null,
    recordId: (record?.['id'] as string | undefined) ?? null,
    triggerKey,
    context,
    depth: 1,
    chain: [workflow],
    actor: null,
    runAt: now,
  };
  try {
    return conditionHolds(definition, context) ? run : null;
  } catch (error) {
    return { ...run, status: 'dead', error: { code: 'CONDITION_FAILED', message: `The condition could not be evaluated: ${errorMessage(error)}` } };
  }
}

/** The next tick, or null (never again, or the expression became invalid: publish refuses those, but stay alive). */
function safeNextCron(cron: string, timeZone: string, after: Date): Date | null {
  try {
    return nextCronTime(cron, timeZone, after);
  } catch {
    return null;
  }
}
