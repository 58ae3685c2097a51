/**
 * A selection of fields → ONE SQL statement whose result Postgres builds as JSON: nested manyToOne as
 * correlated subqueries, toMany as `json_agg` over an ordered, limited subquery, to any depth.
 * Connections add totalCount and keyset pagination (see `keyset.ts`).
 */
import type { ScalarFieldModel } from './data-model.js';
import { entityOf, type DataModel, type EntityModel, type FieldModel } from './data-model.js';
import { compileFilter, withReadScope, type FilterInput, type FilterScope } from './compile-filter.js';
import type { RecordAccess } from '../permissions/record-access.js';
import { decodeCursor, encodeCursor, keysetCondition, orderTerm, sortKeys, type OrderByInput } from './keyset.js';
import { badUserInput } from './record-errors.js';
import { AliasSource, SqlParams, jsonObject, quoteIdent, type CompiledSql } from './sql.js';

export type { OrderByInput } from './keyset.js';

/** Arguments of a toMany relation field. */
export interface ToManyArgs {
  filter?: FilterInput | null;
  /** JSON Logic predicate over `record`, ANDed with `filter` (compiled by `CompileOptions.where`). */
  where?: unknown;
  orderBy?: OrderByInput[] | null;
  first?: number | null;
}

/** One selected field: `key` is the response key (alias or name) the JSON is built under. */
export interface SelectedField {
  key: string;
  field: string;
  args?: ToManyArgs;
  selection?: RecordSelection;
}

export interface RecordSelection {
  fields: SelectedField[];
}

/** Arguments of a list (connection) query. */
export interface ListArgs {
  filter?: FilterInput | null;
  /** JSON Logic predicate over `record`, ANDed with `filter` (compiled by `CompileOptions.where`). */
  where?: unknown;
  /** A saved view of the entity: its filter is ANDed in, its sort applies unless orderBy is given. */
  view?: string | null;
  orderBy?: OrderByInput[] | null;
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** What of a connection is asked for; `node: null` when no edge node is selected. */
export interface ConnectionSelection {
  totalCount: boolean;
  pageInfo: boolean;
  cursors: boolean;
  node: RecordSelection | null;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<T = Record<string, unknown>> {
  totalCount: number | null;
  pageInfo: PageInfo;
  edges: { cursor: string; node: T }[];
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
export const DEFAULT_RELATION_PAGE_SIZE = 100;

/** Compiles a JSON Logic `where` to an SQL boolean over `alias` (the rules compiler, bound to the request's user and now). */
export type WhereCompiler = (scope: FilterScope, entity: string, rule: unknown, alias: string) => string;

/** Per-request compile options. */
export interface CompileOptions {
  where?: WhereCompiler;
  /** The requester's access (permissions/record-access.ts); absent = the platform's own, unrestricted read. */
  access?: RecordAccess;
  /**
   * The rows read are the ones this write just created or updated (read back by id, not filtered by the read
   * scope): each must be within the writer's read scope unless their roles may transfer records — else the
   * statement raises FORBIDDEN (SQLSTATE TR403) and the whole write rolls back.
   */
  written?: 'create' | 'update' | 'delete';
}

interface SelectScope extends FilterScope {
  where?: WhereCompiler;
}

function newScope(model: DataModel, params: unknown[] = [], options: CompileOptions = {}): SelectScope {
  return { model, params: new SqlParams(params), aliases: new AliasSource(), where: options.where, access: options.access };
}

/**
 * The WHERE condition of rows just written (see `CompileOptions.written`): TRUE, or a CASE that raises
 * FORBIDDEN from inside the statement for a row the writer could no longer read.
 */
function writtenCheck(scope: SelectScope, entity: EntityModel, alias: string, options: CompileOptions | undefined): string {
  const access = scope.access;
  if (!access || access.unrestricted || !options?.written || options.written === 'delete' || access.entity(entity).transfer) return 'TRUE';
  const visible = access.scopeSql(scope, entity, 'read', alias);
  if (visible === 'TRUE') return 'TRUE';
  const verb = options.written === 'create' ? 'create' : 'change';
  const message = `You cannot ${verb} this ${entity.label.toLowerCase()} so that it falls outside the records you may see (your roles do not allow transferring records): keep yourself or your team as its owner.`;
  return `CASE WHEN ${visible} THEN TRUE ELSE "trellis"."permission_denied"(${scope.params.add(message)}) END`;
}

/** A JSON Logic `where` as SQL (TRUE when absent). */
function whereSql(scope: SelectScope, entity: string, rule: unknown, alias: string): string {
  if (rule === undefined || rule === null) return 'TRUE';
  if (!scope.where) throw badUserInput('The where argument cannot be used here');
  return scope.where(scope, entity, rule, alias);
}

function both(a: string, b: string): string {
  return a === 'TRUE' ? b : b === 'TRUE' ? a : `(${a}) AND (${b})`;
}

/** The view's filter ANDed with `where`, and its sort unless `orderBy` is given. */
function applyView(entity: EntityModel, args: ListArgs): { where: unknown; orderBy: OrderByInput[] | null | undefined } {
  if (args.view == null) return { where: args.where, orderBy: args.orderBy };
  const view = entity.def.views?.[args.view];
  if (!view) {
    const known = Object.keys(entity.def.views ?? {}).join(', ') || 'none';
    throw badUserInput(`Unknown view "${args.view}" of ${entity.name} (views: ${known})`);
  }
  const where = view.filter === undefined ? args.where : args.where == null ? view.filter : { and: [view.filter, args.where] };
  const orderBy = args.orderBy ?? view.sort?.map((s) => ({ field: s.field, direction: s.direction === 'desc' ? ('DESC' as const) : ('ASC' as const) }));
  return { where, orderBy };
}

/** `SELECT <json> AS r FROM table WHERE id = $1`: one row with the record, or none. */
export function compileGet(model: DataModel, entity: string, id: string, selection: RecordSelection, options?: CompileOptions): CompiledSql {
  const scope = newScope(model, [id], options);
  const e = entityOf(model, entity);
  const t = scope.aliases.take();
  const json = recordJson(scope, e, selection, t);
  const where = withReadScope(scope, e, t, `${t}."id" = $1`);
  return { text: `SELECT ${json} AS r FROM ${e.table} ${t} WHERE ${where}`, values: scope.params.values };
}

/** The records with these ids, as rows `{ r }` in the order of `ids` (missing ids are skipped). */
export function compileGetMany(model: DataModel, entity: string, ids: string[], selection: RecordSelection, options?: CompileOptions): CompiledSql {
  const scope = newScope(model, [ids], options);
  const e = entityOf(model, entity);
  const t = scope.aliases.take();
  const json = recordJson(scope, e, selection, t);
  // Rows just written are returned by id (and checked); any other read by ids sees only what the reader may.
  const check = options?.written ? writtenCheck(scope, e, t, options) : withReadScope(scope, e, t, 'TRUE');
  return {
    text:
      `SELECT ${json} AS r FROM unnest($1::uuid[]) WITH ORDINALITY AS u(id, ord)` +
      ` JOIN ${e.table} ${t} ON ${t}."id" = u.id${check === 'TRUE' ? '' : ` WHERE ${check}`} ORDER BY u.ord`,
    values: scope.params.values,
  };
}

/**
 * ONE statement that writes and returns the written rows as JSON: `WITH w AS (<write> RETURNING *)
 * SELECT <json> FROM w`. Nested reads see the database as it was before the write (for a delete:
 * the record with its links as they were). `ids` orders the rows like the caller's input.
 */
export function compileWriteReturning(
  model: DataModel,
  entity: string,
  write: CompiledSql,
  selection: RecordSelection,
  ids?: string[],
  options?: CompileOptions,
): CompiledSql {
  const scope = newScope(model, write.values, options);
  const e = entityOf(model, entity);
  const t = scope.aliases.take();
  const json = recordJson(scope, e, selection, t);
  const check = writtenCheck(scope, e, t, options);
  const order = ids && ids.length > 1 ? ` ORDER BY array_position(${scope.params.add(ids)}::uuid[], ${t}."id")` : '';
  const where = check === 'TRUE' ? '' : ` WHERE ${check}`;
  return { text: `WITH w AS (${write.text} RETURNING *) SELECT ${json} AS r FROM w ${t}${where}${order}`, values: scope.params.values };
}

export interface CompiledList extends CompiledSql {
  /** Page size asked for (rows beyond it only tell that there is more). */
  size: number;
  backward: boolean;
  after: boolean;
  before: boolean;
}

/**
 * One statement returning one row `{ totalCount, page }`: the count of the filtered set (when asked) and
 * the page as a JSON array of `[sortKeyTexts, record]`, fetched one row beyond the page size.
 */
export function compileList(model: DataModel, entity: string, args: ListArgs, selection: ConnectionSelection, options?: CompileOptions): CompiledList {
  const e = entityOf(model, entity);
  if (args.first != null && args.last != null) throw badUserInput('Pass either first or last, not both');
  const backward = args.last != null;
  const size = pageSize(backward ? args.last : args.first, backward ? 'last' : 'first', DEFAULT_PAGE_SIZE);
  const scope = newScope(model, [], options);
  const t = scope.aliases.take();
  const view = applyView(e, args);
  const filtered = both(compileFilter(scope, entity, args.filter, t), whereSql(scope, entity, view.where, t));
  const where = withReadScope(scope, e, t, filtered);
  const keys = sortKeys(e, view.orderBy, t, scope.access);
  const conditions = [where];
  if (args.after != null) conditions.push(keysetCondition(scope.params, keys, decodeCursor(args.after, keys.length), 'after'));
  if (args.before != null) conditions.push(keysetCondition(scope.params, keys, decodeCursor(args.before, keys.length), 'before'));
  const columns: string[] = [];
  const whereClause = (conds: string[]) => {
    const real = conds.filter((c) => c !== 'TRUE');
    return real.length > 0 ? ` WHERE ${real.join(' AND ')}` : '';
  };
  columns.push(selection.totalCount ? `(SELECT count(*)::int FROM ${e.table} ${t}${whereClause([where])})` : 'NULL::int');
  const needRows = selection.node !== null || selection.cursors || selection.pageInfo;
  if (needRows) {
    const needKeys = selection.cursors || selection.pageInfo;
    const keyJson = needKeys ? `json_build_array(${keys.map((k) => `${k.ref}::text`).join(', ')})` : 'NULL::json';
    const node = selection.node ? recordJson(scope, e, selection.node, t) : 'NULL::json';
    const order = keys.map((k) => orderTerm(k, backward)).join(', ');
    const limit = scope.params.add(size + 1);
    columns.push(
      `coalesce((SELECT json_agg(json_build_array(p.k, p.r)) FROM (SELECT ${keyJson} AS k, ${node} AS r` +
        ` FROM ${e.table} ${t}${whereClause(conditions)}` +
        ` ORDER BY ${order} LIMIT ${limit}) p), '[]'::json)`,
    );
  } else {
    columns.push(`'[]'::json`);
  }
  return {
    text: `SELECT ${columns[0]} AS "totalCount", ${columns[1]} AS "page"`,
    values: scope.params.values,
    size,
    backward,
    after: args.after != null,
    before: args.before != null,
  };
}

/** Turns the row of a `compileList` statement into a connection. */
export function shapeConnection(row: { totalCount: number | null; page: [string[] | null, Record<string, unknown>][] }, list: CompiledList): Connection {
  let rows = row.page;
  const more = rows.length > list.size;
  if (more) rows = rows.slice(0, list.size);
  if (list.backward) rows = rows.reverse();
  const edges = rows.map(([key, node]) => ({ cursor: key ? encodeCursor(key) : '', node }));
  return {
    totalCount: row.totalCount,
    edges,
    pageInfo: {
      hasNextPage: list.backward ? list.before : more,
      hasPreviousPage: list.backward ? more : list.after,
      startCursor: edges.length > 0 ? edges[0]!.cursor || null : null,
      endCursor: edges.length > 0 ? edges[edges.length - 1]!.cursor || null : null,
    },
  };
}

function pageSize(value: number | null | undefined, name: string, fallback: number): number {
  if (value == null) return fallback;
  if (!Number.isInteger(value) || value < 0) throw badUserInput(`"${name}" must be a whole number ≥ 0`);
  if (value > MAX_PAGE_SIZE) throw badUserInput(`"${name}" is at most ${MAX_PAGE_SIZE} (got ${value})`);
  return value;
}

/** `json_build_object('key', expr, …)` for the selected fields of one row of `entity` aliased `alias`. */
export function recordJson(scope: SelectScope, entity: EntityModel, selection: RecordSelection, alias: string): string {
  const pairs = selection.fields.map((sel) => [sel.key, fieldJson(scope, entity, sel, alias)] as const);
  return jsonObject(pairs);
}

function fieldJson(scope: SelectScope, entity: EntityModel, sel: SelectedField, alias: string): string {
  const field: FieldModel | undefined = entity.fields.get(sel.field);
  if (!field) throw badUserInput(`Unknown field "${sel.field}" on ${entity.name}`);
  scope.access?.assertField(entity, field.name, 'select');
  switch (field.kind) {
    case 'scalar':
      return scalarRead(field, alias);
    case 'manyToOne': {
      const fk = `${alias}.${quoteIdent(field.column)}`;
      const selection = sel.selection ?? { fields: [{ key: 'id', field: 'id' }] };
      const target = entityOf(scope.model, field.target);
      const t = scope.aliases.take();
      // A related record the reader may not see reads as none: its id alone would tell that it exists.
      const visible = withReadScope(scope, target, t, 'TRUE');
      // Only ids asked for, every target visible: the foreign key is the answer, no subquery.
      if (visible === 'TRUE' && selection.fields.every((f) => f.field === 'id')) {
        return `CASE WHEN ${fk} IS NULL THEN NULL ELSE ${jsonObject(selection.fields.map((f) => [f.key, fk] as const))} END`;
      }
      const where = visible === 'TRUE' ? '' : ` AND ${visible}`;
      return `(SELECT ${recordJson(scope, target, selection, t)} FROM ${target.table} ${t} WHERE ${t}."id" = ${fk}${where})`;
    }
    case 'oneToMany':
    case 'manyToMany': {
      const target = entityOf(scope.model, field.target);
      const t = scope.aliases.take();
      const args = sel.args ?? {};
      const size = pageSize(args.first, 'first', DEFAULT_RELATION_PAGE_SIZE);
      const selection = sel.selection ?? { fields: [{ key: 'id', field: 'id' }] };
      let from: string;
      let link: string;
      if (field.kind === 'oneToMany') {
        from = `${target.table} ${t}`;
        link = `${t}.${quoteIdent(field.targetColumn)} = ${alias}."id"`;
      } else {
        const j = scope.aliases.take('j');
        from = `${field.junction} ${j} JOIN ${target.table} ${t} ON ${t}."id" = ${j}.${quoteIdent(field.otherColumn)}`;
        link = `${j}.${quoteIdent(field.selfColumn)} = ${alias}."id"`;
      }
      const filter = withReadScope(scope, target, t, both(compileFilter(scope, target.name, args.filter, t), whereSql(scope, target.name, args.where, t)));
      const where = filter === 'TRUE' ? link : `${link} AND ${filter}`;
      const order = sortKeys(target, args.orderBy, t, scope.access).map((k) => orderTerm(k, false)).join(', ');
      const json = recordJson(scope, target, selection, t);
      return (
        `coalesce((SELECT json_agg(s.r) FROM (SELECT ${json} AS r FROM ${from} WHERE ${where}` +
        ` ORDER BY ${order} LIMIT ${scope.params.add(size)}) s), '[]'::json)`
      );
    }
  }
}

/** The JSON value of a scalar field: its column read, or an object of its composite parts. */
export function scalarRead(field: ScalarFieldModel, alias: string): string {
  const [main, ...rest] = field.columns;
  if (!main) return 'NULL';
  if (rest.length === 0) {
    const ref = `${alias}.${quoteIdent(main.column)}`;
    return field.read ? field.read(ref) : readColumn(ref, main.sqlType);
  }
  const pairs = field.columns.map((c) => [c.key!, readColumn(`${alias}.${quoteIdent(c.column)}`, c.sqlType)] as const);
  return `CASE WHEN ${alias}.${quoteIdent(main.column)} IS NULL THEN NULL ELSE ${jsonObject(pairs)} END`;
}

/**
 * How a column reads into JSON, by its SQL type: instants as ISO 8601 UTC with `Z`, dates as
 * `YYYY-MM-DD`; numbers, booleans, text and jsonb map to JSON natively.
 */
export function readColumn(ref: string, sqlType: string): string {
  const type = sqlType.toLowerCase();
  if (type === 'timestamptz' || type.startsWith('timestamp with time zone')) {
    return `to_char(${ref} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  }
  if (type === 'date') return `to_char(${ref}, 'YYYY-MM-DD')`;
  return ref;
}
