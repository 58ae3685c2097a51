/**
 * From a step type's JSON Schema to the step's form: which settings it shows (the schema's properties, minus
 * what the flow edits: key, label, type and the branches), in which order, and which editor each setting gets
 * (expression, template, field values, pickers…). Also the edits of a step's settings, which keep the
 * either/or settings exclusive (a due duration or a due date; a team or a role).
 */
import type { WorkflowStep } from '@trellis/metadata';

/** The editor a setting gets in the step form. */
export type SettingKind =
  | 'expression'
  | 'condition'
  | 'relatedFilter'
  | 'template'
  | 'longTemplate'
  | 'values'
  | 'recipients'
  | 'headers'
  | 'entity'
  | 'relation'
  | 'pool'
  | 'fieldList'
  | 'due'
  | 'waitFor'
  | 'pluginAction'
  | 'pluginInput'
  | 'duration'
  | 'enum'
  | 'boolean'
  | 'number'
  | 'text'
  | 'json'
  | 'hidden';

/** Settings whose editor is known from the model (workflows/types.ts), by step type. */
const KNOWN: Record<string, Record<string, SettingKind>> = {
  updateRecord: { values: 'values' },
  createRecord: { entity: 'entity', values: 'values' },
  updateRelated: { relation: 'relation', filter: 'relatedFilter', values: 'values' },
  assign: { user: 'expression', team: 'pool', role: 'hidden' },
  createTask: { title: 'template', description: 'longTemplate', assignee: 'expression', dueIn: 'due', dueAt: 'hidden' },
  notify: { recipients: 'recipients', title: 'template', body: 'longTemplate' },
  sendEmail: { to: 'expression', recipients: 'recipients', subject: 'template', body: 'longTemplate' },
  httpRequest: { url: 'template', headers: 'headers', body: 'expression' },
  if: { condition: 'condition', then: 'hidden', else: 'hidden' },
  wait: { duration: 'waitFor', until: 'hidden' },
  failWithMessage: { message: 'template', fields: 'fieldList' },
  pluginAction: { action: 'pluginAction', input: 'pluginInput' },
};

/** The order settings are shown in (others follow in schema order). */
const ORDER: Record<string, string[]> = {
  assign: ['strategy', 'user', 'team', 'role'],
  createTask: ['title', 'description', 'assignee', 'dueIn', 'dueAt'],
  notify: ['recipients', 'title', 'body'],
  sendEmail: ['to', 'recipients', 'subject', 'body'],
  httpRequest: ['method', 'url', 'headers', 'body', 'sign', 'timeoutMs'],
  createRecord: ['entity', 'values'],
  updateRelated: ['relation', 'filter', 'values'],
};

/** What the flow edits itself, never in the form. */
const FLOW_PROPERTIES = ['key', 'label', 'type'];

type Schema = Record<string, unknown>;

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Which settings of a type hold JSON Logic and which are templates (metadata's STEP_TYPES lists them). */
export interface SettingMarks {
  expressions?: string[];
  templates?: string[];
}

/**
 * The editor of setting `prop` of a step of `type`: from the model for the built-in steps, else from the
 * catalog's marks (JSON Logic / template) and the setting's schema.
 */
export function settingKind(type: string, prop: string, propSchema: unknown, config: Record<string, unknown> = {}, marks: SettingMarks = {}): SettingKind {
  if (type === 'assign') {
    if (prop === 'user') return config.strategy === 'user' || config.strategy === undefined ? 'expression' : 'hidden';
    if (prop === 'team') return config.strategy === 'user' || config.strategy === undefined ? 'hidden' : 'pool';
  }
  const known = KNOWN[type]?.[prop];
  if (known) return known;
  if (marks.expressions?.includes(prop)) return 'expression';
  if (marks.templates?.includes(prop)) return 'template';
  const s = isObject(propSchema) ? propSchema : {};
  if (Array.isArray(s.enum)) return 'enum';
  const t = s.type;
  if (t === 'boolean') return 'boolean';
  if (t === 'number' || t === 'integer') return 'number';
  if (t === 'string') return 'text';
  if (t === 'object' && isObject(s.properties) && 'amount' in s.properties && 'unit' in s.properties) return 'duration';
  // No type: a JSON Logic expression (the model's `JsonLogic` settings).
  if (t === undefined && !s.properties && !s.items && !s.$ref) return 'expression';
  return 'json';
}

/** The schema the form renders: the step's settings only, without combinators (the document check enforces them). */
export function formSchemaOf(stepSchema: Schema): Schema {
  const properties = isObject(stepSchema.properties) ? { ...stepSchema.properties } : {};
  for (const p of FLOW_PROPERTIES) delete properties[p];
  const required = Array.isArray(stepSchema.required) ? (stepSchema.required as string[]).filter((r) => r in properties) : [];
  const out: Schema = { type: 'object', properties, ...(required.length ? { required } : {}) };
  for (const key of ['definitions', '$defs']) if (isObject(stepSchema[key])) out[key] = stepSchema[key];
  return out;
}

/** Setting names in display order. */
export function settingOrder(type: string, schema: Schema): string[] {
  const names = Object.keys(isObject(schema.properties) ? schema.properties : {});
  const preferred = (ORDER[type] ?? []).filter((n) => names.includes(n));
  return [...preferred, ...names.filter((n) => !preferred.includes(n))];
}

/** The uiSchema: every setting drawn by the workflow setting field (which picks the editor), in order. */
export function uiSchemaOf(type: string, schema: Schema): Record<string, unknown> {
  const order = settingOrder(type, schema);
  const ui: Record<string, unknown> = { 'ui:order': [...order, '*'], 'ui:submitButtonOptions': { norender: true } };
  for (const name of order) ui[name] = { 'ui:field': 'workflowSetting' };
  return ui;
}

/** The settings of a step (what the form edits). */
export function stepConfig(step: WorkflowStep): Record<string, unknown> {
  const { key: _k, label: _l, type: _t, ...rest } = step as unknown as Record<string, unknown>;
  return rest;
}

/** The step with its settings replaced (key, label and type kept; for `if`, the branches too). */
export function withConfig(step: WorkflowStep, config: Record<string, unknown>): WorkflowStep {
  const base: Record<string, unknown> = { type: step.type, key: step.key, ...(step.label !== undefined ? { label: step.label } : {}) };
  const next = { ...base, ...config };
  if (step.type === 'if') {
    next.then = step.then;
    if (step.else) next.else = step.else;
    else delete next.else;
  }
  return next as unknown as WorkflowStep;
}

/** Settings that exclude each other: setting one removes the others. */
const EXCLUSIVE: Record<string, string[][]> = {
  assign: [['team', 'role']],
  createTask: [['dueIn', 'dueAt']],
  wait: [['duration', 'until']],
};

/**
 * Applies `patch` to the settings (undefined removes a setting) and keeps them consistent: exclusive settings
 * and, for assign, only what the strategy uses.
 */
export function patchConfig(type: string, config: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const next: Record<string, unknown> = { ...config };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete next[k];
    else next[k] = v;
  }
  for (const group of EXCLUSIVE[type] ?? []) {
    const set = group.filter((k) => patch[k] !== undefined);
    if (set.length === 1) for (const other of group) if (other !== set[0]) delete next[other];
  }
  if (type === 'assign' && 'strategy' in patch) {
    if (next.strategy === 'user') {
      delete next.team;
      delete next.role;
    } else delete next.user;
  }
  return next;
}

/** `{ a: { b: … } }` → messages of the problems whose path (inside the step) starts with `prefix`. */
export function messagesAt(problems: { rest: string[]; message: string }[], prefix: string[], exact = false): string[] {
  return problems
    .filter((p) => prefix.every((seg, i) => p.rest[i] === seg) && (!exact || p.rest.length === prefix.length))
    .map((p) => p.message);
}

/** A setting's help without the catalog's generic sentences (the editors explain expressions and placeholders). */
export function shortHelp(description: unknown): string | undefined {
  if (typeof description !== 'string') return undefined;
  const text = description
    .replace(/\s*JSON Logic over \{[^}]*\}.*$/s, '')
    .replace(/\s*Placeholders such as .*$/s, '')
    .replace(/,?\s*each$/, '')
    .trim();
  return text || undefined;
}

/** Expression settings whose value is a user id (a plain value is picked among the users). */
const USER_SETTINGS: Record<string, string[]> = { assign: ['user'], createTask: ['assignee'] };

export const isUserSetting = (type: string, prop: string): boolean => USER_SETTINGS[type]?.includes(prop) ?? false;
