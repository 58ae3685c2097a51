/**
 * Test kit for the JSON Logic → SQL compiler: reads rows as the API returns them (the `record` the JS
 * evaluator sees), runs a compiled rule in Postgres and the same rule in the runtime, row by row.
 */
import { evaluateRule, isTruthy } from '@trellis/runtime';
import type pg from 'pg';
import { recordJson } from '../../records/compile-select.js';
import { type DataModel, type EntityModel } from '../../records/data-model.js';
import { defaultSelection } from '../../records/default-selection.js';
import { AliasSource, SqlParams } from '../../records/sql.js';
import { compileJsonLogic, type RuleEnvironment } from '../compile-json-logic.js';

export type Row = Record<string, unknown>;

export const TEST_ENV: RuleEnvironment = { user: { id: 'u-1', kind: 'user' }, now: '2024-06-15T12:00:00.000Z' };

/**
 * Every row of `entity` as the API reads it, keyed by id. manyToOne values are the related id (`ids`) or the
 * related record's values (`expanded`, or only the relations in a set: those a rule reads through).
 */
export async function readRecords(pool: pg.Pool, model: DataModel, entity: string, relations: 'ids' | 'expanded' | ReadonlySet<string>): Promise<Map<string, Row>> {
  const e = model.entities.get(entity)!;
  const rows = await readJson(pool, model, e);
  const related = new Map<string, Map<string, Row>>();
  const out = new Map<string, Row>();
  for (const row of rows) {
    const record: Row = { ...row };
    for (const field of e.fields.values()) {
      if (field.kind !== 'manyToOne') continue;
      const id = (row[field.name] as { id: string } | null)?.id ?? null;
      const expand = relations === 'expanded' || (typeof relations === 'object' && relations.has(field.name));
      if (!expand || id === null) {
        record[field.name] = id;
        continue;
      }
      if (!related.has(field.target)) related.set(field.target, await readRecords(pool, model, field.target, 'expanded'));
      record[field.name] = related.get(field.target)!.get(id) ?? null;
    }
    out.set(row['id'] as string, record);
  }
  return out;
}

async function readJson(pool: pg.Pool, model: DataModel, entity: EntityModel): Promise<Row[]> {
  const scope = { model, params: new SqlParams(), aliases: new AliasSource() };
  const t = scope.aliases.take();
  const json = recordJson(scope, entity, defaultSelection(entity), t);
  const result = await pool.query(`SELECT ${json} AS r FROM ${entity.table} ${t}`, scope.params.values);
  return result.rows.map((r: { r: Row }) => r.r);
}

/** Compiles the rule and returns, per row id, whether the SQL predicate holds. */
export async function sqlVerdicts(pool: pg.Pool, model: DataModel, entity: string, rule: unknown, env: RuleEnvironment = TEST_ENV): Promise<Map<string, boolean>> {
  const e = model.entities.get(entity)!;
  const params = new SqlParams();
  const aliases = new AliasSource();
  const t = aliases.take();
  const where = compileJsonLogic({ model, params, aliases, env }, entity, rule, t);
  const result = await pool.query(`SELECT ${t}."id"::text AS id, (${where}) AS ok FROM ${e.table} ${t}`, params.values);
  return new Map(result.rows.map((r: { id: string; ok: boolean }) => [r.id, r.ok]));
}

/** Per row id, JSON Logic truthiness of the rule in the runtime (a throw counts as an error, not false). */
export function jsVerdicts(records: Map<string, Row>, rule: unknown, env: RuleEnvironment = TEST_ENV): Map<string, boolean | Error> {
  const out = new Map<string, boolean | Error>();
  for (const [id, record] of records) {
    try {
      out.set(id, isTruthy(evaluateRule(rule, { record, previous: null, user: env.user, now: env.now })));
    } catch (error) {
      out.set(id, error as Error);
    }
  }
  return out;
}

/**
 * Inserts rows given as field → value (the API's value shapes: composite values as objects, manyToOne as an
 * id, multiSelect / json as JSON) straight into the table; returns the new ids.
 */
export async function insertRows(pool: pg.Pool, model: DataModel, entity: string, rows: Row[]): Promise<string[]> {
  const e = model.entities.get(entity)!;
  const ids: string[] = [];
  for (const row of rows) {
    const columns: string[] = [];
    const values: unknown[] = [];
    const put = (column: string, sqlType: string, value: unknown) => {
      columns.push(`"${column}"`);
      values.push(sqlType === 'jsonb' && value !== null ? JSON.stringify(value) : value);
    };
    for (const [name, value] of Object.entries(row)) {
      const field = e.fields.get(name);
      if (!field) throw new Error(`no field ${name}`);
      if (field.kind === 'manyToOne') put(field.column, 'uuid', value);
      else if (field.kind === 'scalar' && field.columns.length === 1) put(field.columns[0]!.column, field.columns[0]!.sqlType, value);
      else if (field.kind === 'scalar') {
        for (const column of field.columns) put(column.column, column.sqlType, value === null ? null : (value as Row)[column.key!] ?? null);
      }
    }
    const sql = columns.length
      ? `INSERT INTO ${e.table} (${columns.join(', ')}) VALUES (${values.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id::text`
      : `INSERT INTO ${e.table} DEFAULT VALUES RETURNING id::text`;
    const result = await pool.query(sql, values);
    ids.push(result.rows[0].id);
  }
  return ids;
}
