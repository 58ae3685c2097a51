/**
 * What a workflow expression or template may read, by where it is: the trigger decides whether there is a
 * `record`, a `previous` and a `user`; the position decides which `steps.<key>` outputs exist (only steps
 * that ran before). `trigger.type` always, `trigger.payload.<…>` for webhooks.
 */
import { isRecord } from '../problems.js';
import { didYouMean } from '../rules/suggest.js';
import type { AnalysisScope, ContextRoot, ResolvedPath } from '../rules/var-paths.js';
import type { MetadataDocument } from '../types.js';
import { STEP_OUTPUTS } from './step-outputs.js';
import type { WorkflowStep, WorkflowTrigger } from './types.js';

/** The trigger types that have a record (`record.<field>`): all but scheduled and webhook. */
export const RECORD_TRIGGERS: ReadonlySet<string> = new Set(['recordCreated', 'recordUpdated', 'recordDeleted', 'fieldChanged', 'dateRelative', 'manual']);
/** The trigger types where `previous` holds the values before the change. */
export const UPDATE_TRIGGERS: ReadonlySet<string> = new Set(['recordUpdated', 'fieldChanged']);
/** The trigger types where someone acted (`user`). */
export const USER_TRIGGERS: ReadonlySet<string> = new Set(['recordCreated', 'recordUpdated', 'recordDeleted', 'fieldChanged', 'manual']);

/** The entity whose records trigger the workflow, if any. */
export function triggerEntity(trigger: unknown): string | undefined {
  return isRecord(trigger) && RECORD_TRIGGERS.has(String(trigger.type)) && typeof trigger.entity === 'string' ? trigger.entity : undefined;
}

/** Where in the workflow an expression is: its condition (before any step), or a step with the steps run before it. */
export interface WorkflowPosition {
  /** The steps that ran before, by key (empty for the condition). */
  earlier: ReadonlyMap<string, WorkflowStep>;
  /** Every step of the workflow by key, to tell "not yet run" from "no such step". */
  all: ReadonlyMap<string, WorkflowStep>;
  /** The key of the step the expression belongs to (undefined: the workflow's condition). */
  self?: string;
}

const problem = (code: 'unknown-variable' | 'unknown-step' | 'step-not-earlier' | 'invalid-field-path', message: string): ResolvedPath => ({ type: 'any', problem: { code, message } });

function resolveTrigger(trigger: unknown, segments: string[], full: string): ResolvedPath {
  const type = isRecord(trigger) ? String(trigger.type) : '';
  const [, property] = segments;
  if (property === 'type' && segments.length === 2) return { type: 'string' };
  if (property === 'payload') {
    if (type !== 'webhook') return problem('invalid-field-path', `"${full}": only webhook workflows have a payload (this one is triggered by ${type || 'nothing yet'})`);
    return { type: 'any' };
  }
  return problem('unknown-variable', `"${full}" is not part of the trigger: use trigger.type, or trigger.payload.<key> in a webhook workflow`);
}

function resolveStep(position: WorkflowPosition, segments: string[], full: string): ResolvedPath {
  const [, key, property] = segments;
  if (key === undefined || key === '') {
    const first = [...position.earlier.keys()][0];
    return problem('unknown-step', `"${full}" needs a step: write steps.<step key>.<output>${first ? `, e.g. steps.${first}` : ''}`);
  }
  const step = position.earlier.get(key);
  if (!step) {
    if (key === position.self) return problem('step-not-earlier', `"${full}" is the output of this very step, which does not exist yet while it runs`);
    if (position.all.has(key)) {
      const where = position.self === undefined ? 'the condition is checked before any step runs' : `step ${key} does not run before step ${position.self} (it comes later, or is in the other branch of an if)`;
      return problem('step-not-earlier', `"${full}" reads the output of step ${key}, but ${where}; move the step or read another one`);
    }
    const known = [...position.earlier.keys()];
    const offer = known.length ? `; steps that run before are ${known.join(', ')}` : '; no step runs before this one';
    return problem('unknown-step', `"${full}": there is no step "${key}"${didYouMean(key, position.all.keys())}${offer}`);
  }
  const outputs = STEP_OUTPUTS[step.type];
  if (property === undefined || outputs === undefined) return { type: 'any' };
  const output = Object.hasOwn(outputs, property) ? outputs[property] : undefined;
  if (!output) {
    const gives = Object.keys(outputs).map((p) => `steps.${key}.${p}`).join(', ');
    return problem('invalid-field-path', `"${full}": step ${key} (${step.type}) gives ${gives}${didYouMean(property, Object.keys(outputs), (p) => `steps.${key}.${p}`)}`);
  }
  if (segments.length > 3 && !output.open) return problem('invalid-field-path', `"${full}": steps.${key}.${property} is ${output.description.toLowerCase()} and has no properties`);
  return { type: segments.length > 3 ? 'any' : output.type };
}

const WHY_NOT: Partial<Record<ContextRoot, (type: string) => string>> = {
  record: (type) => `a ${type} workflow has no trigger record`,
  previous: (type) => (RECORD_TRIGGERS.has(type) ? `only recordUpdated and fieldChanged workflows see the values before the change` : `a ${type} workflow has no trigger record`),
  user: (type) => `nobody acts when a ${type} workflow starts`,
};

/**
 * The analysis scope of an expression of workflow `def` at `position`. `record` reads the trigger entity,
 * not related records (a workflow's record holds the manyToOne ids, as stored).
 */
export function workflowScope(doc: MetadataDocument, trigger: WorkflowTrigger | unknown, position: WorkflowPosition, what = 'a workflow expression'): AnalysisScope {
  const type = isRecord(trigger) ? String(trigger.type) : '';
  const roots: ContextRoot[] = ['now'];
  if (RECORD_TRIGGERS.has(type)) roots.push('record');
  if (UPDATE_TRIGGERS.has(type)) roots.push('previous');
  if (USER_TRIGGERS.has(type)) roots.push('user');
  const whyNot: Partial<Record<ContextRoot, string>> = {};
  for (const [root, why] of Object.entries(WHY_NOT)) whyNot[root as ContextRoot] = why(type || 'trigger-less');
  return {
    doc,
    entity: triggerEntity(trigger) ?? '',
    roots,
    related: false,
    what,
    whyNot,
    contextName: 'the workflow context',
    extraRoots: {
      trigger: (segments, full) => resolveTrigger(trigger, segments, full),
      steps: (segments, full) => resolveStep(position, segments, full),
    },
  };
}
