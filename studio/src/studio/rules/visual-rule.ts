/**
 * The visual rule builder's model and its two translations: `toJsonLogic` (always possible) and
 * `fromJsonLogic` (only for the shapes the builder writes, so switching from JSON back to the builder
 * never changes what a rule means). A rule is a group (all / any) of conditions and at most one level
 * of nested groups; a condition is field / operator / value.
 */
import type { EntityDefinition, FieldDefinition, JsonLogic } from '@trellis/metadata';

export type VisualOperator =
  | 'equals'
  | 'notEquals'
  | 'greater'
  | 'greaterOrEqual'
  | 'less'
  | 'lessOrEqual'
  | 'isBlank'
  | 'isNotBlank'
  | 'changed'
  | 'oneOf'
  | 'notOneOf'
  | 'contains'
  | 'notContains';

/** Which value of the field: as it is after the change, or as it was before (`previous`). */
export type ValueRoot = 'record' | 'previous';

export interface VisualCondition {
  kind: 'condition';
  root: ValueRoot;
  field: string;
  operator: VisualOperator;
  /** A string, number or boolean; a list for oneOf / notOneOf; absent for operators without a value. */
  value?: unknown;
}

export interface VisualGroup {
  kind: 'group';
  combinator: 'all' | 'any';
  items: VisualItem[];
}

export type VisualItem = VisualCondition | VisualGroup;

/** What the builder may offer where the expression lives. */
export interface BuilderOptions {
  /** `previous.<field>` and `changed` (validation rules and form conditions only). */
  previous: boolean;
}

/** How a field's values behave in the builder. */
export type ValueKind = 'text' | 'select' | 'number' | 'date' | 'dateTime' | 'boolean' | 'multiSelect' | 'reference' | 'references';

const TEXT_TYPES = new Set(['text', 'longText', 'email', 'phone', 'url', 'richText', 'autoNumber']);
const NUMBER_TYPES = new Set(['integer', 'decimal', 'percent', 'currency', 'rating', 'duration']);
const FORMULA_KINDS: Record<string, ValueKind> = {
  text: 'text',
  integer: 'number',
  decimal: 'number',
  percent: 'number',
  boolean: 'boolean',
  date: 'date',
  dateTime: 'dateTime',
};

/** The builder's kind of a field, or undefined when the builder cannot test it (json, oneToMany). */
export function valueKindOf(field: FieldDefinition): ValueKind | undefined {
  if (TEXT_TYPES.has(field.type)) return 'text';
  if (NUMBER_TYPES.has(field.type)) return 'number';
  switch (field.type) {
    case 'select':
      return 'select';
    case 'multiSelect':
      return 'multiSelect';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'dateTime':
      return 'dateTime';
    case 'relation':
      return field.cardinality === 'oneToMany' ? undefined : field.cardinality === 'manyToMany' ? 'references' : 'reference';
    case 'formula':
      return FORMULA_KINDS[String(field.resultType)];
    case 'rollup':
      return 'number';
    default:
      return undefined;
  }
}

const OPERATORS: Record<ValueKind, VisualOperator[]> = {
  text: ['equals', 'notEquals', 'contains', 'notContains', 'oneOf', 'notOneOf', 'isBlank', 'isNotBlank', 'changed'],
  select: ['equals', 'notEquals', 'oneOf', 'notOneOf', 'isBlank', 'isNotBlank', 'changed'],
  number: ['equals', 'notEquals', 'greater', 'greaterOrEqual', 'less', 'lessOrEqual', 'isBlank', 'isNotBlank', 'changed'],
  date: ['equals', 'notEquals', 'greater', 'greaterOrEqual', 'less', 'lessOrEqual', 'isBlank', 'isNotBlank', 'changed'],
  dateTime: ['greater', 'greaterOrEqual', 'less', 'lessOrEqual', 'isBlank', 'isNotBlank', 'changed'],
  boolean: ['equals', 'notEquals', 'changed'],
  multiSelect: ['contains', 'notContains', 'isBlank', 'isNotBlank', 'changed'],
  reference: ['equals', 'notEquals', 'isBlank', 'isNotBlank', 'changed'],
  references: ['isBlank', 'isNotBlank', 'changed'],
};

/** Computed values are never changed by a write, so `changed` is not offered for them. */
const COMPUTED_TYPES = new Set(['formula', 'rollup', 'autoNumber']);

/** Operators the builder offers for a field. */
export function operatorsFor(field: FieldDefinition, options: BuilderOptions): VisualOperator[] {
  const kind = valueKindOf(field);
  if (!kind) return [];
  return OPERATORS[kind].filter((op) => op !== 'changed' || (options.previous && !COMPUTED_TYPES.has(field.type)));
}

export const takesValue = (op: VisualOperator): boolean => !['isBlank', 'isNotBlank', 'changed'].includes(op);
export const takesList = (op: VisualOperator): boolean => op === 'oneOf' || op === 'notOneOf';

/** Words for an operator, adapted to the field's kind (dates read "is before"). */
export function operatorLabel(op: VisualOperator, kind?: ValueKind): string {
  const dates = kind === 'date' || kind === 'dateTime';
  switch (op) {
    case 'equals':
      return 'is';
    case 'notEquals':
      return 'is not';
    case 'greater':
      return dates ? 'is after' : 'is greater than';
    case 'greaterOrEqual':
      return dates ? 'is on or after' : 'is at least';
    case 'less':
      return dates ? 'is before' : 'is less than';
    case 'lessOrEqual':
      return dates ? 'is on or before' : 'is at most';
    case 'isBlank':
      return 'is blank';
    case 'isNotBlank':
      return 'is not blank';
    case 'changed':
      return 'changed';
    case 'oneOf':
      return 'is one of';
    case 'notOneOf':
      return 'is none of';
    case 'contains':
      return kind === 'multiSelect' ? 'includes' : 'contains';
    case 'notContains':
      return kind === 'multiSelect' ? 'does not include' : 'does not contain';
  }
}

/** Fields the builder can test, in document order. */
export function builderFields(entity: EntityDefinition, options: BuilderOptions): [string, FieldDefinition][] {
  return Object.entries(entity.fields).filter(([, f]) => operatorsFor(f, options).length > 0);
}

/** The value a new condition on this field starts with. */
export function defaultValue(field: FieldDefinition, op: VisualOperator): unknown {
  if (!takesValue(op)) return undefined;
  if (takesList(op)) return [];
  const kind = valueKindOf(field);
  if (kind === 'boolean') return true;
  if ((kind === 'select' || kind === 'multiSelect') && field.options?.length) return field.options[0].value;
  return kind === 'number' ? null : '';
}

/** A new condition on the first field the builder can test. */
export function newCondition(entity: EntityDefinition, options: BuilderOptions): VisualCondition | null {
  const first = builderFields(entity, options)[0];
  if (!first) return null;
  const [field, def] = first;
  const operator = operatorsFor(def, options)[0];
  return { kind: 'condition', root: 'record', field, operator, value: defaultValue(def, operator) };
}

export const emptyGroup = (): VisualGroup => ({ kind: 'group', combinator: 'all', items: [] });

// ---- visual → JSON Logic ----------------------------------------------------------------------

/** The var path of a condition's subject (`record.amount.amount` for a currency field). */
export function varPath(root: ValueRoot, field: string, def: FieldDefinition | undefined): string {
  return def?.type === 'currency' ? `${root}.${field}.amount` : `${root}.${field}`;
}

function conditionToLogic(c: VisualCondition, entity: EntityDefinition): JsonLogic {
  const v = { var: varPath(c.root, c.field, entity.fields[c.field]) };
  const value = c.value === undefined ? null : c.value;
  switch (c.operator) {
    case 'equals':
      return { '==': [v, value] };
    case 'notEquals':
      return { '!=': [v, value] };
    case 'greater':
      return { '>': [v, value] };
    case 'greaterOrEqual':
      return { '>=': [v, value] };
    case 'less':
      return { '<': [v, value] };
    case 'lessOrEqual':
      return { '<=': [v, value] };
    case 'isBlank':
      return { isBlank: v };
    case 'isNotBlank':
      return { '!': { isBlank: v } };
    case 'changed':
      return { changed: c.field };
    case 'oneOf':
      return { in: [v, Array.isArray(value) ? value : []] };
    case 'notOneOf':
      return { '!': { in: [v, Array.isArray(value) ? value : []] } };
    case 'contains':
      return { in: [value, v] };
    case 'notContains':
      return { '!': { in: [value, v] } };
  }
}

/**
 * The JSON Logic of a visual rule. A top-level "all" group of one condition is written as that condition;
 * an empty group gives undefined (no rule).
 */
export function toJsonLogic(group: VisualGroup, entity: EntityDefinition): JsonLogic | undefined {
  if (group.items.length === 0) return undefined;
  if (group.combinator === 'all' && group.items.length === 1 && group.items[0].kind === 'condition') {
    return conditionToLogic(group.items[0], entity);
  }
  return groupToLogic(group, entity);
}

function groupToLogic(group: VisualGroup, entity: EntityDefinition): JsonLogic {
  const items = group.items.map((item) => (item.kind === 'group' ? groupToLogic(item, entity) : conditionToLogic(item, entity)));
  return { [group.combinator === 'all' ? 'and' : 'or']: items };
}

// ---- JSON Logic → visual ----------------------------------------------------------------------

export type ParseResult = { ok: true; group: VisualGroup } | { ok: false; reason: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPrimitive = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** `{ op: args }` → [op, args as a list], or null when not an operation. */
function operation(node: unknown): [string, unknown[]] | null {
  if (!isObject(node)) return null;
  const keys = Object.keys(node);
  if (keys.length !== 1) return null;
  const raw = node[keys[0]];
  return [keys[0], Array.isArray(raw) ? raw : [raw]];
}

class NotRepresentable extends Error {}
const fail = (reason: string): never => {
  throw new NotRepresentable(reason);
};

interface Subject {
  root: ValueRoot;
  field: string;
  def: FieldDefinition;
}

function subjectOf(node: unknown, entity: EntityDefinition, options: BuilderOptions, blankCheck = false): Subject | null {
  const op = operation(node);
  if (!op || op[0] !== 'var' || op[1].length !== 1 || typeof op[1][0] !== 'string') return null;
  const [root, field, sub, ...rest] = op[1][0].split('.');
  if (root !== 'record' && root !== 'previous') fail(`"${op[1][0]}" is not a field of the record`);
  if (root === 'previous' && !options.previous) fail(`"${op[1][0]}": the previous value cannot be used here`);
  const def = entity.fields[field];
  if (!def) fail(`"${op[1][0]}" names no field of this entity`);
  const currency = def.type === 'currency';
  const fits = rest.length === 0 && (sub === undefined ? !currency || blankCheck : currency && sub === 'amount');
  if (!fits) fail(`"${op[1][0]}" reads a part of a value`);
  if (operatorsFor(def, options).length === 0) fail(`field ${field} cannot be tested in the visual builder`);
  return { root: root as ValueRoot, field, def };
}

const FLIPPED: Record<string, string> = { '>': '<', '>=': '<=', '<': '>', '<=': '>=' };
const COMPARISONS: Record<string, VisualOperator> = {
  '==': 'equals',
  '!=': 'notEquals',
  '>': 'greater',
  '>=': 'greaterOrEqual',
  '<': 'less',
  '<=': 'lessOrEqual',
};

function make(s: Subject, operator: VisualOperator, options: BuilderOptions, value?: unknown): VisualCondition {
  if (!operatorsFor(s.def, options).includes(operator)) fail(`"${operatorLabel(operator)}" is not offered for field ${s.field}`);
  const c: VisualCondition = { kind: 'condition', root: s.root, field: s.field, operator };
  if (takesValue(operator)) c.value = value;
  return c;
}

function parseCondition(node: unknown, entity: EntityDefinition, options: BuilderOptions): VisualCondition {
  const op = operation(node);
  if (!op) return fail('a condition must be an operation such as {"==": [...]}');
  const [name, args] = op;
  if (name in COMPARISONS) {
    if (args.length !== 2) fail(`"${name}" with ${args.length} arguments`);
    const left = subjectOf(args[0], entity, options);
    const right = left ? null : subjectOf(args[1], entity, options);
    const subject = left ?? right;
    const value = left ? args[1] : args[0];
    if (!subject || !isPrimitive(value)) return fail(`"${name}" must compare a field with a value`);
    const effective = right && FLIPPED[name] ? FLIPPED[name] : name;
    return make(subject, COMPARISONS[effective], options, value);
  }
  if (name === 'isBlank' && args.length === 1) {
    const subject = subjectOf(args[0], entity, options, true);
    if (subject) return make(subject, 'isBlank', options);
  }
  if (name === 'changed' && args.length === 1 && typeof args[0] === 'string') {
    const field = args[0].startsWith('record.') ? args[0].slice(7) : args[0];
    const def = entity.fields[field];
    if (!def) fail(`"changed" names no field of this entity`);
    if (!options.previous) fail('"changed" cannot be used here');
    return make({ root: 'record', field, def }, 'changed', options);
  }
  if (name === 'in' && args.length === 2) {
    const subject = subjectOf(args[0], entity, options);
    if (subject && Array.isArray(args[1]) && args[1].every(isPrimitive)) return make(subject, 'oneOf', options, args[1]);
    const container = subjectOf(args[1], entity, options);
    if (container && isPrimitive(args[0])) return make(container, 'contains', options, args[0]);
  }
  if (name === '!' && args.length === 1) {
    const inner = parseCondition(args[0], entity, options);
    const negated: Partial<Record<VisualOperator, VisualOperator>> = { isBlank: 'isNotBlank', oneOf: 'notOneOf', contains: 'notContains' };
    const op2 = negated[inner.operator];
    if (op2) return make({ root: inner.root, field: inner.field, def: entity.fields[inner.field] }, op2, options, inner.value);
  }
  return fail(`the builder has no row for ${JSON.stringify(node).slice(0, 80)}`);
}

function parseGroup(node: unknown, entity: EntityDefinition, options: BuilderOptions, depth: number): VisualGroup {
  const op = operation(node);
  if (op && (op[0] === 'and' || op[0] === 'or') && Array.isArray((node as Record<string, unknown>)[op[0]])) {
    const items = op[1].map((item): VisualItem => {
      const inner = operation(item);
      if (inner && (inner[0] === 'and' || inner[0] === 'or')) {
        if (depth >= 1) fail('groups are nested more than one level deep');
        return parseGroup(item, entity, options, depth + 1);
      }
      return parseCondition(item, entity, options);
    });
    return { kind: 'group', combinator: op[0] === 'and' ? 'all' : 'any', items };
  }
  return { kind: 'group', combinator: 'all', items: [parseCondition(node, entity, options)] };
}

/** The visual form of `expr`, or why there is none. Undefined or null is an empty rule. */
export function fromJsonLogic(expr: JsonLogic | undefined, entity: EntityDefinition, options: BuilderOptions): ParseResult {
  if (expr === undefined || expr === null) return { ok: true, group: emptyGroup() };
  try {
    return { ok: true, group: parseGroup(expr, entity, options, 0) };
  } catch (e) {
    if (e instanceof NotRepresentable) return { ok: false, reason: e.message };
    throw e;
  }
}
