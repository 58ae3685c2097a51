/**
 * Turns outbox events into runs. A batch of events is locked (SKIP LOCKED: instances share the work), read
 * back as record values, matched against the workspace's after-save workflows (trigger, then condition),
 * and replaced by runs — created and deleted in ONE transaction, so an event becomes its runs exactly once.
 * Date-relative workflows get their per-record timer (re)set here when the date field is written.
 *
 * Loop guard: a workflow step's writes carry the run's depth and chain (session settings read by the
 * trigger); a run that would start deeper than its workflow's maxDepth is stored dead (LOOP_GUARD), so the
 * loop is visible in the run history instead of silently running forever.
 */
import { Logger } from '@nestjs/common';
import type { WorkflowDefinition } from '@trellis/metadata';
import { conditionHolds, dateRelativeFireAt, recordEventMatches, workflowContext, type RecordOperation, type RecordValues, type RuleUser } from '@trellis/runtime';
import { tableName } from '@trellis/metadata';
import type pg from 'pg';
import type { DatabaseService } from '../database/database.service.js';
import { dataModelOf } from '../records/data-model.js';
import { recordValuesOfRows } from './record-values.js';
import { insertRuns, type NewRun } from './run-store.js';
import { triggerUser } from './workflow-actor.js';
import type { WorkflowCatalog } from './workflow-catalog.js';
import { watchingWorkflows } from './workflow-event-triggers.js';
import type { WorkflowOptions } from './workflow-options.js';
import { setTimer } from './workflow-schedules.js';

const BATCH = 200;
export const DEFAULT_MAX_DEPTH = 5;

interface EventRow {
  id: string;
  workspace: string;
  table_name: string;
  op: RecordOperation;
  old_row: Record<string, unknown> | null;
  new_row: Record<string, unknown> | null;
  actor: string;
  depth: number;
  chain: string[];
}

export class WorkflowDispatcher {
  private readonly logger = new Logger('WorkflowDispatcher');

  constructor(
    private readonly database: DatabaseService,
    private readonly catalog: WorkflowCatalog,
    private readonly options: Pick<WorkflowOptions, 'clock' | 'timeZone'>,
  ) {}

  /** Dispatches batches until the outbox is empty; returns how many runs were created. */
  async drain(): Promise<number> {
    let created = 0;
    for (;;) {
      const batch = await this.dispatchBatch();
      created += batch.runs;
      if (batch.events < BATCH) return created;
    }
  }

  /**
   * One batch in one transaction. When the batch fails (an event that cannot be read back or evaluated), its
   * events are dispatched one by one, and one that still fails is marked with its error and skipped from
   * then on: a poison event must not stall the outbox.
   */
  async dispatchBatch(): Promise<{ events: number; runs: number }> {
    try {
      return await this.dispatchEvents(BATCH);
    } catch (error) {
      this.logger.warn(`dispatching a batch of workflow events failed (${errorMessage(error)}): dispatching them one by one`);
      let events = 0;
      let runs = 0;
      for (let i = 0; i < BATCH; i++) {
        const seen: string[] = [];
        const single = await this.dispatchEvents(1, seen).catch(async (singleError: unknown) => {
          if (seen[0]) await this.markFailed(seen[0], singleError);
          return { events: seen.length, runs: 0 };
        });
        if (single.events === 0) break;
        events += single.events;
        runs += single.runs;
      }
      return { events, runs };
    }
  }

  /** Sets an event that failed on its own aside, with its error. */
  private async markFailed(id: string, error: unknown): Promise<void> {
    await this.database.pool.query(`UPDATE "trellis"."workflow_event" SET error = $2 WHERE id = $1`, [id, errorMessage(error)]);
    this.logger.error(`workflow event ${id} could not be dispatched and is set aside (trellis.workflow_event.error): ${errorMessage(error)}`);
  }

  /** `seen` receives the ids of the events taken (for the caller to name a failing one). */
  private async dispatchEvents(limit: number, seen: string[] = []): Promise<{ events: number; runs: number }> {
    return this.database.transaction(async (client) => {
      const { rows: events } = await client.query<EventRow>(
        `SELECT id::text, workspace, table_name, op, old_row, new_row, actor, depth, chain FROM "trellis"."workflow_event"
          WHERE error IS NULL ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`,
      );
      seen.push(...events.map((e) => e.id));
      if (events.length === 0) return { events: 0, runs: 0 };
      const runs: NewRun[] = [];
      const groups = new Map<string, EventRow[]>();
      for (const event of events) {
        const key = `${event.workspace}.${event.table_name}`;
        groups.set(key, [...(groups.get(key) ?? []), event]);
      }
      const users = new Map<string, RuleUser | null>();
      for (const group of groups.values()) runs.push(...(await this.dispatchGroup(client, group, users)));
      const inserted = await insertRuns(client, runs, this.options.clock());
      await client.query(`DELETE FROM "trellis"."workflow_event" WHERE id = ANY($1::bigint[])`, [events.map((e) => e.id)]);
      if (inserted.size > 0) await client.query(`SELECT pg_notify('trellis_workflow', 'run')`);
      return { events: events.length, runs: inserted.size };
    });
  }

  /** The runs for events of one table (same workspace and entity). */
  private async dispatchGroup(client: pg.PoolClient, events: EventRow[], users: Map<string, RuleUser | null>): Promise<NewRun[]> {
    const { workspace, table_name } = events[0]!;
    const published = await this.catalog.current(workspace);
    const entityName = Object.keys(published.document.entities).find((name) => tableName(name) === table_name);
    const workflows = entityName ? watchingWorkflows(published.document).get(entityName) : undefined;
    if (!entityName || !workflows) return []; // nothing watches this table any more
    const entity = dataModelOf(published.document, workspace).entities.get(entityName)!;
    const news = await recordValuesOfRows(client, entity, events.map((e) => e.new_row));
    const olds = await recordValuesOfRows(client, entity, events.map((e) => e.old_row));
    const now = this.options.clock();
    const runs: NewRun[] = [];
    for (const [i, event] of events.entries()) {
      const record = news[i] ?? null;
      const previous = olds[i] ?? null;
      for (const [name, definition] of workflows) {
        if (definition.trigger.type === 'dateRelative') {
          await this.retime(client, workspace, name, definition, event.op, record, previous);
          continue;
        }
        if (!recordEventMatches(definition.trigger, event.op, event.op === 'delete' ? previous : record, event.op === 'update' ? previous : null)) continue;
        const user = await triggerUser(client, event.actor, users);
        const run = this.newRun(workspace, name, definition, published.versions.get(name) ?? 1, event, {
          record: event.op === 'delete' ? previous : record,
          previous: event.op === 'update' ? previous : null,
          user,
          now,
        });
        if (run) runs.push(run);
      }
    }
    return runs;
  }

  /** A run for one event, dead when the loop guard stops it or its condition cannot be evaluated; null when the condition is false. */
  private newRun(
    workspace: string,
    name: string,
    definition: WorkflowDefinition,
    version: number,
    event: EventRow,
    values: { record: RecordValues | null; previous: RecordValues | null; user: RuleUser | null; now: Date },
  ): NewRun | null {
    const context = workflowContext({ trigger: { type: definition.trigger.type }, ...values });
    const depth = event.depth + 1;
    const chain = [...event.chain, name];
    const maxDepth = definition.maxDepth ?? DEFAULT_MAX_DEPTH;
    const run: NewRun = {
      workspace,
      workflow: name,
      version,
      definition,
      triggerType: definition.trigger.type,
      entity: (definition.trigger as { entity: string }).entity,
      recordId: (values.record?.['id'] as string | undefined) ?? null,
      triggerKey: `event:${event.id}`,
      context,
      depth,
      chain,
      actor: event.actor,
      runAt: values.now,
    };
    if (depth > maxDepth) {
      const message = `Loop guard: this run would start ${depth} levels deep (maxDepth ${maxDepth}) through ${chain.join(' → ')}. A workflow's writes trigger it again: add a condition that stops the loop, or raise maxDepth.`;
      return { ...run, status: 'dead', error: { code: 'LOOP_GUARD', message } };
    }
    try {
      if (!conditionHolds(definition, context)) return null;
    } catch (error) {
      return { ...run, status: 'dead', error: { code: 'CONDITION_FAILED', message: `The condition could not be evaluated: ${errorMessage(error)}` } };
    }
    return run;
  }

  /** Sets the record's timer when its date field was written (removes it when the record is deleted or the date cleared). */
  private async retime(
    client: pg.PoolClient,
    workspace: string,
    name: string,
    definition: WorkflowDefinition,
    op: RecordOperation,
    record: RecordValues | null,
    previous: RecordValues | null,
  ): Promise<void> {
    if (definition.trigger.type !== 'dateRelative') return;
    const { field, entity } = definition.trigger;
    const id = ((record ?? previous)?.['id'] as string | undefined) ?? null;
    if (!id) return;
    if (op === 'delete') return setTimer(client, workspace, name, entity, id, null);
    const value = record?.[field];
    if (op === 'update' && value === previous?.[field]) return;
    const fireAt = dateRelativeFireAt(definition.trigger, typeof value === 'string' ? value : null, this.options.timeZone);
    await setTimer(client, workspace, name, entity, id, fireAt && fireAt > this.options.clock() ? fireAt : null);
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
