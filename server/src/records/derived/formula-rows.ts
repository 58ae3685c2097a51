/**
 * Formulas of stored rows: the related records they read through manyToOne relations (ids to lock, then their
 * values), and the formula values that differ from the stored ones. A formula that fails for a row fails the
 * whole write, naming the formula and the record (fail closed).
 */
import { FORMULA_RULE, RECORD_FIELD, computeFormulas, type RelatedRecords } from '@trellis/runtime';
import type { DataModel, EntityModel } from '../data-model.js';
import { validationFailed } from '../record-errors.js';
import { idsOf, sameStored } from './derived-changes.js';
import type { EntityDerived } from './derived-model.js';
import { loadRowValues, type Queryable, type RowValues } from './record-values.js';

/** The records the formulas of `rows` read through their manyToOne relations (to lock FOR SHARE). */
export function relatedIds(model: DataModel, derived: EntityDerived, rows: RowValues[]): Map<EntityModel, Set<string>> {
  const share = new Map<EntityModel, Set<string>>();
  for (const relation of derived.formulaRelations) {
    const target = model.entities.get(relation.target)!;
    if (!share.has(target)) share.set(target, new Set());
    for (const row of rows) for (const id of idsOf(row[relation.name])) share.get(target)!.add(id);
  }
  return share;
}

/** Per row, the records its formulas read through manyToOne relations (null when the relation is empty). */
export async function loadRelated(client: Queryable, model: DataModel, derived: EntityDerived, rows: RowValues[]): Promise<RelatedRecords[]> {
  const related: RelatedRecords[] = rows.map(() => ({}));
  for (const relation of derived.formulaRelations) {
    const target = model.entities.get(relation.target)!;
    const found = await loadRowValues(client, target, rows.flatMap((row) => idsOf(row[relation.name])), null);
    rows.forEach((row, i) => {
      const id = row[relation.name];
      related[i]![relation.name] = typeof id === 'string' ? (found.get(id) ?? null) : null;
    });
  }
  return related;
}

/**
 * The formula values of stored `rows` that change: objects `{ id, <formula>: value }` (only changed formulas),
 * and the names of the formulas that changed anywhere. `only`: look at this formula alone (a publish step).
 */
export function formulaUpdates(model: DataModel, derived: EntityDerived, rows: RowValues[], related: RelatedRecords[], only?: string): { updates: RowValues[]; fields: Set<string> } {
  const entity = derived.entity;
  const updates: RowValues[] = [];
  const fields = new Set<string>();
  const formulas = only === undefined ? derived.formulas : derived.formulas.filter((f) => f.compiled.name === only);
  rows.forEach((row, i) => {
    const result = computeFormulas(model.document, entity.name, row, related[i]);
    const errors = only === undefined ? result.errors : result.errors.filter((e) => e.field === only);
    if (errors.length > 0) {
      const where = ` (${entity.label.toLowerCase()} ${String(row['id'])})`;
      throw validationFailed(errors.map((e) => ({ field: RECORD_FIELD, message: e.message + where, rule: FORMULA_RULE })));
    }
    const update: RowValues = {};
    for (const formula of formulas) {
      const value = result.values[formula.compiled.name] ?? null;
      if (sameStored(row[formula.compiled.name], value, formula.field)) continue;
      update[formula.compiled.name] = value;
      fields.add(formula.compiled.name);
    }
    if (Object.keys(update).length > 0) updates.push({ ...update, id: row['id'] });
  });
  return { updates, fields };
}
