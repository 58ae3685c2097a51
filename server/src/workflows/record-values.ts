/**
 * Records as workflows see them: values keyed by field name, read like the API reads them (dates
 * `YYYY-MM-DD`, instants ISO UTC, composite values as objects, manyToOne = the related id, manyToMany = the
 * linked ids) — the same shape as the rule context's `record`. The outbox holds rows keyed by column
 * (`to_jsonb(NEW)`): they are turned back into rows of the table's type in SQL, then read with the record
 * layer's own column readers, so a value means the same in a workflow, a rule and the API.
 */
import type { RecordValues } from '@trellis/runtime';
import type pg from 'pg';
import { scalarRead } from '../records/compile-select.js';
import type { EntityModel } from '../records/data-model.js';
import { jsonObject, quoteIdent } from '../records/sql.js';

type Queryable = Pick<pg.ClientBase, 'query'>;

/** `json_build_object('field', <read of alias's columns>, …)` for every readable field of `entity`. */
function recordJson(entity: EntityModel, alias: string): string {
  const pairs: [string, string][] = [];
  for (const field of entity.fields.values()) {
    if (field.kind === 'scalar') pairs.push([field.name, scalarRead(field, alias)]);
    else if (field.kind === 'manyToOne') pairs.push([field.name, `${alias}.${quoteIdent(field.column)}`]);
    else if (field.kind === 'manyToMany') {
      const other = quoteIdent(field.otherColumn);
      pairs.push([
        field.name,
        `coalesce((SELECT json_agg(j.${other} ORDER BY j.${other}) FROM ${field.junction} j WHERE j.${quoteIdent(field.selfColumn)} = ${alias}."id"), '[]'::json)`,
      ]);
    }
  }
  return jsonObject(pairs);
}

/** Column-keyed rows (as `to_jsonb` of the table's rows wrote them) as record values, in the same order. */
export async function recordValuesOfRows(client: Queryable, entity: EntityModel, rows: readonly (Record<string, unknown> | null)[]): Promise<(RecordValues | null)[]> {
  const present = rows.flatMap((row, index) => (row ? [{ index, row }] : []));
  const out: (RecordValues | null)[] = rows.map(() => null);
  if (present.length === 0) return out;
  const { rows: read } = await client.query<{ i: number; r: RecordValues }>(
    `SELECT (e.ord - 1)::int AS i, ${recordJson(entity, 't')} AS r
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(row, ord),
            LATERAL jsonb_populate_record(NULL::${entity.table}, e.row) t`,
    [JSON.stringify(present.map((p) => p.row))],
  );
  for (const { i, r } of read) out[present[i]!.index] = r;
  return out;
}

/** The stored record's values, or null when there is no such record. */
export async function readRecordValues(client: Queryable, entity: EntityModel, id: string): Promise<RecordValues | null> {
  const { rows } = await client.query<{ r: RecordValues }>(`SELECT ${recordJson(entity, 't')} AS r FROM ${entity.table} t WHERE t."id" = $1`, [id]);
  return rows[0]?.r ?? null;
}

/** Values of one field for many records: `[id, value]` (for back-filling date-relative timers). */
export async function readFieldValues(client: Queryable, entity: EntityModel, field: string): Promise<[string, unknown][]> {
  const model = entity.fields.get(field);
  if (!model || model.kind !== 'scalar' || model.columns.length === 0) return [];
  const { rows } = await client.query<{ id: string; v: unknown }>(
    `SELECT t."id"::text AS id, ${scalarRead(model, 't')} AS v FROM ${entity.table} t WHERE t.${quoteIdent(model.columns[0]!.column)} IS NOT NULL`,
  );
  return rows.map((r) => [r.id, r.v]);
}
