/**
 * Semantic checks of a workflow's steps: keys, what each step names (entities, fields, relations, roles),
 * settings that only make sense together, steps a trigger cannot support, and before-save restrictions.
 * Expressions and templates are checked with their scope elsewhere (check-expressions, check-workflows).
 */
import { SYSTEM_FIELDS } from '../naming.js';
import { NAME_PATTERN } from '../names.js';
import { isRecord } from '../problems.js';
import { STEP_TYPES, PLUGIN_ACTION_PATTERN } from './workflows-schema.js';
import { describeStep } from './step-names.js';
import type { StepNode } from './step-tree.js';
import { isWritableField, type WorkflowCheck } from './workflow-check-context.js';
import { relationTarget } from './workflow-sites.js';
import { RECORD_TRIGGERS } from './workflow-scope.js';

/** How the workflow is triggered, for the steps' checks. */
export interface StepEnv {
  triggerType: string;
  /** The trigger entity (known to exist), if any. */
  entity: string | undefined;
  beforeSave: boolean;
  /** The workflow's steps, to name steps in messages (step-names.ts). */
  steps?: unknown;
}

type Step = Record<string, unknown>;
type Segments = (string | number)[];

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const PLACEHOLDER = /\{\{[^{}]*\}\}/;

/** The `values` map names writable fields of `entity`. */
function checkValues(w: WorkflowCheck, entity: string, values: unknown, base: Segments): void {
  if (!isRecord(values)) return;
  for (const field of Object.keys(values)) {
    const at = [...base, 'values', field];
    if ((SYSTEM_FIELDS as readonly string[]).includes(field)) {
      const how = field === 'owner' ? 'use an assign step to set the owner' : 'it is set by Trellis';
      w.at(at, 'field-not-writable', `${field} is a system field of ${entity} that workflow values cannot set — ${how}.`);
    } else if (w.knownField(entity, field, at)) {
      const def = w.field(entity, field)!;
      if (!isWritableField(def)) w.at(at, 'field-not-writable', `Field ${entity}.${field} (${def.type}${def.cardinality ? ` ${def.cardinality}` : ''}) is computed or derived, so no write can set it; remove it from the values.`);
    }
  }
}

/** Required fields without a default that a created record would lack. */
function checkRequiredValues(w: WorkflowCheck, name: string, entity: string, values: unknown, base: Segments): void {
  const given = isRecord(values) ? values : {};
  for (const [field, def] of Object.entries(w.entity(entity)?.fields ?? {})) {
    if (!isRecord(def) || def.required !== true || def.defaultValue !== undefined || !isWritableField(def) || Object.hasOwn(given, field)) continue;
    w.at([...base, 'values'], 'missing-required-value', `${capitalize(name)} creates a ${entity} without a value for its required field ${field}, so every run would fail — add "${field}" to the values.`);
  }
}

function checkRecipients(w: WorkflowCheck, env: StepEnv, recipients: unknown, base: Segments): void {
  if (!isRecord(recipients)) return;
  if (Array.isArray(recipients.roles)) recipients.roles.forEach((role, i) => w.knownRole(role, [...base, 'recipients', 'roles', i]));
  if (recipients.owner === true && !env.entity) {
    w.at([...base, 'recipients', 'owner'], 'needs-record', `A ${env.triggerType} workflow has no trigger record, so it has no record owner to reach; name users, roles or teams instead.`);
  }
}

function checkAssign(w: WorkflowCheck, step: Step, base: Segments): void {
  if (step.strategy === 'user') {
    if (!('user' in step)) w.at([...base, 'user'], 'invalid-assign', 'An assign step with strategy "user" needs "user": an expression giving the user id, e.g. {"var": "record.createdBy"}.');
    if ('team' in step || 'role' in step) w.at(base, 'invalid-assign', 'An assign step with strategy "user" takes no team or role; remove them, or choose roundRobin or leastLoaded.');
    return;
  }
  if (step.strategy !== 'roundRobin' && step.strategy !== 'leastLoaded') return;
  if (('team' in step) === ('role' in step)) {
    w.at(base, 'invalid-assign', `An assign step with strategy "${step.strategy}" picks among the members of a team or the holders of a role: give exactly one of "team" and "role".`);
  }
  if ('user' in step) w.at([...base, 'user'], 'invalid-assign', `"user" only applies to strategy "user"; remove it.`);
  if ('role' in step) w.knownRole(step.role, [...base, 'role']);
}

function checkHttp(w: WorkflowCheck, step: Step, base: Segments): void {
  if (typeof step.url === 'string' && !PLACEHOLDER.test(step.url) && !/^https?:\/\/[^\s/]+/i.test(step.url)) {
    w.at([...base, 'url'], 'invalid-url', `"${step.url}" is not an http or https URL; write it in full, e.g. "https://example.com/hooks/deal".`);
  }
  if (step.method === 'GET' && 'body' in step) w.at([...base, 'body'], 'body-not-allowed', 'A GET request has no body; remove "body" or use POST, PUT or PATCH.');
  if (isRecord(step.headers)) {
    for (const header of Object.keys(step.headers)) {
      if (!HEADER_NAME.test(header)) w.at([...base, 'headers', header], 'invalid-header', `"${header}" is not a valid HTTP header name (letters, digits and - only, no spaces or colons).`);
    }
  }
}

/** Steps that act on the trigger record need one that still exists. */
const NEEDS_RECORD: Record<string, string> = { updateRecord: 'updates the trigger record', updateRelated: 'follows a relation of the trigger record', assign: 'sets the trigger record\'s owner' };

function checkNeedsRecord(w: WorkflowCheck, env: StepEnv, step: Step, name: string, base: Segments): boolean {
  const what = NEEDS_RECORD[String(step.type)];
  if (what === undefined) return true;
  if (!RECORD_TRIGGERS.has(env.triggerType)) {
    w.at([...base, 'type'], 'needs-record', `${capitalize(name)} ${what}, but a ${env.triggerType} workflow has no trigger record; use createRecord, or a record trigger.`);
    return false;
  }
  if (env.triggerType === 'recordDeleted') {
    w.at([...base, 'type'], 'needs-record', `${capitalize(name)} ${what}, but the record of a recordDeleted workflow is already deleted; remove the step.`);
    return false;
  }
  return true;
}

function checkTiming(w: WorkflowCheck, env: StepEnv, step: Step, name: string, base: Segments): void {
  const info = Object.hasOwn(STEP_TYPES, String(step.type)) ? STEP_TYPES[step.type as keyof typeof STEP_TYPES] : undefined;
  if (!info) return;
  if (env.beforeSave && !info.beforeSave) {
    w.at([...base, 'type'], 'not-allowed-before-save', `A before-save workflow runs inside the write, so it can only update the record being saved (updateRecord) or refuse the write (failWithMessage); ${name} is ${info.label.toLowerCase()} — make the workflow afterSave, or remove the step.`);
  } else if (!env.beforeSave && info.onlyBeforeSave) {
    w.at([...base, 'type'], 'needs-before-save', `failWithMessage refuses a write, so it only works before the save; set the workflow's timing to "beforeSave", or notify someone instead.`);
  }
}

/** One step's checks. */
export function checkStep(w: WorkflowCheck, env: StepEnv, node: StepNode): void {
  const step = node.step as unknown as Step;
  const base: Segments = ['steps', ...node.segments];
  const name = describeStep(env.steps, node.segments);
  if (typeof step.key === 'string' && !new RegExp(NAME_PATTERN).test(step.key)) {
    w.at([...base, 'key'], 'invalid-name', `Step key "${step.key}" must be camelCase: a lower-case letter, then letters and digits (e.g. "makeTask"); later steps read steps.<key>.`);
  }
  checkTiming(w, env, step, name, base);
  const hasRecord = checkNeedsRecord(w, env, step, name, base);
  switch (step.type) {
    case 'updateRecord':
      if (hasRecord && env.entity) checkValues(w, env.entity, step.values, base);
      break;
    case 'createRecord':
      if (w.knownEntity(step.entity, [...base, 'entity'])) {
        checkValues(w, step.entity, step.values, base);
        checkRequiredValues(w, name, step.entity, step.values, base);
      }
      break;
    case 'updateRelated': {
      if (!hasRecord || !env.entity || !w.knownField(env.entity, step.relation, [...base, 'relation'])) break;
      const target = relationTarget(w.doc, env.entity, step.relation);
      const def = w.field(env.entity, step.relation as string)!;
      if (def.type !== 'relation') {
        const relations = Object.entries(w.entity(env.entity)!.fields).filter(([, f]) => isRecord(f) && f.type === 'relation').map(([n]) => n);
        w.at([...base, 'relation'], 'not-a-relation', `Field ${env.entity}.${String(step.relation)} is a ${def.type} field, not a relation; use one of ${relations.join(', ') || '(none: add a relation field first)'}.`);
      } else if (target) checkValues(w, target, step.values, base);
      break;
    }
    case 'assign':
      checkAssign(w, step, base);
      break;
    case 'createTask':
      if ('dueIn' in step && 'dueAt' in step) w.at(base, 'invalid-due', 'A task is due either after a duration (dueIn) or at a date (dueAt), not both; remove one.');
      if (!('assignee' in step) && !env.entity) w.at(base, 'needs-assignee', `Without an assignee a task goes to the record's owner, but a ${env.triggerType} workflow has no trigger record; set "assignee" to a user id expression.`);
      break;
    case 'notify':
    case 'sendEmail':
      checkRecipients(w, env, step.recipients, base);
      break;
    case 'httpRequest':
      checkHttp(w, step, base);
      break;
    case 'wait':
      if (('duration' in step) === ('until' in step)) w.at(base, 'invalid-wait', 'A wait step waits either for a duration or until a date: give exactly one of "duration" and "until".');
      break;
    case 'failWithMessage':
      if (env.entity && Array.isArray(step.fields)) step.fields.forEach((f, i) => w.knownField(env.entity!, f, [...base, 'fields', i]));
      break;
    case 'pluginAction':
      if (typeof step.action === 'string' && !new RegExp(PLUGIN_ACTION_PATTERN).test(step.action)) {
        w.at([...base, 'action'], 'invalid-action', `"${step.action}" is not a plugin action name: write <plugin>.<action>, e.g. "starter-sales.scoreLead".`);
      }
      break;
  }
}
