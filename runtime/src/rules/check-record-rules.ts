/**
 * The enforcement the server runs on every create and update (and the studio before submit): validation
 * rules, requiredWhen and readOnlyWhen, all evaluated over the same rule context. Every error carries
 * `rule`: the validation rule's name, or `requiredWhen` / `readOnlyWhen` / `visibleWhen` for conditions.
 */
import type { MetadataDocument } from '@trellis/metadata';
import type { FieldError } from '../translate-errors.js';
import { compileEntityRules, readOnlyReason, type ConditionOutcome } from './compile-entity-rules.js';
import type { RecordValues, RuleContext } from './rule-context.js';
import { isBlankValue, sameValue } from './values.js';

export interface CheckRecordRulesInput {
  ctx: RuleContext;
  /** Update: the values the write sets; only these count as changed (compared with `ctx.previous`). */
  changes?: RecordValues;
  mode: 'create' | 'update';
}

/**
 * Every rule problem of one write (empty when it may proceed):
 * - active validation rules whose `invalidWhen` holds → their message, once per attached field;
 * - a visible field whose `requiredWhen` holds and whose value is blank → "<Label> is required";
 * - update: a field whose `readOnlyWhen` holds for the stored record and whose value the write changes →
 *   "<Label> is read-only here: …"; create: a field read-only for the new record set to anything but its default;
 * - any rule or condition that throws → `Rule "<label or name>" could not be evaluated: <reason>` (fail closed).
 */
export function checkRecordRules(doc: MetadataDocument, entityName: string, input: CheckRecordRulesInput): FieldError[] {
  const compiled = compileEntityRules(doc, entityName);
  if (compiled.empty) return [];
  const { ctx, mode } = input;
  const errors = compiled.validate(ctx);
  if (compiled.conditionList.length === 0) return errors;

  const outcomes = compiled.evaluateConditionList(ctx);
  const hidden = new Set(outcomes.filter((o) => o.kind === 'visibleWhen' && !o.holds).map((o) => o.field));
  for (const outcome of outcomes) {
    if (outcome.error !== undefined) {
      errors.push({ field: outcome.field, message: outcome.error, rule: outcome.kind });
      continue;
    }
    if (!outcome.holds) continue;
    const error = conditionError(outcome, hidden);
    if (error) errors.push(error);
  }
  return errors;

  function conditionError({ field, kind }: ConditionOutcome, hiddenFields: Set<string>): FieldError | null {
    const label = compiled.labelOf(field);
    if (kind === 'requiredWhen') {
      if (hiddenFields.has(field) || !isBlankValue(ctx.record[field])) return null;
      return { field, message: `${label} is required`, rule: 'requiredWhen' };
    }
    if (kind !== 'readOnlyWhen') return null;
    if (mode === 'update' && ctx.previous) {
      const changes = input.changes ?? {};
      if (!Object.prototype.hasOwnProperty.call(changes, field) || changes[field] === undefined) return null;
      if (sameValue(changes[field], ctx.previous[field])) return null;
    } else {
      const value = ctx.record[field];
      const fallback = compiled.fieldDef(field)?.defaultValue;
      if (fallback === undefined ? isBlankValue(value) : sameValue(value, fallback)) return null;
    }
    return { field, message: `${label} is read-only here: ${readOnlyReason(compiled, field)}`, rule: 'readOnlyWhen' };
  }
}

/**
 * Drops the "required" errors (from the record validator) of `required` fields hidden by their `visibleWhen`
 * and left blank: a hidden field is not required, even when the field itself says `required`.
 */
export function withoutHiddenFieldErrors<E extends { field: string }>(
  doc: MetadataDocument,
  entityName: string,
  errors: E[],
  ctx: RuleContext,
): E[] {
  const compiled = compileEntityRules(doc, entityName);
  if (errors.length === 0 || !compiled.conditionList.some((c) => c.kind === 'visibleWhen')) return errors;
  const states = compiled.conditions(ctx);
  const excused = (field: string) => states[field]?.visible === false && compiled.fieldDef(field)?.required === true && isBlankValue(ctx.record[field]);
  return errors.filter((e) => !excused(e.field));
}
