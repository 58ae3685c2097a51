/**
 * GraphQL filter object → parameterized SQL boolean expression over one table alias.
 * Identifiers are quoted, every value is a `$n` parameter. Unknown fields or operators are refused
 * with BAD_USER_INPUT (GraphQL validates too; this is the defence for other callers).
 */
import type { FilterOperator } from '@trellis/metadata';
import type { DataModel, EntityModel, FieldModel, ScalarFieldModel } from './data-model.js';
import { entityOf } from './data-model.js';
import { customFilterSql } from './custom-filter.js';
import { badUserInput } from './record-errors.js';
import { AliasSource, SqlParams, quoteIdent } from './sql.js';
import type { RecordAccess } from '../permissions/record-access.js';

export type FilterInput = Record<string, unknown>;

export interface FilterScope {
  model: DataModel;
  params: SqlParams;
  aliases: AliasSource;
  /**
   * The requester's access: hidden fields are refused, related records are matched only within the
   * requester's read scope (else a filter through a relation would probe records they cannot see).
   * Absent: the platform's own statements, unrestricted.
   */
  access?: RecordAccess;
}

/** `cond AND <read scope of entity over alias>`, or `cond` alone when the requester may read every row. */
export function withReadScope(scope: FilterScope, entity: EntityModel, alias: string, cond: string): string {
  if (!scope.access || scope.access.unrestricted) return cond;
  const visible = scope.access.scopeSql(scope, entity, 'read', alias);
  if (visible === 'TRUE') return cond;
  return cond === 'TRUE' ? visible : `${cond} AND ${visible}`;
}

/** The filter as one SQL boolean expression over `alias` (a row of `entity`); `TRUE` when empty. */
export function compileFilter(scope: FilterScope, entity: string, filter: unknown, alias: string): string {
  return entityFilter(scope, entityOf(scope.model, entity), filter, alias);
}

function entityFilter(scope: FilterScope, entity: EntityModel, filter: unknown, alias: string): string {
  if (filter === null || filter === undefined) return 'TRUE';
  const object = asObject(filter, `filter on ${entity.name}`);
  const parts: string[] = [];
  for (const key of Object.keys(object)) {
    const value = object[key];
    if (value === undefined || value === null) {
      if (value === null && isRelationKey(entity, key)) parts.push(nullRelation(entity, key, alias));
      continue;
    }
    if (key === 'and' || key === 'or') {
      const list = asList(value, `${entity.name}.${key}`).map((f) => entityFilter(scope, entity, f, alias));
      parts.push(combine(list, key === 'and' ? 'AND' : 'OR'));
    } else if (key === 'not') {
      // NULL-safe: `not: { active: { eq: true } }` includes records whose `active` is NULL.
      parts.push(`(${entityFilter(scope, entity, value, alias)}) IS NOT TRUE`);
    } else {
      const field = entity.fields.get(key);
      if (!field) throw badUserInput(`Unknown field "${key}" in filter on ${entity.name}`);
      scope.access?.assertField(entity, key, 'filter');
      parts.push(fieldFilter(scope, entity, field, value, alias));
    }
  }
  return combine(parts, 'AND');
}

function fieldFilter(scope: FilterScope, entity: EntityModel, field: FieldModel, value: unknown, alias: string): string {
  switch (field.kind) {
    case 'scalar':
      return scalarFilter(scope, entity, field, asObject(value, `filter on ${entity.name}.${field.name}`), alias);
    case 'manyToOne': {
      const nested = asObject(value, `filter on ${entity.name}.${field.name}`);
      const fk = `${alias}.${quoteIdent(field.column)}`;
      const target = entityOf(scope.model, field.target);
      const keys = Object.keys(nested).filter((k) => nested[k] !== undefined);
      // Only the target's id is asked for: compare the foreign key itself, no subquery.
      if (keys.length === 1 && keys[0] === 'id' && nested['id'] !== null) {
        const id = target.fields.get('id') as ScalarFieldModel;
        return `(${fk} IS NOT NULL AND ${scalarFilter(scope, target, id, asObject(nested['id'], `${field.name}.id`), alias, fk)})`;
      }
      const t = scope.aliases.take();
      const inner = withReadScope(scope, target, t, entityFilter(scope, target, nested, t));
      return `EXISTS (SELECT 1 FROM ${target.table} ${t} WHERE ${t}."id" = ${fk} AND ${inner})`;
    }
    case 'oneToMany':
    case 'manyToMany': {
      const relation = asObject(value, `filter on ${entity.name}.${field.name}`);
      const parts: string[] = [];
      for (const key of Object.keys(relation)) {
        const nested = relation[key];
        if (nested === undefined || nested === null) continue;
        if (key !== 'some' && key !== 'none') {
          throw badUserInput(`Unknown relation filter "${key}" on ${entity.name}.${field.name} (use some / none)`);
        }
        const exists = toManyExists(scope, field, nested, alias);
        parts.push(key === 'some' ? exists : `NOT ${exists}`);
      }
      return combine(parts, 'AND');
    }
  }
}

function toManyExists(
  scope: FilterScope,
  field: Extract<FieldModel, { kind: 'oneToMany' | 'manyToMany' }>,
  nested: unknown,
  alias: string,
): string {
  const target = entityOf(scope.model, field.target);
  const t = scope.aliases.take();
  if (field.kind === 'oneToMany') {
    const inner = withReadScope(scope, target, t, entityFilter(scope, target, nested, t));
    return `EXISTS (SELECT 1 FROM ${target.table} ${t} WHERE ${t}.${quoteIdent(field.targetColumn)} = ${alias}."id" AND ${inner})`;
  }
  const j = scope.aliases.take('j');
  const inner = withReadScope(scope, target, t, entityFilter(scope, target, nested, t));
  return (
    `EXISTS (SELECT 1 FROM ${field.junction} ${j} JOIN ${target.table} ${t} ON ${t}."id" = ${j}.${quoteIdent(field.otherColumn)}` +
    ` WHERE ${j}.${quoteIdent(field.selfColumn)} = ${alias}."id" AND ${inner})`
  );
}

/** `company: null` in a filter: records without a company (manyToOne only). */
function isRelationKey(entity: EntityModel, key: string): boolean {
  return entity.fields.get(key)?.kind === 'manyToOne';
}

function nullRelation(entity: EntityModel, key: string, alias: string): string {
  const field = entity.fields.get(key) as Extract<FieldModel, { kind: 'manyToOne' }>;
  return `${alias}.${quoteIdent(field.column)} IS NULL`;
}

/**
 * One field's operators. The main column takes the operators; a composite type's other columns are
 * filtered by equality under their key (`currency: "EUR"`). `columnRef` overrides the column expression.
 */
function scalarFilter(
  scope: FilterScope,
  entity: EntityModel,
  field: ScalarFieldModel,
  ops: Record<string, unknown>,
  alias: string,
  columnRef?: string,
): string {
  const [main, ...parts] = field.columns;
  if (!main) throw badUserInput(`Field "${field.name}" of ${entity.name} cannot be filtered`);
  const column = columnRef ?? `${alias}.${quoteIdent(main.column)}`;
  // Operators compare the value as read (an auto-number's `INV-00042`), sorting stays on the column.
  const ref = field.read ? field.read(column) : column;
  const json = main.sqlType === 'jsonb';
  const out: string[] = [];
  for (const op of Object.keys(ops)) {
    const operand = ops[op];
    if (operand === undefined) continue;
    const part = parts.find((p) => p.key === op);
    if (part) {
      const partRef = `${alias}.${quoteIdent(part.column)}`;
      out.push(operand === null ? `${partRef} IS NULL` : `${partRef} = ${scope.params.add(scalarOperand(operand, field, op))}`);
      continue;
    }
    const custom = field.filters?.[op];
    if (custom) {
      if (operand !== null) out.push(customFilterSql(scope.params, field, op, custom, operand, alias));
      continue;
    }
    if (!(field.operators as string[]).includes(op)) {
      throw badUserInput(`Unknown filter operator "${op}" on ${entity.name}.${field.name}`);
    }
    out.push(operatorSql(scope.params, op as FilterOperator, ref, operand, field, json));
  }
  return combine(out, 'AND');
}

function operatorSql(
  params: SqlParams,
  op: FilterOperator,
  ref: string,
  operand: unknown,
  field: ScalarFieldModel,
  json: boolean,
): string {
  const value = (v: unknown) => params.add(json ? JSON.stringify(v) : v);
  const cast = json ? '::jsonb' : '';
  switch (op) {
    case 'eq':
      return operand === null ? `${ref} IS NULL` : `${ref} = ${value(scalarOperand(operand, field, op))}${cast}`;
    case 'neq':
      // NULL counts as "not equal": `stage neq won` includes records without a stage.
      return operand === null ? `${ref} IS NOT NULL` : `${ref} IS DISTINCT FROM ${value(scalarOperand(operand, field, op))}${cast}`;
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      if (operand === null) throw badUserInput(`Operator "${op}" on ${field.name} needs a value`);
      const sign = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[op];
      return `${ref} ${sign} ${value(scalarOperand(operand, field, op))}${cast}`;
    }
    case 'like':
    case 'ilike':
      if (typeof operand !== 'string') throw badUserInput(`Operator "${op}" on ${field.name} needs a string pattern`);
      return `${ref} ${op === 'like' ? 'LIKE' : 'ILIKE'} ${params.add(operand)}`;
    case 'in':
    case 'notIn': {
      const list = listOperand(operand, field, op);
      const any = json ? `${ref} = ANY(${params.add(list.map((v) => JSON.stringify(v)))}::jsonb[])` : `${ref} = ANY(${params.add(list)})`;
      return op === 'in' ? any : `(${any}) IS NOT TRUE`;
    }
    case 'isNull':
      if (typeof operand !== 'boolean') throw badUserInput(`Operator "isNull" on ${field.name} needs true or false`);
      return operand ? `${ref} IS NULL` : `${ref} IS NOT NULL`;
    case 'containsAny':
    case 'containsAll': {
      const list = listOperand(operand, field, op);
      if (!list.every((v) => typeof v === 'string')) throw badUserInput(`Operator "${op}" on ${field.name} needs strings`);
      return `${ref} ${op === 'containsAny' ? '?|' : '?&'} ${params.add(list)}::text[]`;
    }
    default:
      throw badUserInput(`Unknown filter operator "${String(op)}" on ${field.name}`);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a record id (uuid). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

function scalarOperand(operand: unknown, field: ScalarFieldModel, op: string): unknown {
  const sqlType = field.columns[0]!.sqlType;
  if (operand !== null && typeof operand === 'object' && sqlType !== 'jsonb') {
    throw badUserInput(`Operator "${op}" on ${field.name} needs a single value`);
  }
  if (sqlType === 'uuid' && operand !== null && !isUuid(operand)) {
    throw badUserInput(`Operator "${op}" on ${field.name}: ${JSON.stringify(operand)} is not a valid ID`);
  }
  return operand;
}

function listOperand(operand: unknown, field: ScalarFieldModel, op: string): unknown[] {
  if (!Array.isArray(operand)) throw badUserInput(`Operator "${op}" on ${field.name} needs a list`);
  for (const item of operand) {
    if (item === null || item === undefined) throw badUserInput(`Operator "${op}" on ${field.name} takes no null values`);
    scalarOperand(item, field, op);
  }
  return operand;
}

function combine(parts: string[], joiner: 'AND' | 'OR'): string {
  if (parts.length === 0) return joiner === 'AND' ? 'TRUE' : 'FALSE';
  if (parts.length === 1) return parts[0]!;
  return '(' + parts.join(` ${joiner} `) + ')';
}

function asObject(value: unknown, what: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw badUserInput(`The ${what} must be an object`);
  return value as Record<string, unknown>;
}

function asList(value: unknown, what: string): unknown[] {
  if (Array.isArray(value)) return value;
  // GraphQL coerces a single item to a list; other callers may pass one object too.
  if (typeof value === 'object' && value !== null) return [value];
  throw badUserInput(`The ${what} filter must be a list of filters`);
}
