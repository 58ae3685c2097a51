/**
 * The SQL of a roll-up: its value for one parent row as a correlated subquery over the related rows (the filter
 * compiled by the JSON Logic → SQL compiler, so it agrees with the runtime evaluator), and the statements that
 * store it — for a set of parents (`WHERE id = ANY($1)`, after a child write) or for every parent (publish).
 */
import { compileJsonLogic, STATIC_CHECK_ENVIRONMENT } from '../../rules/compile-json-logic.js';
import type { DataModel } from '../data-model.js';
import { AliasSource, SqlParams, quoteIdent, type CompiledSql } from '../sql.js';
import type { RollupModel } from './derived-model.js';

/** `(SELECT agg FROM <related rows of parent alias p> WHERE <filter>)`; filter constants go into `params`. */
export function rollupValueSql(model: DataModel, rollup: RollupModel, p: string, params: SqlParams, aliases: AliasSource): string {
  const c = aliases.take('c');
  let from: string;
  let link: string;
  if (rollup.link.kind === 'fk') {
    from = `${rollup.child.table} ${c}`;
    link = `${c}.${quoteIdent(rollup.link.column)} = ${p}."id"`;
  } else {
    const j = aliases.take('j');
    from = `${rollup.link.junction} ${j} JOIN ${rollup.child.table} ${c} ON ${c}."id" = ${j}.${quoteIdent(rollup.link.childColumn)}`;
    link = `${j}.${quoteIdent(rollup.link.parentColumn)} = ${p}."id"`;
  }
  const conditions = [link];
  if (rollup.filter !== undefined) {
    const filter = compileJsonLogic({ model, params, aliases, env: STATIC_CHECK_ENVIRONMENT }, rollup.child.name, rollup.filter, c);
    if (filter !== 'TRUE') conditions.push(`(${filter})`);
  }
  const column = rollup.aggregateColumn === null ? '' : `${c}.${quoteIdent(rollup.aggregateColumn)}`;
  const aggregate = {
    count: 'count(*)::integer',
    sum: `coalesce(sum(${column}), 0)`,
    avg: `avg(${column})`,
    min: `min(${column})`,
    max: `max(${column})`,
  }[rollup.aggregate];
  return `(SELECT ${aggregate} FROM ${from} WHERE ${conditions.join(' AND ')})`;
}

/**
 * `UPDATE parent u SET c1 = v.c1, … FROM (SELECT p.id, <aggregates>, <which changed> FROM parent p …) v`: the
 * roll-ups (all of one parent entity) computed in one statement, writing only the parents where one changes and
 * returning, per written parent, which did (`d0`, `d1`, …).
 */
function recomputeSql(model: DataModel, rollups: RollupModel[], which: (p: string) => string, params: SqlParams, returning = true): string {
  const aliases = new AliasSource();
  const p = aliases.take('p');
  const table = rollups[0]!.parent.table;
  const values = rollups.map((r, i) => `${rollupValueSql(model, r, p, params, aliases)} AS c${i}`);
  const columns = rollups.map((r) => quoteIdent(r.field.columns[0]!.column));
  const changed = columns.map((c, i) => `${p}.${c} IS DISTINCT FROM a.c${i} AS d${i}`);
  return (
    `UPDATE ${table} u SET ${columns.map((c, i) => `${c} = v.c${i}`).join(', ')}` +
    ` FROM (SELECT ${p}."id", ${rollups.map((_, i) => `a.c${i}`).join(', ')}, ${changed.join(', ')}` +
    ` FROM ${table} ${p}, LATERAL (SELECT ${values.join(', ')}) a${which(p)}) v` +
    ` WHERE u."id" = v."id" AND (${rollups.map((_, i) => `v.d${i}`).join(' OR ')})` +
    (returning ? ` RETURNING u."id", ${rollups.map((_, i) => `v.d${i}`).join(', ')}` : '')
  );
}

const forParents = new WeakMap<DataModel, Map<string, CompiledSql>>();

/**
 * The roll-ups `rollups` (of one parent entity) recomputed for the given parents (`values[0]` stands for their
 * ids) in ONE UPDATE whose values are the aggregates over their related rows; only parents whose values change
 * are written, and returned with a flag per roll-up (`d<i>`). Compiled once per set of roll-ups.
 */
export function compileRollupRecompute(model: DataModel, rollups: RollupModel[]): CompiledSql {
  let perModel = forParents.get(model);
  if (!perModel) forParents.set(model, (perModel = new Map()));
  const key = `${rollups[0]!.parent.name}:${rollups.map((r) => r.name).join(',')}`;
  let sql = perModel.get(key);
  if (!sql) {
    const params = new SqlParams([null]);
    const text = recomputeSql(model, rollups, (p) => ` WHERE ${p}."id" = ANY($1::uuid[])`, params);
    perModel.set(key, (sql = { text, values: params.values }));
  }
  return sql;
}

/** A roll-up recomputed for every parent (publish); only rows whose value changes are written. */
export function compileRollupBackfill(model: DataModel, rollup: RollupModel): CompiledSql {
  const params = new SqlParams();
  return { text: recomputeSql(model, [rollup], () => '', params, false), values: params.values };
}
