/**
 * "Test this rule": evaluates a rule of the DRAFT document (as edited, saved or not) against a sample record
 * with runtime's compiled rules — the code the server and the form run — and says what a person would see.
 */
import {
  buildRuleContext,
  compileEntityRules,
  evaluateRule,
  isTruthy,
  type RecordValues,
  type RuleContext,
  type RuleUser,
} from '@trellis/runtime';
import type { JsonLogic, MetadataDocument, ValidationRule } from '@trellis/metadata';


export interface RuleSample {
  record: RecordValues;
  /** The stored record before the change (an update); null tests a create. */
  previous: RecordValues | null;
  /** Who the rule sees as `user`: the person testing it (the studio's signed-in user). */
  user: RuleUser;
}

export type RuleTestResult =
  | { status: 'valid' }
  | { status: 'invalid'; messages: { field: string; message: string }[] }
  | { status: 'error'; message: string };

export function sampleContext(sample: RuleSample, now: Date = new Date()): RuleContext {
  return buildRuleContext({ record: sample.record, previous: sample.previous, user: sample.user, now });
}

/** Runs validation rule `name` (as given, even if inactive) of `entity` in the draft against the sample. */
export function testValidationRule(
  doc: MetadataDocument,
  entity: string,
  name: string,
  rule: ValidationRule,
  sample: RuleSample,
  now?: Date,
): RuleTestResult {
  const def = doc.entities[entity];
  if (!def) return { status: 'error', message: `There is no entity "${entity}" in the draft.` };
  const key = name || 'untitledRule';
  // A document of its own: only this rule, so the result is about it alone (and the compile cache is fresh).
  const single: MetadataDocument = { ...doc, entities: { ...doc.entities, [entity]: { ...def, rules: { [key]: { ...rule, active: true } } } } };
  try {
    const errors = compileEntityRules(single, entity).validate(sampleContext(sample, now));
    if (errors.length === 0) return { status: 'valid' };
    return { status: 'invalid', messages: errors.map((e) => ({ field: e.field, message: e.message })) };
  } catch (e) {
    return { status: 'error', message: (e as Error).message };
  }
}

export type ConditionTestResult = { status: 'holds' | 'doesNotHold' } | { status: 'error'; message: string };

/** Evaluates a condition (visibleWhen, a view filter…) against the sample. */
export function testCondition(expr: JsonLogic, sample: RuleSample, now?: Date): ConditionTestResult {
  try {
    const holds = isTruthy(evaluateRule(expr, sampleContext(sample, now) as unknown as Record<string, unknown>));
    return { status: holds ? 'holds' : 'doesNotHold' };
  } catch (e) {
    return { status: 'error', message: (e as Error).message };
  }
}

/** Evaluates a value expression (a formula) against the sample. */
export function evaluateExpression(expr: JsonLogic, sample: RuleSample, now?: Date): { value: unknown } | { error: string } {
  try {
    return { value: evaluateRule(expr, sampleContext(sample, now) as unknown as Record<string, unknown>) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}
