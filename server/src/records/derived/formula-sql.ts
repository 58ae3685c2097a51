/**
 * The statement that stores recomputed formula values of many rows at once: `$1` is a JSON array of objects
 * `{ id, <formula>: value, … }`; a row whose object lacks a formula's key keeps that column as it is.
 */
import type { EntityModel, ScalarFieldModel } from '../data-model.js';
import { quoteIdent, quoteLiteral } from '../sql.js';

export function compileFormulaUpdate(entity: EntityModel, formulas: ScalarFieldModel[]): string {
  const sets = formulas.map((f) => {
    const column = quoteIdent(f.columns[0]!.column);
    const key = quoteLiteral(f.name);
    return `${column} = CASE WHEN v.r ? ${key} THEN (v.r ->> ${key})::${f.columns[0]!.sqlType} ELSE t.${column} END`;
  });
  return (
    `UPDATE ${entity.table} t SET ${sets.join(', ')}` +
    ` FROM (SELECT (e ->> 'id')::uuid AS id, e AS r FROM jsonb_array_elements($1::jsonb) e) v WHERE t."id" = v.id`
  );
}
