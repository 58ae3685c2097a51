/**
 * JSON Logic predicate over `record` (and constants from `user` / `now`) → a parameterized SQL boolean
 * expression over one row of an entity table. Identifiers come only from metadata (quoted), every value is a
 * `$n` parameter. The SQL is true for a row exactly when json-logic-js (runtime `evaluateRule`) finds the rule
 * truthy for `{ record: <the row as the API returns it>, user, now }`; where that cannot be reproduced exactly,
 * the rule is refused at compile time (RuleCompileError, BAD_USER_INPUT) — never a different answer.
 *
 * Supported subset:
 * - values: literals (number, text, boolean, null, arrays), `var` of `record.<field>` (system fields too;
 *   dates read `YYYY-MM-DD`, instants ISO 8601 UTC, a manyToOne its id), `record.<manyToOne>.<field>…` (the
 *   related record, null when none), `record.<currency>.amount|currency`, `user.<…>`, `now`.
 * - `==` `===` `!=` `!==` (JavaScript loose/strict equality), `<` `<=` (also the 3-argument "between"),
 *   `>` `>=` (texts compare as texts in UTF-16 order, anything else as numbers: null → 0, NaN never),
 *   `!` `!!` `and` `or` `if` / `?:` (truthiness: 0, '', null, NaN, false and [] are falsy), `in` (item of an
 *   array, substring of a text, option of a multiSelect), `+` `-` `*` `/` `%` `min` `max` (IEEE doubles like
 *   JavaScript: ±Infinity and NaN on division by zero, -0; `%` for whole numbers only), `cat`, `isBlank`,
 *   `lower`, `upper`.
 * - `and` / `or` / `if` return one of their operands; the compiler evaluates their truthiness for the
 *   predicate, and their value only when all operands have one type.
 * Refused (with the reason): other operators (`changed` needs `previous`, `map`, `substr`, …), `previous`,
 * `var` defaults and computed paths, lists of related records, JSON fields except isBlank / null tests,
 * and every conversion whose JavaScript result SQL cannot reproduce: a free-text field compared with a number
 * or meeting arithmetic (JavaScript's number parsing), fractional numbers turned into text, arithmetic whose
 * range could overflow. Known residual difference: `lower`/`upper` of a Greek capital sigma next to a letter
 * cased only in Unicode 17 (JavaScript) but not in Postgres's Unicode 16.
 */
import type { MetadataDocument } from '@trellis/metadata';
import type { WhereCompiler } from '../records/compile-select.js';
import { dataModelOf, type DataModel, type EntityModel } from '../records/data-model.js';
import { AliasSource, SqlParams } from '../records/sql.js';
import { divide, extreme, minus, modulo, plus, times } from './arithmetic.js';
import { looseEquals, relation, strictEquals, type Relation } from './compare-values.js';
import { RuleCompileError, type RefusalReason } from './rule-compile-error.js';
import { readThrough, variable, type RuleEnvironment, type VariableScope } from './rule-variables.js';
import {
  SQL_TYPE,
  constantOf,
  constantValue,
  predicateValue,
  typedSql,
  type NumberRange,
  type Site,
  type Value,
  type ValueKind,
} from './sql-value.js';
import { cat, changeCase, inOperator, isBlank } from './text-operations.js';

export type { RuleEnvironment } from './rule-variables.js';
import type { RecordAccess } from '../permissions/record-access.js';

/** What compiling needs: the data model, the statement's parameters and aliases, and `user` / `now`. */
export interface WhereScope {
  model: DataModel;
  params: SqlParams;
  aliases: AliasSource;
  env: RuleEnvironment;
  /** The requester's access (their `where` argument); absent for the platform's own predicates. */
  access?: RecordAccess;
}

export const SUPPORTED_OPERATORS = [
  'var', '==', '===', '!=', '!==', '<', '<=', '>', '>=', '!', '!!', 'and', 'or', 'if', '?:', 'in',
  '+', '-', '*', '/', '%', 'min', 'max', 'cat', 'isBlank', 'lower', 'upper',
] as const;

/** The rule as one SQL boolean expression (never NULL) over `alias`, a row of `entity`. */
export function compileJsonLogic(scope: WhereScope, entity: string, rule: unknown, alias: string): string {
  const model = scope.model.entities.get(entity);
  if (!model) throw new RuleCompileError(`Unknown entity "${entity}"`, 'invalid', '');
  const compiler = new RuleCompiler({ model: scope.model, aliases: scope.aliases, env: scope.env, expanded: readThrough(rule), access: scope.access }, model, alias);
  const sql = compiler.predicate(rule);
  return compiler.bind(sql, scope.params);
}

/** `user` / `now` used when checking a rule ahead of any request (publish): the shapes requests have. */
export const STATIC_CHECK_ENVIRONMENT: RuleEnvironment = { user: { id: 'static-check', kind: 'user' }, now: '2000-01-01T00:00:00.000Z' };

/**
 * Throws RuleCompileError when the SQL compiler cannot handle `expr` as a filter of `entity` in `doc`
 * (for the metadata store: a saved view whose filter would fail is refused at publish).
 */
export function assertCompilable(doc: MetadataDocument, entity: string, expr: unknown): void {
  const model = dataModelOf(doc, 'main');
  compileJsonLogic({ model, params: new SqlParams(), aliases: new AliasSource(), env: STATIC_CHECK_ENVIRONMENT }, entity, expr, 't0');
}

const RELATIONS = new Set<string>(['<', '<=', '>', '>=']);
const EXPLAINED: Record<string, string> = {
  changed: '"changed" compares with the previous values of a record being written; a filter reads stored records',
};
const PLACEHOLDER = /\u0001(\d+)\u0001/g;

class RuleCompiler {
  /** Parameter values by placeholder number; only those left in the final SQL are bound. */
  private readonly pending: unknown[] = [];

  constructor(
    private readonly scope: VariableScope,
    private readonly entity: EntityModel,
    private readonly alias: string,
  ) {}

  predicate(rule: unknown): string {
    const site = this.site('');
    return truthyOf(site, this.value(rule, ''));
  }

  /** Replaces placeholders by `$n` of the statement, adding only the parameters the SQL still uses. */
  bind(sql: string, params: SqlParams): string {
    const bound = new Map<string, string>();
    return sql.replace(PLACEHOLDER, (_, index: string) => {
      let placeholder = bound.get(index);
      if (!placeholder) bound.set(index, (placeholder = params.add(this.pending[Number(index)])));
      return placeholder;
    });
  }

  private site(at: string): Site {
    return {
      params: { add: (value: unknown) => `\u0001${this.pending.push(value) - 1}\u0001` },
      refuse: (message: string, reason: RefusalReason): never => {
        throw new RuleCompileError(message, reason, at);
      },
    };
  }

  private value(node: unknown, at: string): Value {
    const site = this.site(at);
    if (Array.isArray(node)) {
      const items = node.map((item, i) => this.value(item, `${at}[${i}]`));
      const constant = items.every((item) => constantOf(item)) ? { value: items.map((item) => constantOf(item)!.value) } : undefined;
      return { kind: 'array', sql: '', nullable: false, items, truthy: items.length > 0 ? 'TRUE' : 'FALSE', label: labelOf(node), ...(constant ? { constant } : {}) };
    }
    if (node === null || typeof node !== 'object' || Object.keys(node).length !== 1) return constantValue(site, node, labelOf(node));
    const op = Object.keys(node)[0]!;
    const raw = (node as Record<string, unknown>)[op];
    const argNodes = Array.isArray(raw) ? raw : [raw];
    const here = at ? `${at}.${op}` : op;
    const label = labelOf(node);
    if (op === 'var') return this.variable(site, argNodes, label);
    if (op === 'and' || op === 'or') return this.logical(op, argNodes, here, label);
    if (op === 'if' || op === '?:') return this.conditional(argNodes, here, label);
    if (!(SUPPORTED_OPERATORS as readonly string[]).includes(op)) {
      const why = EXPLAINED[op] ?? `Operator "${op}" is not supported in SQL filters (supported: ${SUPPORTED_OPERATORS.join(' ')})`;
      return this.site(here).refuse(why, 'unsupported-operator');
    }
    const args = argNodes.map((arg, i) => this.value(arg, `${here}[${i}]`));
    return this.operation(this.site(here), op, args, label);
  }

  private operation(site: Site, op: string, args: Value[], label: string): Value {
    const undef = constantValue(site, undefined);
    const arg = (i: number) => args[i] ?? undef;
    switch (op) {
      case '==':
        return predicateValue(looseEquals(site, arg(0), arg(1)), label);
      case '!=':
        return predicateValue(not(looseEquals(site, arg(0), arg(1))), label);
      case '===':
        return predicateValue(strictEquals(site, arg(0), arg(1)), label);
      case '!==':
        return predicateValue(not(strictEquals(site, arg(0), arg(1))), label);
      case '!':
        return predicateValue(not(truthyOf(site, arg(0))), label);
      case '!!':
        return predicateValue(truthyOf(site, arg(0)), label);
      case 'in':
        return inOperator(site, arg(0), arg(1), label);
      case '+':
        return plus(site, args, label);
      case '-':
        return minus(site, args, label);
      case '*':
        return times(site, args, label);
      case '/':
        return divide(site, args, label);
      case '%':
        return modulo(site, args, label);
      case 'min':
      case 'max':
        return extreme(site, op, args, label);
      case 'cat':
        return cat(site, args, label);
      case 'isBlank':
        return isBlank(site, arg(0), label);
      case 'lower':
      case 'upper':
        return changeCase(site, op, arg(0), label);
      default: {
        if (!RELATIONS.has(op)) throw new Error(`internal: operator ${op} not dispatched`);
        const first = relation(site, op as Relation, arg(0), arg(1));
        // json-logic-js: < and <= with a third argument test a < b && b < c; > and >= ignore it.
        if ((op === '<' || op === '<=') && args.length >= 3) return predicateValue(and([first, relation(site, op, arg(1), arg(2))]), label);
        return predicateValue(first, label);
      }
    }
  }

  private variable(site: Site, argNodes: unknown[], label: string): Value {
    const [path, fallback] = argNodes;
    if (argNodes.length > 1 && fallback !== undefined) {
      site.refuse(`${label}: a var with a default value is not supported in SQL filters`, 'unsupported-variable');
    }
    if (typeof path !== 'string') {
      if (typeof path === 'object' && path !== null) site.refuse(`${label}: a var whose path is computed is not supported in SQL filters`, 'unsupported-variable');
      site.refuse(`${label}: a var needs a path such as "record.name"`, 'unsupported-variable');
    }
    return variable(site, this.scope, this.entity, this.alias, path);
  }

  /** and: the first falsy operand, else the last; or: the first truthy one, else the last. */
  private logical(op: 'and' | 'or', argNodes: unknown[], at: string, label: string): Value {
    const site = this.site(at);
    if (argNodes.length === 0) return constantValue(site, undefined, label);
    const values = argNodes.map((arg, i) => this.value(arg, `${at}[${i}]`));
    const truthies = values.map((v) => truthyOf(site, v));
    const truthy = op === 'and' ? and(truthies) : or(truthies);
    const arms = values.slice(0, -1).map((v, i) => [op === 'and' ? not(truthies[i]!) : truthies[i]!, v] as const);
    return merged(values, arms, values[values.length - 1]!, truthy, label);
  }

  /** if: [cond, then, cond, then, …, else?] — no else gives null. */
  private conditional(argNodes: unknown[], at: string, label: string): Value {
    const site = this.site(at);
    const values = argNodes.map((arg, i) => this.value(arg, `${at}[${i}]`));
    const arms: (readonly [string, Value])[] = [];
    let i = 0;
    for (; i < values.length - 1; i += 2) arms.push([truthyOf(site, values[i]!), values[i + 1]!] as const);
    const otherwise = i === values.length - 1 ? values[i]! : constantValue(site, null);
    const cases = arms.map(([condition, v]) => `WHEN ${condition} THEN ${truthyOf(site, v)}`);
    const truthy = cases.length === 0 ? truthyOf(site, otherwise) : `(CASE ${cases.join(' ')} ELSE ${truthyOf(site, otherwise)} END)`;
    return merged([...arms.map(([, v]) => v), otherwise], arms, otherwise, truthy, label);
  }
}

/** JSON Logic truthiness as SQL; JSON fields are refused (JavaScript's reading of their numbers differs). */
function truthyOf(site: Site, value: Value): string {
  if (value.kind === 'json') {
    site.refuse(`The truthiness of ${value.label} (a JSON field) is not supported; use {"isBlank": …} or compare with null`, 'type-mismatch');
  }
  return value.truthy;
}

/**
 * The value of and / or / if: `CASE WHEN arm THEN value … ELSE otherwise END` when every operand has one type
 * (nulls aside); otherwise only its truthiness is known ('mixed').
 */
function merged(values: Value[], arms: readonly (readonly [string, Value])[], otherwise: Value, truthy: string, label: string): Value {
  const kinds = new Set(values.map((v) => v.kind).filter((k) => k !== 'null'));
  const [kind] = kinds;
  const nullable = values.some((v) => v.nullable);
  if (kinds.size === 0) return { kind: 'null', sql: 'NULL', nullable: true, constant: { value: null }, truthy: 'FALSE', label };
  if (kinds.size > 1 || !kind || !SQL_TYPE[kind] || kind === 'json') return { kind: 'mixed', sql: '', nullable, truthy, label };
  const cases = arms.map(([condition, v]) => `WHEN ${condition} THEN ${typedSql(v, kind)}`).join(' ');
  const sql = arms.length === 0 ? typedSql(otherwise, kind) : `(CASE ${cases} ELSE ${typedSql(otherwise, kind)} END)`;
  const typed = values.filter((v) => v.kind === kind);
  const value: Value = { kind: kind as ValueKind, sql, nullable, truthy, label };
  if (kind === 'number') value.range = mergeRanges(typed.map((v) => v.range!));
  if (kind === 'string') {
    const low = typed.every((v) => v.text?.low ?? false);
    const nan = typed.every((v) => (v.constant ? Number.isNaN(Number(v.constant.value)) : v.text!.toNumber === 'nan'));
    value.text = { low, toNumber: nan ? 'nan' : 'unknown' };
  }
  return value;
}

function mergeRanges(ranges: NumberRange[]): NumberRange {
  return {
    max: Math.max(...ranges.map((r) => r.max)),
    minNonZero: Math.min(...ranges.map((r) => r.minNonZero)),
    integral: ranges.every((r) => r.integral),
    nan: ranges.some((r) => r.nan),
    infinite: ranges.some((r) => r.infinite),
    negativeZero: ranges.some((r) => r.negativeZero),
  };
}

function not(sql: string): string {
  if (sql === 'TRUE') return 'FALSE';
  if (sql === 'FALSE') return 'TRUE';
  return `NOT (${sql})`;
}

function and(parts: string[]): string {
  if (parts.includes('FALSE')) return 'FALSE';
  const real = parts.filter((p) => p !== 'TRUE');
  return real.length === 0 ? 'TRUE' : real.length === 1 ? real[0]! : `(${real.map((p) => `(${p})`).join(' AND ')})`;
}

function or(parts: string[]): string {
  if (parts.includes('TRUE')) return 'TRUE';
  const real = parts.filter((p) => p !== 'FALSE');
  return real.length === 0 ? 'FALSE' : real.length === 1 ? real[0]! : `(${real.map((p) => `(${p})`).join(' OR ')})`;
}

function labelOf(node: unknown): string {
  const text = JSON.stringify(node) ?? String(node);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}


/** The `where` hook of the record compilers: this compiler, bound to a request's `user` and `now`. */
export function whereCompiler(env: RuleEnvironment): WhereCompiler {
  return (scope, entity, rule, alias) => {
    // A JSON Logic text is a (truthy) constant: almost surely a rule sent as a string by mistake.
    if (typeof rule === 'string') {
      throw new RuleCompileError('The where argument is a text; pass the JSON Logic rule as a JSON value (e.g. in a JSON variable), not as a string', 'invalid', '');
    }
    return compileJsonLogic({ model: scope.model, params: scope.params, aliases: scope.aliases, env, access: scope.access }, entity, rule, alias);
  };
}
