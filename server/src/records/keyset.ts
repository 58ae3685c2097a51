/**
 * Ordering and keyset pagination. Every order ends with `id` as tie-breaker; ASC sorts NULLS LAST and
 * DESC NULLS FIRST (Postgres's defaults). A cursor is base64url JSON of the row's sort key values as
 * Postgres text (exact: no float or millisecond rounding), compared back with casts to the column type.
 */
import type { EntityModel, ScalarFieldModel } from './data-model.js';
import { badUserInput } from './record-errors.js';
import { quoteIdent, type SqlParams } from './sql.js';
import type { RecordAccess } from '../permissions/record-access.js';

export interface OrderByInput {
  field: string;
  direction?: 'ASC' | 'DESC' | null;
}

export interface SortKey {
  /** Column expression, e.g. `t0."name"`. */
  ref: string;
  sqlType: string;
  desc: boolean;
  /** False for `id`: no NULL cases to consider. */
  nullable: boolean;
}

/** The sort keys of an order: the requested fields' main columns, then `id` (unless already ordered by). */
export function sortKeys(entity: EntityModel, orderBy: OrderByInput[] | null | undefined, alias: string, access?: RecordAccess): SortKey[] {
  const keys: SortKey[] = [];
  for (const item of orderBy ?? []) {
    if (item === null || typeof item !== 'object') throw badUserInput(`Invalid orderBy on ${entity.name}`);
    const field = entity.fields.get(item.field);
    if (!field || field.kind !== 'scalar' || !field.sortable) {
      throw badUserInput(`Cannot sort ${entity.name} by "${String(item.field)}"`);
    }
    access?.assertField(entity, field.name, 'sort'); // sorting by a hidden field would leak its order
    const direction = item.direction ?? 'ASC';
    if (direction !== 'ASC' && direction !== 'DESC') throw badUserInput(`Invalid sort direction "${String(direction)}"`);
    const main = (field as ScalarFieldModel).columns[0]!;
    const nullable = field.name !== 'id';
    keys.push({ ref: `${alias}.${quoteIdent(main.column)}`, sqlType: main.sqlType, desc: direction === 'DESC', nullable });
    if (field.name === 'id') return keys; // unique: later keys never decide anything
  }
  keys.push({ ref: `${alias}."id"`, sqlType: 'uuid', desc: false, nullable: false });
  return keys;
}

/** `ref ASC NULLS LAST` / `ref DESC NULLS FIRST`, or the exact reverse when paginating backward. */
export function orderTerm(key: SortKey, reverse: boolean): string {
  const desc = key.desc !== reverse;
  return `${key.ref} ${desc ? 'DESC NULLS FIRST' : 'ASC NULLS LAST'}`;
}

/**
 * Rows strictly after (or before) the cursor row in the order of `keys`, NULL-safe:
 * `A1 OR (E1 AND (A2 OR (E2 AND … Ak)))` where Ai = "after on key i", Ei = "equal on key i".
 */
export function keysetCondition(params: SqlParams, keys: SortKey[], values: (string | null)[], side: 'after' | 'before'): string {
  const placeholders = keys.map((key, i) => (values[i] == null ? null : `${params.add(values[i])}::${key.sqlType}`));
  let condition = '';
  for (let i = keys.length - 1; i >= 0; i--) {
    const key = keys[i]!;
    const param = placeholders[i]!;
    // "before" in this order is "after" in the reversed order (ASC NULLS LAST ⇄ DESC NULLS FIRST).
    const after = beyond(key, param, side === 'after' ? key.desc : !key.desc);
    if (i === keys.length - 1) {
      condition = after;
    } else {
      const equal = param === null ? `${key.ref} IS NULL` : `${key.ref} = ${param}`;
      condition = after === 'FALSE' ? `(${equal} AND ${condition})` : `(${after} OR (${equal} AND ${condition}))`;
    }
  }
  return condition;
}

/** Rows past `param` on one key, in an order that is DESC NULLS FIRST (`desc`) or ASC NULLS LAST. */
function beyond(key: SortKey, param: string | null, desc: boolean): string {
  const ref = key.ref;
  if (desc) return param === null ? `${ref} IS NOT NULL` : `${ref} < ${param}`;
  if (param === null) return 'FALSE';
  return key.nullable ? `(${ref} > ${param} OR ${ref} IS NULL)` : `${ref} > ${param}`;
}

export function encodeCursor(values: (string | null)[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The sort key values of a cursor; BAD_USER_INPUT unless it is one of ours for an order of `length` keys. */
export function decodeCursor(cursor: string, length: number): (string | null)[] {
  let values: unknown;
  try {
    if (typeof cursor !== 'string' || !/^[A-Za-z0-9_-]*$/.test(cursor)) throw new Error('not base64url');
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badUserInput('Invalid cursor');
  }
  if (
    !Array.isArray(values) ||
    values.length !== length ||
    !values.every((v) => v === null || typeof v === 'string') ||
    !(typeof values[length - 1] === 'string' && UUID.test(values[length - 1] as string))
  ) {
    throw badUserInput('Invalid cursor (or a cursor from a list with another order)');
  }
  return values as (string | null)[];
}
