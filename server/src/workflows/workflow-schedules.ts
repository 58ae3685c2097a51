/**
 * The scheduler's tables, kept in step with the published document: one `workflow_schedule` row per active
 * cron workflow (its next fire time), one `workflow_timer` row per record of each active date-relative
 * workflow whose fire time is still ahead. Publishing a changed date-relative workflow re-computes its
 * timers from the stored records (back-fill); the dispatcher keeps them current as records change.
 */
import type { DateRelativeTrigger, MetadataDocument, ScheduledTrigger } from '@trellis/metadata';
import { dateRelativeFireAt, nextCronTime } from '@trellis/runtime';
import type pg from 'pg';
import { dataModelOf } from '../records/data-model.js';
import { readFieldValues } from './record-values.js';
import { isActive } from './workflow-event-triggers.js';

type Queryable = Pick<pg.ClientBase, 'query'>;

/** Active cron workflows by name. */
export function scheduledWorkflows(document: MetadataDocument): Map<string, ScheduledTrigger> {
  const out = new Map<string, ScheduledTrigger>();
  for (const [name, def] of Object.entries(document.workflows ?? {})) {
    if (isActive(def) && def.trigger.type === 'scheduled') out.set(name, def.trigger);
  }
  return out;
}

/** Active after-save date-relative workflows by name (their entity and field exist in the document). */
export function dateRelativeWorkflows(document: MetadataDocument): Map<string, DateRelativeTrigger> {
  const out = new Map<string, DateRelativeTrigger>();
  for (const [name, def] of Object.entries(document.workflows ?? {})) {
    if (!isActive(def) || def.timing === 'beforeSave' || def.trigger.type !== 'dateRelative') continue;
    if (document.entities[def.trigger.entity]?.fields[def.trigger.field]) out.set(name, def.trigger);
  }
  return out;
}

/** Adds, re-times (cron or zone changed) and removes schedule rows. */
export async function syncSchedules(client: Queryable, workspace: string, document: MetadataDocument, now: Date, defaultTimeZone: string): Promise<void> {
  const wanted = scheduledWorkflows(document);
  const { rows } = await client.query<{ workflow: string; cron: string; time_zone: string }>(
    `SELECT workflow, cron, time_zone FROM "trellis"."workflow_schedule" WHERE workspace = $1`,
    [workspace],
  );
  const stored = new Map(rows.map((r) => [r.workflow, r]));
  const gone = rows.filter((r) => !wanted.has(r.workflow)).map((r) => r.workflow);
  if (gone.length > 0) await client.query(`DELETE FROM "trellis"."workflow_schedule" WHERE workspace = $1 AND workflow = ANY($2::text[])`, [workspace, gone]);
  for (const [name, trigger] of wanted) {
    const timeZone = trigger.timeZone ?? defaultTimeZone;
    const known = stored.get(name);
    if (known && known.cron === trigger.cron && known.time_zone === timeZone) continue;
    await client.query(
      `INSERT INTO "trellis"."workflow_schedule" (workspace, workflow, cron, time_zone, next_fire_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (workspace, workflow) DO UPDATE SET cron = EXCLUDED.cron, time_zone = EXCLUDED.time_zone, next_fire_at = EXCLUDED.next_fire_at`,
      [workspace, name, trigger.cron, timeZone, nextCronTime(trigger.cron, timeZone, now)],
    );
  }
}

/**
 * Removes the timers of workflows that are no longer active date-relative ones, and re-computes those of
 * `changed` workflows from the stored records (only fire times still ahead of `now` are kept).
 */
export async function syncTimers(
  client: Queryable,
  workspace: string,
  document: MetadataDocument,
  changed: ReadonlySet<string>,
  now: Date,
  defaultTimeZone: string,
): Promise<void> {
  const wanted = dateRelativeWorkflows(document);
  await client.query(`DELETE FROM "trellis"."workflow_timer" WHERE workspace = $1 AND NOT (workflow = ANY($2::text[]))`, [workspace, [...wanted.keys()]]);
  const model = dataModelOf(document, workspace);
  for (const [name, trigger] of wanted) {
    if (!changed.has(name)) continue;
    await client.query(`DELETE FROM "trellis"."workflow_timer" WHERE workspace = $1 AND workflow = $2`, [workspace, name]);
    const entity = model.entities.get(trigger.entity)!;
    const ids: string[] = [];
    const times: Date[] = [];
    for (const [id, value] of await readFieldValues(client, entity, trigger.field)) {
      const fireAt = dateRelativeFireAt(trigger, typeof value === 'string' ? value : null, defaultTimeZone);
      if (fireAt && fireAt > now) {
        ids.push(id);
        times.push(fireAt);
      }
    }
    if (ids.length === 0) continue;
    await client.query(
      `INSERT INTO "trellis"."workflow_timer" (workspace, workflow, entity, record_id, fire_at)
       SELECT $1, $2, $3, t.id, t.at FROM unnest($4::uuid[], $5::timestamptz[]) AS t(id, at)`,
      [workspace, name, trigger.entity, ids, times],
    );
  }
}

/** Sets (or, with no fire time ahead, removes) one record's timer of a date-relative workflow. */
export async function setTimer(client: Queryable, workspace: string, workflow: string, entity: string, recordId: string, fireAt: Date | null): Promise<void> {
  if (!fireAt) {
    await client.query(`DELETE FROM "trellis"."workflow_timer" WHERE workspace = $1 AND workflow = $2 AND record_id = $3`, [workspace, workflow, recordId]);
    return;
  }
  await client.query(
    `INSERT INTO "trellis"."workflow_timer" (workspace, workflow, entity, record_id, fire_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (workspace, workflow, record_id) DO UPDATE SET fire_at = EXCLUDED.fire_at, entity = EXCLUDED.entity`,
    [workspace, workflow, entity, recordId, fireAt],
  );
}
