/**
 * The record form's live rules: the rule context of the record being edited — built like the server builds it
 * (record = the stored values with the form's changes, previous = the stored values, or null on create) —
 * the per-field state from the form conditions (visible / required / read-only), and the errors of the
 * validation rules and conditions, from runtime's `checkRecordRules`, the very code the server runs.
 */
import type { MetadataDocument } from '@trellis/metadata';
import {
  buildRuleContext,
  checkRecordRules,
  compileEntityRules,
  RECORD_FIELD,
  type FieldError,
  type FieldStates,
  type RecordValues,
  type RelatedRecords,
  type RuleContext,
  type RuleUser,
} from '@trellis/runtime';
import { toRecordInput } from '../api/record-queries.js';
import type { SessionUser } from '../auth/auth-api.js';

/**
 * The signed-in user as rules see them: the same `user` the server builds for this person's writes
 * (server/src/permissions/record-access.ts, ruleEnvironmentUser), so `user.*` reads the same in both.
 */
export function ruleUserOf(user: SessionUser): RuleUser {
  return {
    id: user.id,
    kind: 'user',
    name: user.name,
    email: user.email,
    roles: user.roles,
    teams: user.teams.map((t) => t.id),
    locale: user.locale,
    timeZone: user.timeZone,
    attributes: user.attributes,
  };
}

export { RECORD_FIELD };

/** Condition kinds that behave like value checks (shown once a field is left, like "is required"). */
const CONDITION_RULES = new Set(['requiredWhen', 'readOnlyWhen', 'visibleWhen']);

export interface FormRules {
  ctx: RuleContext;
  /** Per field: visible, required, readOnly (empty when the entity has no conditions). */
  states: FieldStates;
  /** Messages of validation rules (field = the attached field, or `_record`). */
  ruleErrors: FieldError[];
  /** requiredWhen / readOnlyWhen problems (shown like the validator's). */
  conditionErrors: FieldError[];
}

/** Every field of the entity a record carries in the rule context (all but oneToMany), blank. */
function blankRecord(doc: MetadataDocument, entityName: string): RecordValues {
  const entity = doc.entities[entityName];
  return Object.fromEntries(
    Object.entries(entity?.fields ?? {})
      .filter(([, f]) => !(f.type === 'relation' && f.cardinality === 'oneToMany'))
      .map(([name]) => [name, null]),
  );
}

/** The stored record as rules see it, from the values the form loaded (relations as ids). */
export function storedValues(doc: MetadataDocument, entityName: string, loaded: RecordValues): RecordValues {
  const base = blankRecord(doc, entityName);
  for (const name of Object.keys(base)) if (loaded[name] !== undefined) base[name] = loaded[name];
  return base;
}

/**
 * The rule context of the form: on update, `previous` is the record as loaded and `record` that with the
 * form's input applied; on create, `record` is the input (defaults are already in the form's values).
 */
export function formRuleContext(
  doc: MetadataDocument,
  entityName: string,
  mode: 'create' | 'update',
  values: RecordValues,
  loaded: RecordValues,
  user: RuleUser,
  now: Date = new Date(),
  related?: RelatedRecords,
): { ctx: RuleContext; changes: RecordValues } {
  const changes = toRecordInput(doc, entityName, values);
  const previous = mode === 'update' ? storedValues(doc, entityName, loaded) : null;
  const record = { ...(previous ?? storedValues(doc, entityName, values)), ...changes };
  return { ctx: buildRuleContext({ record, previous, user, now, ...(related ? { related } : {}) }), changes };
}

/** Field states and rule errors of the record as the form holds it now. */
export function evaluateFormRules(
  doc: MetadataDocument,
  entityName: string,
  mode: 'create' | 'update',
  values: RecordValues,
  loaded: RecordValues,
  user: RuleUser,
  now?: Date,
  related?: RelatedRecords,
): FormRules {
  const { ctx, changes } = formRuleContext(doc, entityName, mode, values, loaded, user, now, related);
  const compiled = compileEntityRules(doc, entityName);
  if (compiled.empty) return { ctx, states: {}, ruleErrors: [], conditionErrors: [] };
  const states = compiled.conditionList.length > 0 ? compiled.conditions(ctx) : {};
  const errors = checkRecordRules(doc, entityName, { ctx, mode, ...(mode === 'update' ? { changes } : {}) });
  return {
    ctx,
    states,
    ruleErrors: errors.filter((e) => !CONDITION_RULES.has(e.rule ?? '') || e.message.startsWith('Rule "')),
    conditionErrors: errors.filter((e) => CONDITION_RULES.has(e.rule ?? '') && !e.message.startsWith('Rule "')),
  };
}
