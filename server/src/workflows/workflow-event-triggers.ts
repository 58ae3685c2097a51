/**
 * The outbox row trigger (`trellis_workflow_event`, function in the workflows migration) sits only on the
 * tables of entities that active after-save record, field-changed or date-relative workflows watch: other
 * tables pay nothing per write. Synced inside every publish and once at start-up; only tables whose state
 * differs are altered (CREATE/DROP TRIGGER takes a lock that stalls the table's writers).
 */
import type pg from 'pg';
import { tableName, type MetadataDocument, type WorkflowDefinition } from '@trellis/metadata';
import { quoteIdent } from '../records/sql.js';

type Queryable = Pick<pg.ClientBase, 'query'>;

export const EVENT_TRIGGER = 'trellis_workflow_event';

const RECORD_TRIGGERS = new Set(['recordCreated', 'recordUpdated', 'recordDeleted', 'fieldChanged', 'dateRelative']);

/** Whether a workflow is triggered by the durable queue (active, after-save). */
export function isActive(definition: WorkflowDefinition): boolean {
  return definition.active !== false;
}

/** The after-save workflows that record writes feed (through the outbox), by entity. */
export function watchingWorkflows(document: MetadataDocument): Map<string, [string, WorkflowDefinition][]> {
  const byEntity = new Map<string, [string, WorkflowDefinition][]>();
  for (const [name, definition] of Object.entries(document.workflows ?? {})) {
    if (!isActive(definition) || definition.timing === 'beforeSave' || !RECORD_TRIGGERS.has(definition.trigger.type)) continue;
    const entity = (definition.trigger as { entity: string }).entity;
    if (!document.entities[entity]) continue;
    const list = byEntity.get(entity) ?? [];
    list.push([name, definition]);
    byEntity.set(entity, list);
  }
  return byEntity;
}

/** pg_trigger.tgtype bits of the row events (src/include/catalog/pg_trigger.h). */
const EVENT_BITS = { INSERT: 4, DELETE: 8, UPDATE: 16 } as const;
type RowEvent = keyof typeof EVENT_BITS;

/** The row events each trigger type needs: a table watched only for creations pays nothing on its updates. */
const EVENTS_OF: Record<string, RowEvent[]> = {
  recordCreated: ['INSERT'],
  recordUpdated: ['UPDATE'],
  fieldChanged: ['UPDATE'],
  recordDeleted: ['DELETE'],
  dateRelative: ['INSERT', 'UPDATE', 'DELETE'],
};

/** Per table, the row events its workflows need (as tgtype bits). */
function wantedEvents(document: MetadataDocument): Map<string, number> {
  const wanted = new Map<string, number>();
  for (const [entity, workflows] of watchingWorkflows(document)) {
    let bits = 0;
    for (const [, definition] of workflows) for (const event of EVENTS_OF[definition.trigger.type] ?? []) bits |= EVENT_BITS[event];
    wanted.set(tableName(entity), bits);
  }
  return wanted;
}

/** Installs the trigger where it is needed (for the row events needed) and drops it where it is not; returns the tables changed. */
export async function syncEventTriggers(client: Queryable, schema: string, document: MetadataDocument): Promise<string[]> {
  const wanted = wantedEvents(document);
  const { rows } = await client.query<{ table: string; tgtype: number | null }>(
    `SELECT c.relname AS table, (SELECT t.tgtype FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = $2) AS tgtype
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = 'r'`,
    [schema, EVENT_TRIGGER],
  );
  const all = EVENT_BITS.INSERT | EVENT_BITS.UPDATE | EVENT_BITS.DELETE;
  const changed: string[] = [];
  for (const { table, tgtype } of rows) {
    const qualified = `${quoteIdent(schema)}.${quoteIdent(table)}`;
    const want = wanted.get(table) ?? 0;
    const has = tgtype === null ? 0 : tgtype & all;
    if (want === has) continue;
    if (tgtype !== null) await client.query(`DROP TRIGGER ${quoteIdent(EVENT_TRIGGER)} ON ${qualified}`);
    if (want !== 0) {
      const events = (Object.keys(EVENT_BITS) as RowEvent[]).filter((event) => want & EVENT_BITS[event]).join(' OR ');
      await client.query(`CREATE TRIGGER ${quoteIdent(EVENT_TRIGGER)} AFTER ${events} ON ${qualified} FOR EACH ROW EXECUTE FUNCTION "trellis"."workflow_event"()`);
    }
    changed.push(table);
  }
  return changed;
}
