/**
 * The two steps every record write path shares after its INSERT/UPDATE: replacing manyToMany link sets, and
 * reading the written records back in the caller's selection (one statement).
 */
import { compileGetMany, type CompileOptions, type RecordSelection } from './compile-select.js';
import { compileLinkReplace, type LinkSets } from './compile-write.js';
import { entityOf, type DataModel } from './data-model.js';
import { defaultSelection } from './default-selection.js';
import { prepared } from './prepared.js';
import type { Queryable } from './record.service.js';

/** Sets (replace) or adds (bulk create) the manyToMany links of each written row, one statement per field. */
export async function replaceLinks(client: Queryable, rows: { id: string; links: LinkSets }[], replace: boolean): Promise<void> {
  const byField = new Map<Parameters<typeof compileLinkReplace>[0], { id: string; targets: string[] }[]>();
  for (const row of rows) {
    for (const [field, targets] of row.links) {
      if (!byField.has(field)) byField.set(field, []);
      byField.get(field)!.push({ id: row.id, targets });
    }
  }
  for (const [field, sets] of byField) {
    for (const statement of compileLinkReplace(field, sets, replace)) await client.query(statement.text, statement.values);
  }
}

/** The records `ids` of `entity` as the API returns them, in `ids` order. */
export async function readBack<T = Record<string, unknown>>(
  client: Queryable,
  model: DataModel,
  entity: string,
  ids: string[],
  selection?: RecordSelection,
  compile?: CompileOptions,
): Promise<T[]> {
  const sql = compileGetMany(model, entity, ids, selection ?? defaultSelection(entityOf(model, entity), compile?.access), compile);
  const result = await client.query(prepared(sql.text, sql.values));
  return result.rows.map((row: Record<string, unknown>) => row['r'] as T);
}
