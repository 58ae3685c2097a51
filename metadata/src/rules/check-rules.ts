/**
 * Semantic check: the non-expression parts of validation rules and form conditions — a rule's message is not
 * empty and its `{{placeholders}}` name fields, the fields a message attaches to exist, and conditions are keyed
 * by fields they can apply to. (`invalidWhen` and the conditions themselves: check-expressions.ts.)
 */
import { findFieldType } from '../field-types/registry.js';
import { MAX_NAME_LENGTH, NAME_PATTERN } from '../names.js';
import { entityEntries, isRecord, pointer, type DocumentCheck, type Report } from '../problems.js';
import type { EntityDefinition, FieldDefinition, MetadataDocument } from '../types.js';
import { DanglingMessages, sentence } from './dangling.js';
import { expressionScope } from './expression-sites.js';
import { messagePlaceholders } from './message-template.js';

/** Rule and view names: camelCase identifiers (they appear in API errors, URLs and the generated API). */
export function checkComponentName(report: Report, path: string, what: string, name: string): void {
  if (!new RegExp(NAME_PATTERN).test(name)) {
    report(path, 'invalid-name', `${what} name "${name}" must be camelCase: a lower-case letter, then letters and digits (e.g. "closeDateWhenWon").`);
  } else if (name.length > MAX_NAME_LENGTH) {
    report(path, 'name-too-long', `${what} name "${name}" has ${name.length} characters; at most ${MAX_NAME_LENGTH} are allowed.`);
  }
}

function checkRule(doc: MetadataDocument, report: Report, dangling: DanglingMessages, entity: string, def: EntityDefinition, name: string, rule: Record<string, unknown>): void {
  const base = ['entities', entity, 'rules', name];
  checkComponentName(report, pointer(...base), 'Rule', name);
  if (typeof rule.message === 'string') {
    const path = pointer(...base, 'message');
    if (rule.message.trim() === '') {
      report(path, 'empty-message', `Rule ${name} of ${entity} has an empty message; say what is wrong and how to fix it, e.g. "Close date is required when the stage is won".`);
    }
    for (const { path: placeholder, problem } of messagePlaceholders(rule.message, expressionScope(doc, entity, 'rule'))) {
      if (!problem) continue;
      const message = problem.code === 'unknown-field' && problem.entity !== undefined ? dangling.message(problem.entity, problem.field!) : `The message of rule ${name} interpolates {{${placeholder}}}: ${problem.message}`;
      report(path, problem.code, sentence(message));
    }
  }
  if (!Array.isArray(rule.fields)) return;
  const seen = new Set<string>();
  rule.fields.forEach((field, i) => {
    if (typeof field !== 'string') return;
    const path = pointer(...base, 'fields', i);
    if (!isRecord(def.fields[field])) report(path, 'unknown-field', dangling.message(entity, field));
    else if (seen.has(field)) report(path, 'duplicate-field', `Rule ${name} of ${entity} lists field ${field} more than once; keep one.`);
    seen.add(field);
  });
}

/** Fields whose value people cannot enter (oneToMany, computed types) cannot be required or read-only by condition. */
const isWritable = (field: FieldDefinition): boolean => {
  const type = findFieldType(field.type);
  return !type || type.graphql(field).input !== '';
};

function checkConditions(report: Report, dangling: DanglingMessages, entity: string, def: EntityDefinition): void {
  const conditions = isRecord(def.layouts) && isRecord(def.layouts.form) ? def.layouts.form.conditions : undefined;
  if (!isRecord(conditions)) return;
  for (const [name, set] of Object.entries(conditions)) {
    const path = pointer('entities', entity, 'layouts', 'form', 'conditions', name);
    const field = Object.hasOwn(def.fields, name) ? def.fields[name] : undefined;
    if (!isRecord(field)) {
      report(path, 'unknown-field', dangling.message(entity, name));
      continue;
    }
    if (!isRecord(set) || isWritable(field)) continue;
    for (const property of ['requiredWhen', 'readOnlyWhen'] as const) {
      if (!(property in set)) continue;
      report(
        pointer('entities', entity, 'layouts', 'form', 'conditions', name, property),
        'condition-not-applicable',
        `Field ${entity}.${name} (${field.type}${field.cardinality ? ` ${field.cardinality}` : ''}) is not entered by people, so ${property} cannot apply to it; remove ${property} (visibleWhen is fine).`,
      );
    }
  }
}

export const checkRules: DocumentCheck = (doc, report) => {
  const dangling = new DanglingMessages(doc);
  for (const [entity, def] of entityEntries(doc)) {
    if (isRecord(def.rules)) {
      for (const [name, rule] of Object.entries(def.rules)) if (isRecord(rule)) checkRule(doc, report, dangling, entity, def, name, rule);
    }
    checkConditions(report, dangling, entity, def);
  }
};
