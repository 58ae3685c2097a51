/**
 * Workflows in words, for the list and the flow: "When an opportunity's Stage changes", "Create a task “Call
 * {{record.name}}”, due in 3 days". Labels come from the draft; unknown names are shown as they are.
 */
import type { JsonLogic, MetadataDocument, Recipients, WorkflowDefinition, WorkflowDuration, WorkflowStep, WorkflowTrigger } from '@trellis/metadata';
import { describeCondition, formatFieldLabel } from '@trellis/runtime';
import { cronText } from './cron-text.js';
import { stepTypeLabel } from './step-kinds.js';

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

/** "opportunity" (lower-case label) or the name when the entity is unknown. */
export function entityWord(doc: MetadataDocument, entity: string | undefined): string {
  if (!entity) return 'record';
  return doc.entities[entity]?.label.toLowerCase() ?? entity;
}

/** The plural label ("Opportunities") or the name. */
export const entityPlural = (doc: MetadataDocument, entity: string | undefined): string => (entity ? (doc.entities[entity]?.pluralLabel ?? entity) : 'records');

export function fieldLabel(doc: MetadataDocument, entity: string | undefined, field: string): string {
  const fields = entity ? doc.entities[entity]?.fields : undefined;
  return formatFieldLabel(field, fields && Object.hasOwn(fields, field) ? fields[field] : undefined);
}

/** "3 days", "1 hour". */
export function durationText(d: WorkflowDuration | undefined): string {
  if (!d || typeof d.amount !== 'number') return 'some time';
  const unit = d.amount === 1 ? d.unit.replace(/s$/, '') : d.unit;
  return `${d.amount} ${unit}`;
}

const list = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

export function triggerSummary(doc: MetadataDocument, trigger: WorkflowTrigger | undefined): string {
  if (!trigger) return 'No trigger';
  switch (trigger.type) {
    case 'recordCreated':
    case 'recordUpdated':
    case 'recordDeleted': {
      const what = entityWord(doc, trigger.entity);
      const verb = { recordCreated: 'created', recordUpdated: 'updated', recordDeleted: 'deleted' }[trigger.type];
      return `When ${article(what)} ${what} is ${verb}`;
    }
    case 'fieldChanged': {
      const fields = (trigger.fields ?? []).map((f) => fieldLabel(doc, trigger.entity, f));
      const what = entityWord(doc, trigger.entity);
      if (fields.length === 0) return `When fields of ${article(what)} ${what} change`;
      return `When ${list(fields)} of ${article(what)} ${what} ${fields.length === 1 ? 'changes' : 'change'}`;
    }
    case 'scheduled': {
      const text = cronText(trigger.cron ?? '');
      return trigger.timeZone ? `${text} (${trigger.timeZone})` : text;
    }
    case 'dateRelative': {
      const field = trigger.field ? fieldLabel(doc, trigger.entity, trigger.field) : 'date (choose the field)';
      return `${durationText(trigger.offset)} ${trigger.direction === 'after' ? 'after' : 'before'} the ${field} of each ${entityWord(doc, trigger.entity)}`;
    }
    case 'manual':
      return `Manually, with the button “${trigger.buttonLabel || 'Run'}” on ${article(entityWord(doc, trigger.entity))} ${entityWord(doc, trigger.entity)}`;
    case 'webhook':
      return 'When its webhook URL is called';
    default:
      return `Trigger “${(trigger as { type: string }).type}”`;
  }
}

/** A short description of an expression: a literal, the field it reads, the condition in words, or "a formula". */
export function expressionText(doc: MetadataDocument, entity: string | undefined, expr: JsonLogic | undefined): string {
  if (expr === undefined) return 'nothing';
  if (expr === null) return 'empty';
  if (typeof expr === 'string') return `“${expr}”`;
  if (typeof expr !== 'object') return String(expr);
  const v = (expr as Record<string, unknown>).var;
  if (typeof v === 'string' && Object.keys(expr as object).length === 1) {
    const [root, field, ...rest] = v.split('.');
    if (root === 'record' && field && rest.length === 0) return fieldLabel(doc, entity, field);
    if (root === 'user' && field === 'id') return 'the acting user';
    return v;
  }
  try {
    const text = describeCondition(expr, (f) => fieldLabel(doc, entity, f));
    return text.startsWith('{') ? 'a formula' : text;
  } catch {
    return 'a formula';
  }
}

function recipientsText(doc: MetadataDocument, entity: string | undefined, r: Recipients | undefined): string {
  if (!r) return 'nobody';
  const parts: string[] = [];
  if (r.owner) parts.push('the owner');
  for (const role of r.roles ?? []) parts.push(`role ${doc.roles?.[role]?.label ?? role}`);
  for (const team of r.teams ?? []) parts.push(`team ${team}`);
  if (r.users !== undefined) parts.push(expressionText(doc, entity, r.users));
  return parts.length ? list(parts) : 'nobody';
}

const quoted = (text: string | undefined, fallback: string) => (text?.trim() ? `“${text.trim()}”` : fallback);

function valuesText(doc: MetadataDocument, entity: string | undefined, values: Record<string, unknown> | undefined): string {
  const names = Object.keys(values ?? {});
  if (names.length === 0) return 'no values yet';
  const shown = names.slice(0, 3).map((f) => fieldLabel(doc, entity, f));
  return `set ${list(shown)}${names.length > 3 ? ` and ${names.length - 3} more` : ''}`;
}

/** What the step does, in one line. `entity` is the trigger entity. */
export function stepSummary(doc: MetadataDocument, entity: string | undefined, step: WorkflowStep): string {
  switch (step.type) {
    case 'updateRecord':
      return `Update the ${entityWord(doc, entity)}: ${valuesText(doc, entity, step.values)}`;
    case 'createRecord':
      return step.entity ? `Create ${article(entityWord(doc, step.entity))} ${entityWord(doc, step.entity)}: ${valuesText(doc, step.entity, step.values)}` : 'Create a record (choose the entity)';
    case 'updateRelated': {
      const field = entity && step.relation ? doc.entities[entity]?.fields[step.relation] : undefined;
      const target = field?.target;
      const what = step.relation ? fieldLabel(doc, entity, step.relation) : 'related records (choose the relation)';
      return `Update ${what}${step.filter !== undefined ? ' (filtered)' : ''}: ${valuesText(doc, target, step.values)}`;
    }
    case 'assign':
      if (step.strategy === 'user') return `Assign to ${expressionText(doc, entity, step.user)}`;
      return `Assign ${step.strategy === 'roundRobin' ? 'in turn' : 'to the least loaded'} among ${step.team ? `team ${step.team}` : step.role ? `role ${doc.roles?.[step.role]?.label ?? step.role}` : '(choose a team or role)'}`;
    case 'createTask':
      return `Create a task ${quoted(step.title, '(no title yet)')}${step.dueIn ? `, due in ${durationText(step.dueIn)}` : step.dueAt !== undefined ? `, due ${expressionText(doc, entity, step.dueAt)}` : ''}`;
    case 'notify':
      return `Notify ${recipientsText(doc, entity, step.recipients)}: ${quoted(step.title, '(no title yet)')}`;
    case 'sendEmail':
      return `Email ${quoted(step.subject, '(no subject yet)')} to ${expressionText(doc, entity, step.to)}${step.recipients ? ` and ${recipientsText(doc, entity, step.recipients)}` : ''}`;
    case 'httpRequest':
      return `${step.method ?? 'POST'} ${step.url?.trim() || '(no URL yet)'}${step.sign ? ', signed' : ''}`;
    case 'if':
      return step.condition === undefined ? 'If … (write the condition)' : `If ${expressionText(doc, entity, step.condition)}`;
    case 'wait':
      return step.duration ? `Wait ${durationText(step.duration)}` : step.until !== undefined ? `Wait until ${expressionText(doc, entity, step.until)}` : 'Wait';
    case 'failWithMessage':
      return `Refuse the save: ${quoted(step.message, '(no message yet)')}`;
    case 'pluginAction':
      return step.action ? `Run ${step.action}` : 'Run a plugin action (choose it)';
    default:
      return (step as { type: string }).type;
  }
}

/** The step's name in the flow: its label, else its type's label. */
export const stepTitle = (step: WorkflowStep): string => step.label?.trim() || stepTypeLabel(step.type);

/** The number of steps, branches included. */
export function stepCount(def: WorkflowDefinition): number {
  const count = (steps: WorkflowStep[] | undefined): number =>
    (steps ?? []).reduce((n, s) => n + 1 + (s.type === 'if' ? count(s.then) + count(s.else) : 0), 0);
  return count(def.steps);
}
