/**
 * `{"var": …}` in a filter: `record.<field>` reads the row's column exactly as the API returns it (dates as
 * `YYYY-MM-DD`, instants as ISO 8601 UTC, a manyToOne as the related id), `record.<manyToOne>.<field>` reads
 * the related record through a correlated subquery (null when there is none), `record.<composite>.<part>`
 * one part (`record.amount.currency`); `user.…` and `now` are constants of the request.
 */
import { getFieldType } from '@trellis/metadata';
import { readColumn } from '../records/compile-select.js';
import type { ColumnModel, DataModel, EntityModel, FieldModel, ScalarFieldModel } from '../records/data-model.js';
import { AliasSource, quoteIdent, type SqlParams } from '../records/sql.js';
import type { RecordAccess } from '../permissions/record-access.js';
import {
  TWO_53,
  constantValue,
  numberValue,
  stringValue,
  truthySql,
  type NumberRange,
  type Site,
  type Value,
  type ValueKind,
} from './sql-value.js';

/** `user` and `now` of the rule context: the acting user and the request's instant (ISO 8601 UTC). */
export interface RuleEnvironment {
  /** The acting user as rules see it: id, kind, name, email, roles, teams, locale, timeZone, attributes. */
  user: ({ id: string; kind: string; name?: string } & Record<string, unknown>) | null;
  now: string;
}

export interface VariableScope {
  model: DataModel;
  aliases: AliasSource;
  env: RuleEnvironment;
  /**
   * manyToOne fields the rule reads through (`record.company.name`): as for formulas, the context then holds
   * the related record's values under `record.company`, so a bare `record.company` is that object, not the id.
   */
  expanded: ReadonlySet<string>;
  /** The requester's access when compiling their `where` (hidden fields refused, related rows scoped); none for role scopes. */
  access?: RecordAccess;
}

/** The manyToOne fields a rule reads through: `company` for `{"var": "record.company.name"}`. */
export function readThrough(rule: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(rule)) {
    for (const item of rule) readThrough(item, out);
  } else if (rule !== null && typeof rule === 'object') {
    for (const [key, value] of Object.entries(rule)) {
      const path = key === 'var' ? (Array.isArray(value) ? value[0] : value) : undefined;
      const segments = typeof path === 'string' ? path.split('.') : [];
      if (segments.length > 2 && segments[0] === 'record') out.add(segments[1]!);
      readThrough(value, out);
    }
  }
  return out;
}

/** The value of a `var` whose path is `path` (a constant string), over a row of `entity` aliased `alias`. */
export function variable(site: Site, scope: VariableScope, entity: EntityModel, alias: string, path: string): Value {
  const segments = path.split('.');
  const root = segments[0]!;
  if (path === '' || root === '') site.refuse('A var without a path reads the whole rule context; name a field, e.g. {"var": "record.name"}', 'unsupported-variable');
  if (root === 'record') {
    if (segments.length === 1) site.refuse('{"var": "record"} reads the whole record; name a field, e.g. {"var": "record.name"}', 'unsupported-variable');
    return recordPath(site, scope, entity, alias, segments.slice(1), path, true);
  }
  if (root === 'user' || root === 'now') return constantValue(site, jsonLogicVar(scope.env, segments), `{"var": ${JSON.stringify(path)}}`);
  if (root === 'previous') {
    site.refuse('"previous" is only known while a record is being written; a filter reads stored records, so it cannot use previous values', 'unsupported-variable');
  }
  return site.refuse(`Unknown variable "${path}": filters read record.<field>, user.<property> or now`, 'unsupported-variable');
}

/** json-logic-js's `var` walk (a missing step gives null), over the constant part of the context. */
function jsonLogicVar(env: RuleEnvironment, segments: string[]): unknown {
  let data: unknown = env;
  for (const segment of segments) {
    if (data === null || data === undefined) return null;
    data = (data as Record<string, unknown>)[segment];
    if (data === undefined) return null;
  }
  return data;
}

function recordPath(site: Site, scope: VariableScope, entity: EntityModel, alias: string, segments: string[], path: string, top = false): Value {
  const [name, ...rest] = segments as [string, ...string[]];
  const field: FieldModel | undefined = entity.fields.get(name);
  const label = `record.${segments.join('.')}`;
  if (!field) {
    const known = [...entity.fields.keys()].join(', ');
    return site.refuse(`Unknown field "${name}" of ${entity.name} in {"var": ${JSON.stringify(path)}} (fields: ${known})`, 'unsupported-variable');
  }
  scope.access?.assertField(entity, name, 'filter');
  switch (field.kind) {
    case 'scalar':
      return scalarPath(site, entity, field, alias, rest, label);
    case 'manyToOne': {
      const fk = `${alias}.${quoteIdent(field.column)}`;
      if (rest.length === 0) {
        if (top && scope.expanded.has(name)) return { kind: 'object', sql: fk, nullable: true, truthy: `${fk} IS NOT NULL`, label };
        return { ...stringValue(`${fk}::text`, { low: true, toNumber: 'nan' }, true, label), uuid: fk };
      }
      if (!top) {
        site.refuse(`${label} reads through two relations; a rule reads the fields of a related record, not of the records related to it`, 'unsupported-variable');
      }
      const target = scope.model.entities.get(field.target)!;
      const t = scope.aliases.take();
      const inner = recordPath(site, scope, target, t, rest, path);
      if (inner.constant) return inner;
      // The requester reads the related record only where they may read it (else it counts as none).
      const params = site.params as unknown as SqlParams; // placeholders, bound with the rule's own
      const visible = scope.access ? scope.access.scopeSql({ model: scope.model, params, aliases: scope.aliases }, target, 'read', t) : 'TRUE';
      const sql = `(SELECT ${inner.sql} FROM ${target.table} ${t} WHERE ${t}."id" = ${fk}${visible === 'TRUE' ? '' : ` AND ${visible}`})`;
      const truthy = inner.kind === 'json' ? '' : truthySql(inner.kind, sql, true, inner.range);
      const { uuid: _inner, ...rest2 } = inner; // the inner column is out of scope here
      return { ...rest2, sql, nullable: true, truthy, label };
    }
    default:
      return site.refuse(
        `${label} is a list of related records, which JSON Logic filters cannot read; use the filter argument's some / none for related lists`,
        'unsupported-variable',
      );
  }
}

function scalarPath(site: Site, entity: EntityModel, field: ScalarFieldModel, alias: string, rest: string[], label: string): Value {
  const [main, ...parts] = field.columns;
  if (!main) site.refuse(`${label} is not stored in a column of ${entity.name}`, 'unsupported-variable');
  const ref = (column: ColumnModel) => `${alias}.${quoteIdent(column.column)}`;
  if (parts.length === 0) {
    if (rest.length > 0) site.refuse(`${label}: ${entity.name}.${field.name} has no parts to read`, 'unsupported-variable');
    return field.read ? computedValue(site, field, field.read(ref(main)), label) : columnValue(site, field, main, ref(main), label);
  }
  // A composite value ({ amount, currency }): null as a whole when its main column is null.
  if (rest.length === 0) return { kind: 'object', sql: ref(main), nullable: true, truthy: `${ref(main)} IS NOT NULL`, label };
  const part = field.columns.find((c) => c.key === rest[0]);
  if (!part || rest.length > 1) {
    const keys = field.columns.map((c) => c.key).join(', ');
    site.refuse(`${label}: ${entity.name}.${field.name} has the parts ${keys}`, 'unsupported-variable');
  }
  if (part === main) return columnValue(site, field, part, ref(part), label);
  const value = columnValue(site, field, part, ref(part), label);
  const sql = `(CASE WHEN ${ref(main)} IS NULL THEN NULL ELSE ${value.sql} END)`;
  return { ...value, sql, nullable: true, truthy: truthySql(value.kind, sql, true, value.range) };
}

const NUMERIC = /^numeric\s*\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\)$/;
const INTEGERS: Record<string, number> = { smallint: 2 ** 15, int2: 2 ** 15, integer: 2 ** 31, int: 2 ** 31, int4: 2 ** 31, bigint: 2 ** 63, int8: 2 ** 63 };

/** A column's value as the API reads it, typed for the compiler. */
function columnValue(site: Site, field: ScalarFieldModel, column: ColumnModel, ref: string, label: string): Value {
  const type = column.sqlType.toLowerCase().trim();
  const integer = INTEGERS[type];
  if (integer !== undefined) return numberValue(`${ref}::float8`, numberRange(integer, 1, integer <= TWO_53), true, label);
  const numeric = NUMERIC.exec(type);
  if (numeric) {
    const precision = Number(numeric[1]);
    const scale = Number(numeric[2] ?? 0);
    return numberValue(`${ref}::float8`, numberRange(10 ** (precision - scale), 10 ** -scale, scale === 0 && 10 ** precision <= TWO_53), true, label);
  }
  if (['numeric', 'real', 'float4', 'double precision', 'float8'].includes(type)) {
    return numberValue(`${ref}::float8`, numberRange(Number.MAX_VALUE, Number.MIN_VALUE, false), true, label);
  }
  if (type === 'text' || type.startsWith('varchar') || type.startsWith('character') || type.startsWith('char') || type === 'bpchar') {
    return stringValue(`${ref}::text`, { low: false, toNumber: 'unknown' }, true, label);
  }
  if (type === 'boolean' || type === 'bool') return { kind: 'boolean', sql: ref, nullable: true, truthy: `coalesce(${ref}, FALSE)`, label };
  if (type === 'date' || type === 'timestamptz' || type.startsWith('timestamp with time zone')) {
    return stringValue(readColumn(ref, type), { low: true, toNumber: 'nan' }, true, label);
  }
  if (type === 'uuid') return { ...stringValue(`${ref}::text`, { low: true, toNumber: 'nan' }, true, label), uuid: ref };
  if (type === 'jsonb' || type === 'json') {
    const kind: ValueKind = isStringList(field) ? 'list' : 'json';
    const sql = type === 'json' ? `${ref}::jsonb` : ref;
    // A JSON value's truthiness is not compiled (see `truthyOf`): '' marks it unavailable.
    return { kind, sql, nullable: true, truthy: kind === 'list' ? truthySql('list', sql, true) : '', label };
  }
  return site.refuse(`${label} is stored as ${column.sqlType}, which JSON Logic filters do not read`, 'unsupported-variable');
}

/** A value the registry computes from the column (`readSql`, e.g. an auto-number's text), typed by its JSON Schema. */
function computedValue(site: Site, field: ScalarFieldModel, sql: string, label: string): Value {
  const type = field.def ? getFieldType(field.def.type).jsonSchema(field.def)['type'] : undefined;
  if (type === 'string') return stringValue(`(${sql})::text`, { low: false, toNumber: 'unknown' }, true, label);
  if (type === 'number' || type === 'integer') {
    return numberValue(`(${sql})::float8`, numberRange(Number.MAX_VALUE, Number.MIN_VALUE, false), true, label);
  }
  if (type === 'boolean') return { kind: 'boolean', sql: `(${sql})`, nullable: true, truthy: `coalesce((${sql}), FALSE)`, label };
  return site.refuse(`${label} is computed in a way JSON Logic filters do not read`, 'unsupported-variable');
}

/** A jsonb field whose values are lists of texts (multiSelect), by its JSON Schema. */
function isStringList(field: ScalarFieldModel): boolean {
  if (!field.def) return false;
  const schema = getFieldType(field.def.type).jsonSchema(field.def);
  const items = schema['items'] as Record<string, unknown> | undefined;
  return schema['type'] === 'array' && items?.['type'] === 'string';
}

function numberRange(max: number, minNonZero: number, integral: boolean): NumberRange {
  return { max, minNonZero, integral, nan: false, infinite: false, negativeZero: false };
}
