/**
 * An entity's validation rules and form conditions, prepared once per (document object, entity): active
 * rules with their parsed messages, and per field its visibleWhen / requiredWhen / readOnlyWhen. Evaluation
 * is JSON Logic over the rule context; a rule that throws never passes silently (fail closed).
 */
import type { EntityDefinition, FieldConditions, FieldDefinition, MetadataDocument } from '@trellis/metadata';
import { getEntity, writableFields } from '../entity.js';
import { formatFieldLabel } from '../field-label.js';
import { evaluateRule, isTruthy, type JsonLogicRule } from '../json-logic.js';
import type { FieldError } from '../translate-errors.js';
import { describeCondition } from './describe-condition.js';
import { compileMessage, type MessageTemplate } from './interpolate.js';
import { RELATED_ROOT, withRelatedPaths, withRelatedPlaceholders } from './related-reads.js';
import './operations.js';
import type { RuleContext } from './rule-context.js';

/** Where a rule's message goes when it names no field. */
export const RECORD_FIELD = '_record';

export type ConditionKind = keyof FieldConditions;

/** How the form shows one field for the record being edited. */
export interface FieldState {
  visible: boolean;
  /** Visible and required (by the field's `required` or its `requiredWhen`). */
  required: boolean;
  /** Evaluated on the stored record when there is one (an edit), else on the new record. */
  readOnly: boolean;
  /** Set when a condition of this field could not be evaluated (the state then errs on the closed side). */
  error?: string;
}

export type FieldStates = Record<string, FieldState>;

/** One condition's outcome, for enforcement. */
export interface ConditionOutcome {
  field: string;
  kind: ConditionKind;
  holds: boolean;
  /** The fail-closed message when it threw. */
  error?: string;
}

export interface CompiledRule {
  name: string;
  label: string;
  invalidWhen: JsonLogicRule;
  message: MessageTemplate;
  fields: string[];
  /** Whether it reads a related record (`record.account.status`): evaluated only when `ctx.$related` is given. */
  readsRelated: boolean;
}

export interface CompiledCondition {
  field: string;
  kind: ConditionKind;
  rule: JsonLogicRule;
  /** `Rule "<this>" could not be evaluated`. */
  title: string;
}

export interface CompiledEntityRules {
  entity: string;
  /** No active rule and no condition: nothing to evaluate (callers may skip loading `previous`). */
  empty: boolean;
  rules: readonly CompiledRule[];
  conditionList: readonly CompiledCondition[];
  /** Errors of the active validation rules whose `invalidWhen` holds (one per attached field) or throws. */
  validate(ctx: RuleContext): FieldError[];
  /** Visible / required / readOnly of every writable field (and every field with conditions). */
  conditions(ctx: RuleContext): FieldStates;
  /** Each condition evaluated (readOnlyWhen against the stored record when there is one). */
  evaluateConditionList(ctx: RuleContext): ConditionOutcome[];
  labelOf(field: string): string;
  fieldDef(field: string): FieldDefinition | undefined;
}

const cache = new WeakMap<MetadataDocument, Map<string, CompiledEntityRules>>();

/** The compiled rules of `entityName`; cached for as long as the document object lives. */
export function compileEntityRules(doc: MetadataDocument, entityName: string): CompiledEntityRules {
  let perEntity = cache.get(doc);
  if (!perEntity) cache.set(doc, (perEntity = new Map()));
  let compiled = perEntity.get(entityName);
  if (!compiled) perEntity.set(entityName, (compiled = build(entityName, getEntity(doc, entityName))));
  return compiled;
}

/** `evaluateConditions(doc, entity, ctx)`: the form's per-field state (see `FieldState`). */
export function evaluateConditions(doc: MetadataDocument, entityName: string, ctx: RuleContext): FieldStates {
  return compileEntityRules(doc, entityName).conditions(ctx);
}

/** Whether the entity has anything for `checkRecordRules` to evaluate. */
export function hasRecordRules(doc: MetadataDocument, entityName: string): boolean {
  return !compileEntityRules(doc, entityName).empty;
}

/** The fail-closed message of a rule that threw. */
export function evaluationFailedMessage(title: string, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return `Rule "${title}" could not be evaluated: ${reason}`;
}

function build(entityName: string, entity: EntityDefinition): CompiledEntityRules {
  const labelOf = (field: string) => formatFieldLabel(field, entity.fields[field]);
  const rules: CompiledRule[] = Object.entries(entity.rules ?? {})
    .filter(([, rule]) => rule.active !== false)
    .map(([name, rule]) => {
      // Related paths (`record.account.type`) read the related records the writer loaded into `$related`.
      const invalidWhen = withRelatedPaths(entity, rule.invalidWhen);
      const message = withRelatedPlaceholders(entity, typeof rule.message === 'string' ? rule.message : '');
      return {
        name,
        label: rule.label || name,
        invalidWhen,
        message: compileMessage(message),
        fields: rule.fields && rule.fields.length > 0 ? [...rule.fields] : [RECORD_FIELD],
        readsRelated: JSON.stringify(invalidWhen).includes(`"${RELATED_ROOT}.`) || message.includes(`{{${RELATED_ROOT}.`),
      };
    });
  const conditionList: CompiledCondition[] = [];
  for (const [field, conditions] of Object.entries(entity.layouts?.form?.conditions ?? {})) {
    if (!entity.fields[field] || !conditions) continue;
    for (const kind of ['visibleWhen', 'requiredWhen', 'readOnlyWhen'] as const) {
      if (conditions[kind] === undefined) continue;
      conditionList.push({ field, kind, rule: conditions[kind], title: `${labelOf(field)} ${kind}` });
    }
  }
  const stateFields = [...new Set([...writableFields(entity).map(([name]) => name), ...conditionList.map((c) => c.field)])];

  const validate = (ctx: RuleContext): FieldError[] => {
    const errors: FieldError[] = [];
    for (const rule of rules) {
      // Without the related records (a form that has not loaded them yet) such a rule cannot be judged: the
      // server always loads them, so it is checked there.
      if (rule.readsRelated && !ctx.$related) continue;
      let message: string;
      try {
        if (!isTruthy(evaluateRule(rule.invalidWhen, ctx as unknown as Record<string, unknown>))) continue;
        message = rule.message(ctx);
      } catch (error) {
        message = evaluationFailedMessage(rule.label, error);
      }
      for (const field of rule.fields) errors.push({ field, message, rule: rule.name });
    }
    return errors;
  };

  const evaluateConditionList = (ctx: RuleContext): ConditionOutcome[] => {
    // readOnlyWhen asks about the record as stored: a field locked there cannot be changed in the same save.
    const storedCtx = ctx.previous ? { ...ctx, record: ctx.previous } : ctx;
    return conditionList.map(({ field, kind, rule, title }) => {
      try {
        const at = kind === 'readOnlyWhen' ? storedCtx : ctx;
        return { field, kind, holds: isTruthy(evaluateRule(rule, at as unknown as Record<string, unknown>)) };
      } catch (error) {
        // Closed side: shown, required, read-only (and the write is refused with this error).
        return { field, kind, holds: true, error: evaluationFailedMessage(title, error) };
      }
    });
  };

  const conditions = (ctx: RuleContext): FieldStates => {
    const byField = new Map<string, ConditionOutcome[]>();
    for (const outcome of evaluateConditionList(ctx)) byField.set(outcome.field, [...(byField.get(outcome.field) ?? []), outcome]);
    const states: FieldStates = {};
    for (const field of stateFields) {
      const outcomes = byField.get(field) ?? [];
      const of = (kind: ConditionKind) => outcomes.find((o) => o.kind === kind);
      const visible = of('visibleWhen')?.holds ?? true;
      const required = visible && (entity.fields[field]?.required === true || (of('requiredWhen')?.holds ?? false));
      const state: FieldState = { visible, required, readOnly: of('readOnlyWhen')?.holds ?? false };
      const error = outcomes.find((o) => o.error !== undefined)?.error;
      if (error !== undefined) state.error = error;
      states[field] = state;
    }
    return states;
  };

  return {
    entity: entityName,
    empty: rules.length === 0 && conditionList.length === 0,
    rules,
    conditionList,
    validate,
    conditions,
    evaluateConditionList,
    labelOf,
    fieldDef: (field) => entity.fields[field],
  };
}

/** Why a read-only field is locked, worded from its condition. */
export function readOnlyReason(compiled: CompiledEntityRules, field: string): string {
  const condition = compiled.conditionList.find((c) => c.field === field && c.kind === 'readOnlyWhen');
  return condition ? `it cannot be changed while ${describeCondition(condition.rule, compiled.labelOf)}` : 'it cannot be changed';
}
