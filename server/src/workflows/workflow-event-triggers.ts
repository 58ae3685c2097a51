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

/** Installs the trigger where it is needed and drops it where it is not; returns the tables changed. */
export async function syncEventTriggers(client: Queryable, schema: string, document: MetadataDocument): Promise<string[]> {
  const wanted = new Set([...watchingWorkflows(document).keys()].map((entity) => tableName(entity)));
  const { rows } = await client.query<{ table: string; has_trigger: boolean }>(
    `SELECT c.relname AS table, EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = $2) AS has_trigger
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = 'r'`,
    [schema, EVENT_TRIGGER],
  );
  const changed: string[] = [];
  for (const { table, has_trigger } of rows) {
    const qualified = `${quoteIdent(schema)}.${quoteIdent(table)}`;
    if (wanted.has(table) && !has_trigger) {
      await client.query(
        `CREATE TRIGGER ${quoteIdent(EVENT_TRIGGER)} AFTER INSERT OR UPDATE OR DELETE ON ${qualified} FOR EACH ROW EXECUTE FUNCTION "trellis"."workflow_event"()`,
      );
      changed.push(table);
    } else if (!wanted.has(table) && has_trigger) {
      await client.query(`DROP TRIGGER ${quoteIdent(EVENT_TRIGGER)} ON ${qualified}`);
      changed.push(table);
    }
  }
  return changed;
}
