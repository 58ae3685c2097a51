/**
 * What an uninstall would take away: the rows of each entity that goes, and the non-empty values of each field
 * that goes from an entity that stays (stored columns only: formulas and toMany relations hold no data of their own).
 */
import { columnName, fieldColumns, tableName, type MetadataDocument } from '@trellis/metadata';
import type { Queryable } from '../records/record.service.js';

export interface DataLoss {
  /** Rows per removed entity. */
  entities: Record<string, number>;
  /** Non-empty values per removed field, `entity.field`. */
  fields: Record<string, number>;
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export async function countDataLoss(
  db: Queryable,
  workspace: string,
  document: MetadataDocument,
  removal: { removedEntities: string[]; removedFields: string[] },
): Promise<DataLoss> {
  const loss: DataLoss = { entities: {}, fields: {} };
  for (const entity of removal.removedEntities) {
    loss.entities[entity] = await count(db, `SELECT count(*)::int AS n FROM ${quote(workspace)}.${quote(tableName(entity))}`);
  }
  for (const key of removal.removedFields) {
    const [entity, field] = key.split('.') as [string, string];
    const definition = document.entities[entity]?.fields[field];
    const columns = definition ? safeColumns(field, definition) : [];
    if (columns.length === 0) continue;
    const condition = columns.map((c) => `${quote(c)} IS NOT NULL`).join(' OR ');
    loss.fields[key] = await count(db, `SELECT count(*)::int AS n FROM ${quote(workspace)}.${quote(tableName(entity))} WHERE ${condition}`);
  }
  return loss;
}

function safeColumns(field: string, definition: Parameters<typeof fieldColumns>[1]): string[] {
  try {
    return fieldColumns(field, definition).map((c) => c.name);
  } catch {
    return [columnName(field)];
  }
}

/** A count, or 0 when the table or column is not there (never created, or already set aside). */
async function count(db: Queryable, sql: string): Promise<number> {
  try {
    const { rows } = await db.query<{ n: number }>(sql);
    return rows[0]?.n ?? 0;
  } catch {
    return 0;
  }
}
