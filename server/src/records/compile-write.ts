/**
 * Record values → INSERT / UPDATE / junction statements. Values are validated before they get here
 * (runtime's record validator); these functions only place them into columns, as parameters.
 */
import type { EntityModel, ManyToManyFieldModel, ScalarFieldModel } from './data-model.js';
import { isUuid } from './compile-filter.js';
import { badUserInput, validationFailed } from './record-errors.js';
import { SqlParams, quoteIdent, type CompiledSql } from './sql.js';

/** Postgres allows 65535 parameters per statement; bulk inserts are split to stay below. */
const MAX_PARAMS = 60000;

/** One column assignment: the column and a SQL expression made of parameters. */
interface Assignment {
  column: string;
  sql: string;
}

/** The manyToMany sets carried by a write, per field: replaced after the row is written. */
export type LinkSets = Map<ManyToManyFieldModel, string[]>;

/** Splits record values into column assignments and manyToMany link sets. */
export function placeValues(
  entity: EntityModel,
  values: Record<string, unknown>,
  params: SqlParams,
  index?: number,
): { assignments: Assignment[]; links: LinkSets } {
  const assignments: Assignment[] = [];
  const links: LinkSets = new Map();
  for (const key of Object.keys(values)) {
    const value = values[key];
    if (value === undefined) continue;
    const field = entity.fields.get(key);
    if (!field) throw badUserInput(`Unknown field "${key}" on ${entity.name}`);
    switch (field.kind) {
      case 'scalar':
        if (field.system && !field.assignable) throw badUserInput(`Field "${key}" of ${entity.name} is set by the system`);
        if (field.assignable && value !== null && !isUuid(value)) throw invalidId(field.name, value, index);
        assignments.push(...scalarAssignments(field, value, params));
        break;
      case 'manyToOne':
        if (value !== null && !isUuid(value)) throw invalidId(field.name, value, index);
        assignments.push({ column: field.column, sql: params.add(value) });
        break;
      case 'manyToMany': {
        const ids = value === null ? [] : value;
        if (!Array.isArray(ids)) throw validationFailed([{ field: key, message: 'must be a list of record ids', ...at(index) }]);
        for (const id of ids) if (!isUuid(id)) throw invalidId(field.name, id, index);
        links.set(field, [...new Set(ids as string[])]);
        break;
      }
      case 'oneToMany':
        throw badUserInput(`Field "${key}" of ${entity.name} lists the records pointing here and cannot be written`);
    }
  }
  return { assignments, links };
}

function scalarAssignments(field: ScalarFieldModel, value: unknown, params: SqlParams): Assignment[] {
  const [main, ...parts] = field.columns;
  if (!main) return [];
  if (parts.length === 0) {
    const param = value === null ? params.add(null) : params.add(main.sqlType === 'jsonb' ? JSON.stringify(value) : value);
    return [{ column: main.column, sql: param }];
  }
  const object = value === null ? null : (value as Record<string, unknown>);
  return field.columns.map((column) => {
    const part = object === null ? null : (object[column.key!] ?? null);
    const param = params.add(part);
    const sql = object !== null && column.fallback !== undefined ? `COALESCE(${param}, ${column.fallback})` : param;
    return { column: column.column, sql };
  });
}

function invalidId(field: string, value: unknown, index?: number) {
  return validationFailed([{ field, message: `${JSON.stringify(value)} is not a record id`, rule: 'format', ...at(index) }]);
}

const at = (index?: number) => (index === undefined ? {} : { index });

export interface CompiledInsert {
  statements: CompiledSql[];
  /** Link sets per row, same order as the rows. */
  links: LinkSets[];
}

/** Multi-row INSERTs (ids chosen by the caller), split to respect the parameter limit. */
export function compileInsert(entity: EntityModel, rows: Record<string, unknown>[], ids: string[], actor: string): CompiledInsert {
  const bulk = rows.length > 1;
  // First pass: which columns any row sets (and the link sets; bad values throw here).
  const placed = rows.map((row, index) => placeValues(entity, row, new SqlParams(), bulk ? index : undefined));
  const columns = [...new Set(placed.flatMap((p) => p.assignments.map((a) => a.column)))];
  const names = ['id', ...columns, 'created_by', 'updated_by'].map(quoteIdent).join(', ');
  const perRow = placed.reduce((max, p) => Math.max(max, p.assignments.length), 0) + 2;
  const statements: CompiledSql[] = [];
  let params = new SqlParams();
  let tuples: string[] = [];
  const flush = () => {
    if (tuples.length === 0) return;
    statements.push({ text: `INSERT INTO ${entity.table} (${names}) VALUES ${tuples.join(', ')}`, values: params.values });
    params = new SqlParams();
    tuples = [];
  };
  rows.forEach((row, i) => {
    if (params.values.length + perRow > MAX_PARAMS) flush();
    const idParam = params.add(ids[i]);
    const byColumn = new Map(placeValues(entity, row, params, bulk ? i : undefined).assignments.map((a) => [a.column, a.sql]));
    const actorParam = params.add(actor);
    tuples.push(`(${[idParam, ...columns.map((c) => byColumn.get(c) ?? 'DEFAULT'), actorParam, actorParam].join(', ')})`);
  });
  flush();
  return { statements, links: placed.map((p) => p.links) };
}

/**
 * An extra condition on the row an UPDATE or DELETE touches (the writer's update / delete scope, see
 * permissions/write-guard.ts), over the target table aliased `alias`; 'TRUE' for none.
 */
export type RowGuard = (params: SqlParams, alias: string) => string;

const GUARDED = 'g';

function guardSql(guard: RowGuard | undefined, params: SqlParams): string {
  const condition = guard ? guard(params, GUARDED) : 'TRUE';
  return condition === 'TRUE' ? '' : ` AND ${condition}`;
}

/** `UPDATE … SET … WHERE id = $1 [AND guard]` (stamps updated_at / updated_by). */
export function compileUpdate(
  entity: EntityModel,
  id: string,
  values: Record<string, unknown>,
  actor: string,
  guard?: RowGuard,
): { statement: CompiledSql; links: LinkSets } {
  const params = new SqlParams([id]);
  const { assignments, links } = placeValues(entity, values, params);
  const sets = assignments.map((a) => `${quoteIdent(a.column)} = ${a.sql}`);
  sets.push(`"updated_at" = now()`, `"updated_by" = ${params.add(actor)}`);
  const where = guardSql(guard, params);
  return {
    statement: { text: `UPDATE ${entity.table} ${GUARDED} SET ${sets.join(', ')} WHERE ${GUARDED}."id" = $1${where}`, values: params.values },
    links,
  };
}

/**
 * `DELETE … WHERE id = $1 [AND guard]`. It also names the deleting actor for the record-history trigger
 * (`trellis.actor`, local to the transaction): a deleted row carries no updated_by of the deleter.
 */
export function compileDelete(entity: EntityModel, id: string, actor: string, source: string, guard?: RowGuard): CompiledSql {
  const params = new SqlParams([id, actor, source]);
  const where = guardSql(guard, params);
  return {
    text:
      `DELETE FROM ${entity.table} ${GUARDED} WHERE ${GUARDED}."id" = $1${where}` +
      ` AND set_config('trellis.actor', $2, true) IS NOT NULL AND set_config('trellis.source', $3, true) IS NOT NULL`,
    values: params.values,
  };
}

/** Replaces the linked ids of `field` for each record: delete its links, insert the new set. */
export function compileLinkReplace(field: ManyToManyFieldModel, sets: { id: string; targets: string[] }[], replace: boolean): CompiledSql[] {
  const statements: CompiledSql[] = [];
  const self = quoteIdent(field.selfColumn);
  const other = quoteIdent(field.otherColumn);
  if (replace && sets.length > 0) {
    statements.push({ text: `DELETE FROM ${field.junction} WHERE ${self} = ANY($1::uuid[])`, values: [sets.map((s) => s.id)] });
  }
  const selfIds: string[] = [];
  const otherIds: string[] = [];
  for (const set of sets) {
    for (const target of set.targets) {
      selfIds.push(set.id);
      otherIds.push(target);
    }
  }
  if (selfIds.length > 0) {
    statements.push({
      text: `INSERT INTO ${field.junction} (${self}, ${other}) SELECT * FROM unnest($1::uuid[], $2::uuid[]) ON CONFLICT DO NOTHING`,
      values: [selfIds, otherIds],
    });
  }
  return statements;
}
