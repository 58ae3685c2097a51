/**
 * The plan preview's and version history's sentences for a changed workflow: "Add workflow Follow up
 * (followUp): when an opportunity's stage changes, 3 steps, inactive", "Workflow Follow up (followUp):
 * activated; trigger changed; step makeTask changed".
 */
import { deepEqual } from '../diff.js';
import { isRecord } from '../problems.js';
import { stepNodes } from './step-tree.js';
import type { WorkflowDefinition, WorkflowStep } from './types.js';
import { TRIGGER_TYPES } from './workflows-schema.js';

const who = (name: string, def: WorkflowDefinition | undefined): string =>
  isRecord(def) && typeof def.label === 'string' && def.label !== '' ? `workflow ${def.label} (${name})` : `workflow ${name}`;

/** "fieldChanged on opportunity (stage)", "scheduled 0 9 * * 1-5". */
export function describeTrigger(trigger: unknown): string {
  if (!isRecord(trigger)) return 'no trigger';
  const type = String(trigger.type);
  const label = Object.hasOwn(TRIGGER_TYPES, type) ? TRIGGER_TYPES[type as keyof typeof TRIGGER_TYPES].label.toLowerCase() : type;
  if (type === 'scheduled') return `${label} "${String(trigger.cron)}"${trigger.timeZone ? ` (${String(trigger.timeZone)})` : ''}`;
  const on = typeof trigger.entity === 'string' ? ` ${trigger.entity}` : '';
  if (type === 'fieldChanged' && Array.isArray(trigger.fields)) return `${label}${on}.${trigger.fields.join('/')}`;
  if (type === 'dateRelative' && isRecord(trigger.offset)) return `${String(trigger.offset.amount)} ${String(trigger.offset.unit)} ${String(trigger.direction)}${on}.${String(trigger.field)}`;
  return `${label}${on ? ` of${on}` : ''}`;
}

const stepsByKey = (def: WorkflowDefinition): Map<string, WorkflowStep> => {
  // Branch contents belong to their own steps: compare an `if` without them.
  const map = new Map<string, WorkflowStep>();
  for (const { step } of stepNodes(def.steps)) {
    const { then: _t, else: _e, ...own } = step as WorkflowStep & { then?: unknown; else?: unknown };
    if (typeof step.key === 'string') map.set(step.key, own as WorkflowStep);
  }
  return map;
};

function stepChanges(from: WorkflowDefinition, to: WorkflowDefinition): string[] {
  const [a, b] = [stepsByKey(from), stepsByKey(to)];
  const out: string[] = [];
  for (const [key, step] of b) {
    if (!a.has(key)) out.push(`step ${key} (${step.type}) added`);
    else if (!deepEqual(a.get(key), step)) out.push(`step ${key} changed`);
  }
  for (const [key, step] of a) if (!b.has(key)) out.push(`step ${key} (${step.type}) removed`);
  if (out.length === 0 && !deepEqual([...a.keys()], [...b.keys()])) out.push('steps reordered');
  else if (out.length === 0 && !deepEqual(from.steps, to.steps)) out.push('steps moved between branches');
  return out;
}

/** Sentences for workflow `name` changing from `from` to `to` (either undefined: added or removed). */
export function describeWorkflowChanges(name: string, from: WorkflowDefinition | undefined, to: WorkflowDefinition | undefined): string[] {
  if (from === undefined && to === undefined) return [];
  if (from === undefined) {
    const count = Array.isArray(to!.steps) ? stepNodes(to!.steps).length : 0;
    return [`Add ${who(name, to)}: ${describeTrigger(to!.trigger)}, ${count} step${count === 1 ? '' : 's'}${to!.active === false ? ', inactive' : ''}`];
  }
  if (to === undefined) return [`Remove ${who(name, from)}: it no longer starts; runs in progress finish on their version`];
  const out: string[] = [];
  if ((from.active !== false) !== (to.active !== false)) out.push(to.active === false ? 'deactivated' : 'activated');
  for (const property of ['label', 'description'] as const) {
    if (from[property] !== to[property]) out.push(`${property} changed from ${JSON.stringify(from[property] ?? '')} to ${JSON.stringify(to[property] ?? '')}`);
  }
  if (!deepEqual(from.trigger, to.trigger)) out.push(`trigger changed from ${describeTrigger(from.trigger)} to ${describeTrigger(to.trigger)}`);
  if (!deepEqual(from.condition, to.condition)) out.push(from.condition === undefined ? 'condition added' : to.condition === undefined ? 'condition removed' : 'condition changed');
  if ((from.timing ?? 'afterSave') !== (to.timing ?? 'afterSave')) out.push(`now runs ${to.timing === 'beforeSave' ? 'before' : 'after'} the save`);
  if ((from.runAs ?? 'admin') !== (to.runAs ?? 'admin')) out.push(`runs as ${to.runAs ?? 'admin'} instead of ${from.runAs ?? 'admin'}`);
  if ((from.maxDepth ?? 5) !== (to.maxDepth ?? 5)) out.push(`loop guard depth ${from.maxDepth ?? 5} → ${to.maxDepth ?? 5}`);
  out.push(...stepChanges(from, to));
  const title = who(name, to);
  return out.map((change) => `${title.charAt(0).toUpperCase()}${title.slice(1)}: ${change}`);
}
