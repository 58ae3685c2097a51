/**
 * Reads a record's history (written by the row trigger, see the audit migration) for someone who may read the
 * record: changes are keyed by field name, composite values put back together, and fields hidden from the
 * reader left out — the history must not show what the record page would not.
 */
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../common/request-context.js';
import { DatabaseService } from '../database/database.service.js';
import { entityOf, type EntityModel } from '../records/data-model.js';
import { badUserInput, notFound } from '../records/record-errors.js';
import { RecordService } from '../records/record.service.js';
import { actorNames } from '../auth/actor-names.js';

export interface FieldChange {
  from: unknown;
  to: unknown;
}

export interface RecordChangeEntry {
  id: string;
  at: Date;
  action: 'create' | 'update' | 'delete';
  actor: string;
  actorName: string | null;
  source: string;
  changes: Record<string, FieldChange>;
}

interface HistoryRow {
  id: string;
  at: Date;
  action: RecordChangeEntry['action'];
  actor: string;
  source: string;
  changes: Record<string, [unknown, unknown]>;
}

export const MAX_HISTORY_PAGE = 200;

@Injectable()
export class RecordHistoryService {
  constructor(
    private readonly database: DatabaseService,
    private readonly records: RecordService,
  ) {}

  /** Newest first; `before` = the id of the last entry of the previous page. */
  async history(ctx: RequestContext, entity: string, id: string, first = 50, before?: string | null): Promise<RecordChangeEntry[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_HISTORY_PAGE) throw badUserInput(`"first" must be between 1 and ${MAX_HISTORY_PAGE}`);
    if (before != null && !/^\d+$/.test(before)) throw badUserInput(`"before" must be the id of a history entry`);
    const model = await this.records.model(ctx);
    const e = entityOf(model, entity);
    const visible = await this.records.get(ctx, entity, id, { selection: { fields: [{ key: 'id', field: 'id' }] } });
    if (!visible) throw notFound(`No ${e.label.toLowerCase()} with id ${id}`);
    const { rows } = await this.database.pool.query<HistoryRow>(
      `SELECT id::text, at, action, actor, source, changes FROM "trellis"."record_history"
        WHERE table_oid = $1::text::regclass AND record_id = $2 ${before != null ? 'AND id < $4::bigint' : ''}
        ORDER BY id DESC LIMIT $3`,
      before != null ? [e.table, id, first, before] : [e.table, id, first],
    );
    const access = this.records.compileOptions(ctx, model).access;
    const fieldOf = columnFields(e);
    const names = await actorNames(this.database.pool, rows.map((r) => r.actor));
    return rows.map((row) => ({
      id: row.id,
      at: row.at,
      action: row.action,
      actor: row.actor,
      actorName: names.get(row.actor) ?? null,
      source: row.source,
      changes: fieldChanges(row.changes, fieldOf, (field) => access?.fieldAccess(e, field) !== 'hidden'),
    }));
  }
}

/** column → [field, part key (a composite value's property) or null]. */
function columnFields(entity: EntityModel): Map<string, [string, string | null]> {
  const map = new Map<string, [string, string | null]>();
  for (const field of entity.fields.values()) {
    if (field.kind === 'scalar') {
      const composite = field.columns.length > 1;
      for (const column of field.columns) map.set(column.column, [field.name, composite ? column.key : null]);
    } else if (field.kind === 'manyToOne') {
      map.set(field.column, [field.name, null]);
    }
  }
  return map;
}

/** The trigger's `{ column: [old, new] }` as `{ field: { from, to } }` for the fields `shown`. */
export function fieldChanges(
  raw: Record<string, [unknown, unknown]>,
  fieldOf: Map<string, [string, string | null]>,
  shown: (field: string) => boolean,
): Record<string, FieldChange> {
  const out: Record<string, FieldChange> = {};
  for (const [column, [from, to]] of Object.entries(raw)) {
    // A column no current field owns (renamed or removed since): shown under its column name.
    const [field, part] = fieldOf.get(column) ?? [column, null];
    if (!shown(field)) continue;
    if (part === null) {
      out[field] = { from, to };
      continue;
    }
    const change = (out[field] ??= { from: {}, to: {} }) as { from: Record<string, unknown>; to: Record<string, unknown> };
    change.from[part] = from;
    change.to[part] = to;
  }
  return out;
}
