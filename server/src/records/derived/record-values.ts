/**
 * Records as formulas see them (the rule context's `record`): keyed by field name, scalars read as the API reads
 * them (dates `YYYY-MM-DD`, instants ISO UTC, compound values as objects), a manyToOne as the related id, a
 * manyToMany as the sorted list of linked ids; oneToMany left out. Loaded in batches, optionally locked; and
 * written values put into the same shape before they are stored (so a formula gives the same on create as
 * when it is recomputed later from the stored row).
 */
import { roundHalfAway } from '@trellis/runtime';
import type pg from 'pg';
import { scalarRead } from '../compile-select.js';
import type { EntityModel, ScalarFieldModel } from '../data-model.js';
import { prepared } from '../prepared.js';
import { jsonObject, quoteIdent } from '../sql.js';

/** A pg client or pool. */
export type Queryable = Pick<pg.ClientBase, 'query'>;

export type RowValues = Record<string, unknown>;
export type LockMode = 'update' | 'share' | null;

const LOCKS = { update: ' FOR UPDATE OF t', share: ' FOR SHARE OF t' } as const;
const cache = new WeakMap<EntityModel, Map<string, string>>();

/** `SELECT id, <values> FROM table t WHERE id = ANY($1) ORDER BY id [FOR UPDATE|SHARE]`; lists = manyToMany id lists. */
function valuesSql(entity: EntityModel, lock: LockMode, lists: boolean): string {
  let perEntity = cache.get(entity);
  if (!perEntity) cache.set(entity, (perEntity = new Map()));
  const key = `${lock}:${lists}`;
  let text = perEntity.get(key);
  if (text === undefined) {
    const pairs: [string, string][] = [];
    for (const field of entity.fields.values()) {
      if (field.kind === 'scalar') pairs.push([field.name, scalarRead(field, 't')]);
      else if (field.kind === 'manyToOne') pairs.push([field.name, `t.${quoteIdent(field.column)}`]);
      else if (field.kind === 'manyToMany' && lists) {
        const other = quoteIdent(field.otherColumn);
        pairs.push([field.name, `coalesce((SELECT json_agg(j.${other} ORDER BY j.${other}) FROM ${field.junction} j WHERE j.${quoteIdent(field.selfColumn)} = t."id"), '[]'::json)`]);
      }
    }
    text = `SELECT t."id" AS id, ${jsonObject(pairs)} AS r FROM ${entity.table} t WHERE t."id" = ANY($1::uuid[]) ORDER BY t."id"${lock ? LOCKS[lock] : ''}`;
    perEntity.set(key, text);
  }
  return text;
}

/** The values of the rows with these ids (missing ids are absent from the map), locked as asked, in id order. */
export async function loadRowValues(client: Queryable, entity: EntityModel, ids: Iterable<string>, lock: LockMode, lists = false): Promise<Map<string, RowValues>> {
  const list = [...new Set(ids)];
  const found = new Map<string, RowValues>();
  if (list.length === 0) return found;
  // A statement that waited for a row lock still reads other tables as of its start: link lists read in the
  // locking statement could miss a link committed while it waited. So lock first, then read in a new statement.
  if (lock && lists) await lockRows(client, entity, list, lock);
  const result = await client.query<{ id: string; r: RowValues }>(prepared(valuesSql(entity, lists ? null : lock, lists), [list]));
  for (const row of result.rows) found.set(row.id, row.r);
  return found;
}

/** Locks rows of `entity` in id order (the same order everywhere, so two writers never wait on each other in a circle). */
export async function lockRows(client: Queryable, entity: EntityModel, ids: Iterable<string>, mode: 'update' | 'share'): Promise<void> {
  const list = [...new Set(ids)].sort();
  if (list.length === 0) return;
  await client.query(prepared(`SELECT 1 FROM ${entity.table} t WHERE t."id" = ANY($1::uuid[]) ORDER BY t."id"${LOCKS[mode]}`, [list]));
}

const SCALE = /^numeric\(\s*\d+\s*,\s*(\d+)\s*\)$/i;
const unquote = (literal: string): string | undefined => /^'((?:[^']|'')*)'$/.exec(literal)?.[1]?.replace(/''/g, "'");

/** A written scalar value as the database will give it back: numbers rounded to the column's scale, instants in UTC, default parts filled in. */
function storedShape(field: ScalarFieldModel, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  const [main, ...parts] = field.columns;
  if (!main) return value;
  if (parts.length === 0) return columnShape(main.sqlType, value);
  if (typeof value !== 'object') return value;
  const object: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const column of field.columns) {
    const key = column.key!;
    if ((object[key] === undefined || object[key] === null) && column.fallback !== undefined) object[key] = unquote(column.fallback) ?? null;
    else object[key] = columnShape(column.sqlType, object[key]);
  }
  return object;
}

function columnShape(sqlType: string, value: unknown): unknown {
  const type = sqlType.toLowerCase();
  if (typeof value === 'number') {
    const scale = SCALE.exec(type);
    return scale ? roundHalfAway(value, Number(scale[1])) : value;
  }
  if (typeof value === 'string' && type === 'timestamptz') {
    const instant = new Date(value);
    return Number.isNaN(instant.getTime()) ? value : instant.toISOString();
  }
  return value;
}

/** `values` (a create's complete row or an update's changes, already validated) in the shape stored rows are read in. */
export function asStoredValues(entity: EntityModel, values: RowValues): RowValues {
  const shaped: RowValues = {};
  for (const [name, value] of Object.entries(values)) {
    const field = entity.fields.get(name);
    if (field?.kind === 'scalar') shaped[name] = storedShape(field, value);
    else if (field?.kind === 'manyToMany') shaped[name] = Array.isArray(value) ? [...new Set(value as string[])].sort() : [];
    else shaped[name] = value;
  }
  return shaped;
}
