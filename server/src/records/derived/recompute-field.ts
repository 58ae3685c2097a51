/**
 * The `recomputeField` step of a publish, inside its transaction after the DDL: the values of one formula or
 * roll-up computed again for every record of its entity with the new document. A formula is evaluated with the
 * runtime (the same code as on every write) in batches of rows in id order, writing only the values that change;
 * a roll-up is one UPDATE. The plan orders these steps so that what a field reads is current before it.
 * A formula that fails for some record fails the publish (fail closed), naming the record.
 */
import type { DataModel } from '../data-model.js';
import { derivedOf } from './derived-model.js';
import { compileFormulaUpdate } from './formula-sql.js';
import { formulaUpdates, loadRelated } from './formula-rows.js';
import { loadRowValues, type Queryable } from './record-values.js';
import { compileRollupBackfill } from './rollup-sql.js';

const BATCH = 500;

/** Recomputes `entity.field` for every row; returns how many rows got a new value. */
export async function recomputeFieldForAll(client: Queryable, model: DataModel, entity: string, field: string): Promise<number> {
  const derived = derivedOf(model, entity);
  const rollup = derived.rollups.find((r) => r.name === field);
  if (rollup) {
    const sql = compileRollupBackfill(model, rollup);
    return (await client.query(sql.text, sql.values)).rowCount ?? 0;
  }
  const formula = derived.formulas.find((f) => f.compiled.name === field);
  if (!formula) throw new Error(`${entity}.${field} is not a formula or roll-up`);
  const update = compileFormulaUpdate(derived.entity, [formula.field]);
  let after = '00000000-0000-0000-0000-000000000000';
  let changed = 0;
  for (;;) {
    const page = await client.query<{ id: string }>(`SELECT "id" FROM ${derived.entity.table} WHERE "id" > $1 ORDER BY "id" LIMIT ${BATCH}`, [after]);
    if (page.rows.length === 0) return changed;
    after = page.rows[page.rows.length - 1]!.id;
    const rows = [...(await loadRowValues(client, derived.entity, page.rows.map((r) => r.id), null, true)).values()];
    // Only this field's own failure counts here: another formula's fails in its own step.
    const { updates } = formulaUpdates(model, derived, rows, await loadRelated(client, model, derived, rows), field);
    if (updates.length === 0) continue;
    await client.query(update, [JSON.stringify(updates)]);
    changed += updates.length;
  }
}
