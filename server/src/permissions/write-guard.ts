/**
 * What a record write must pass, from the same `RecordAccess` the reads use:
 * - before any SQL: the object right (create / update / delete) and the field rights of the values written;
 * - in the UPDATE / DELETE itself: the row must be within the writer's update / delete scope (`rowGuard`);
 * - in the statement reading the written rows back: each must still be within the writer's read scope unless
 *   their roles may transfer records (compile-select's `written` check).
 * A write that touched no row is then explained: NOT_FOUND when the writer cannot see the record at all (its
 * existence is not revealed), FORBIDDEN when they can see it but not change it.
 */
import type { GraphQLError } from 'graphql';
import type { RowGuard } from '../records/compile-write.js';
import type { DataModel, EntityModel } from '../records/data-model.js';
import { notFound } from '../records/record-errors.js';
import { AliasSource, SqlParams } from '../records/sql.js';
import { forbidden } from './forbidden.js';
import type { RecordAccess, ScopeOperation } from './record-access.js';

type Queryable = { query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> };

const OPERATION_WORDS = { read: 'read', create: 'create', update: 'change', delete: 'delete' } as const;

/** FORBIDDEN unless the actor's roles grant `op` on the entity (for some records, for read / update / delete). */
export function assertOperation(access: RecordAccess | undefined, entity: EntityModel, op: 'read' | 'create' | 'update' | 'delete'): void {
  if (!access || access.unrestricted) return;
  const rights = access.entity(entity);
  const granted = op === 'create' ? rights.create : rights[op].length > 0;
  if (granted) return;
  const plural = (entity.def.pluralLabel ?? entity.label).toLowerCase();
  throw forbidden(`Your roles do not allow you to ${OPERATION_WORDS[op]} ${plural}.`, { entity: entity.name, operation: op });
}

/** FORBIDDEN for the first written field the actor may not write (hidden or read-only for them). */
export function assertWritableFields(access: RecordAccess | undefined, entity: EntityModel, rows: Record<string, unknown>[]): void {
  if (!access || access.unrestricted) return;
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (row[key] === undefined || !entity.fields.has(key)) continue; // unknown fields get their own error later
      access.assertField(entity, key, 'write');
    }
  }
}

/** The UPDATE / DELETE row condition: the writer's update or delete scope (none for unrestricted access). */
export function rowGuard(access: RecordAccess | undefined, model: DataModel, entity: EntityModel, op: 'update' | 'delete'): RowGuard | undefined {
  if (!access || access.unrestricted) return undefined;
  return (params: SqlParams, alias: string) => access.scopeSql({ model, params, aliases: new AliasSource() }, entity, op, alias);
}

/** Why an update / delete of `id` touched no row: NOT_FOUND (absent or invisible) or FORBIDDEN (visible, not writable). */
export async function missingRowError(
  client: Queryable,
  access: RecordAccess | undefined,
  model: DataModel,
  entity: EntityModel,
  id: string,
  op: Exclude<ScopeOperation, 'read'>,
): Promise<GraphQLError> {
  const absent = notFound(`No ${entity.label.toLowerCase()} with id ${id}`);
  if (!access || access.unrestricted) return absent;
  const params = new SqlParams([id]);
  const visible = access.scopeSql({ model, params, aliases: new AliasSource() }, entity, 'read', 't');
  const { rows } = await client.query(`SELECT ${visible} AS visible FROM ${entity.table} t WHERE t."id" = $1`, params.values);
  if (rows.length === 0 || rows[0]!['visible'] !== true) return absent;
  return forbidden(`You may see this ${entity.label.toLowerCase()} but your roles do not allow you to ${OPERATION_WORDS[op]} it.`, {
    entity: entity.name,
    operation: op,
  });
}
