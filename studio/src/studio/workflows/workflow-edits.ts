/**
 * Pure edits of the draft's workflows (`document.workflows`), as the workflow editor performs them. Each returns
 * a new document (the input is never changed) and keeps the definition tidy: optional settings at their default
 * are left out (timing afterSave, runAs admin, maxDepth 5). What it cannot decide is left for `validateDocument`.
 */
import type { JsonLogic, MetadataDocument, WorkflowDefinition, WorkflowStep, WorkflowStepType, WorkflowTrigger } from '@trellis/metadata';
import { flattenSteps, isBranch, splitPath, stepListAt, type ListPath, type StepPath } from './workflow-paths.js';

type Doc = MetadataDocument;

const clone = <T>(value: T): T => structuredClone(value);

/** Applies `change` to a copy of workflow `name`; the document unchanged when there is no such workflow. */
function editWorkflow(doc: Doc, name: string, change: (def: WorkflowDefinition) => void): Doc {
  if (!doc.workflows?.[name]) return doc;
  const next = clone(doc);
  change(next.workflows![name]);
  return next;
}

export interface NewWorkflow {
  name: string;
  label: string;
  description?: string;
  trigger: WorkflowTrigger;
}

/** A new workflow, inactive until someone switches it on (and publishes). */
export function createWorkflow(doc: Doc, wf: NewWorkflow): Doc {
  const next = clone(doc);
  const def: WorkflowDefinition = {
    label: wf.label,
    ...(wf.description?.trim() ? { description: wf.description.trim() } : {}),
    active: false,
    trigger: clone(wf.trigger),
    steps: [],
  };
  next.workflows = { ...(next.workflows ?? {}), [wf.name]: def };
  return next;
}

export function removeWorkflow(doc: Doc, name: string): Doc {
  if (!doc.workflows?.[name]) return doc;
  const next = clone(doc);
  const { [name]: _removed, ...rest } = next.workflows!;
  if (Object.keys(rest).length === 0) delete next.workflows;
  else next.workflows = rest;
  return next;
}

/** A copy of `from` under a new name and label, inactive. */
export function duplicateWorkflow(doc: Doc, from: string, name: string, label: string): Doc {
  const source = doc.workflows?.[from];
  if (!source || doc.workflows?.[name]) return doc;
  const next = clone(doc);
  next.workflows![name] = { ...clone(source), label, active: false };
  return next;
}

/** Puts a whole definition (e.g. a published version being restored) into the draft. */
export function setWorkflow(doc: Doc, name: string, def: WorkflowDefinition): Doc {
  const next = clone(doc);
  next.workflows = { ...(next.workflows ?? {}), [name]: clone(def) };
  return next;
}

export type WorkflowPatch = Partial<Pick<WorkflowDefinition, 'label' | 'description' | 'active' | 'timing' | 'runAs' | 'maxDepth'>>;

const DEFAULTS: Partial<Record<keyof WorkflowPatch, unknown>> = { timing: 'afterSave', runAs: 'admin', maxDepth: 5, description: '' };

/** Sets workflow settings; a value at its default (or undefined) removes the key. `active` is always written. */
export function updateWorkflow(doc: Doc, name: string, patch: WorkflowPatch): Doc {
  return editWorkflow(doc, name, (def) => {
    const target = def as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(patch) as [keyof WorkflowPatch, unknown][]) {
      if (key === 'label') target.label = String(value ?? '');
      else if (key === 'active') target.active = value !== false;
      else if (value === undefined || value === DEFAULTS[key]) delete target[key];
      else target[key] = value;
    }
    // Before-save workflows need no loop guard setting of their own; other settings stay as they are.
  });
}

export function setTrigger(doc: Doc, name: string, trigger: WorkflowTrigger): Doc {
  return editWorkflow(doc, name, (def) => {
    def.trigger = clone(trigger);
    // Only record triggers run before save.
    if (!isRecordTrigger(trigger)) delete def.timing;
  });
}

export function setCondition(doc: Doc, name: string, condition: JsonLogic | undefined): Doc {
  return editWorkflow(doc, name, (def) => {
    if (condition === undefined) delete def.condition;
    else def.condition = clone(condition);
  });
}

/** Triggers that fire on a record write (and may run before save). */
export const isRecordTrigger = (trigger: WorkflowTrigger | undefined): boolean =>
  !!trigger && ['recordCreated', 'recordUpdated', 'recordDeleted', 'fieldChanged'].includes(trigger.type);

// ---- steps ----

/** Applies `change` to the list of steps at `list` (creating an empty else branch when asked for). */
function editList(doc: Doc, name: string, list: ListPath, change: (steps: WorkflowStep[]) => void): Doc {
  return editWorkflow(doc, name, (def) => {
    def.steps ??= [];
    if (list.length > 0 && list[list.length - 1] === 'else') {
      const owner = stepListAt(def.steps, list.slice(0, -2))?.[list[list.length - 2] as number];
      if (owner?.type === 'if') owner.else ??= [];
    }
    const steps = stepListAt(def.steps, list);
    if (steps) change(steps);
    tidyBranches(def.steps);
  });
}

/** An `else` left empty is dropped (absent means "nothing"). */
function tidyBranches(steps: WorkflowStep[]): void {
  for (const step of steps) {
    if (step.type !== 'if') continue;
    tidyBranches(step.then);
    if (step.else) {
      tidyBranches(step.else);
      if (step.else.length === 0) delete step.else;
    }
  }
}

export function insertStep(doc: Doc, name: string, list: ListPath, index: number, step: WorkflowStep): Doc {
  return editList(doc, name, list, (steps) => steps.splice(Math.max(0, Math.min(index, steps.length)), 0, clone(step)));
}

export function updateStep(doc: Doc, name: string, path: StepPath, step: WorkflowStep): Doc {
  const { list, index } = splitPath(path);
  return editList(doc, name, list, (steps) => {
    if (index < steps.length) steps[index] = clone(step);
  });
}

export function removeStep(doc: Doc, name: string, path: StepPath): Doc {
  const { list, index } = splitPath(path);
  return editList(doc, name, list, (steps) => {
    if (index < steps.length) steps.splice(index, 1);
  });
}

/** Moves a step up (-1) or down (+1) within its list; no change at either end. */
export function moveStep(doc: Doc, name: string, path: StepPath, delta: -1 | 1): Doc {
  const { list, index } = splitPath(path);
  const steps = doc.workflows?.[name] ? stepListAt(doc.workflows[name].steps ?? [], list) : undefined;
  const to = index + delta;
  if (!steps || to < 0 || to >= steps.length) return doc;
  return editList(doc, name, list, (s) => {
    const [moved] = s.splice(index, 1);
    s.splice(to, 0, moved);
  });
}

/** Every step key of the workflow, branches included. */
export const stepKeys = (def: WorkflowDefinition | undefined): string[] => flattenSteps(def?.steps).map((f) => f.step.key);

/** `createTask`, then `createTask2`, `createTask3`… — the first not taken. */
export function uniqueStepKey(base: string, taken: string[]): string {
  if (!taken.includes(base)) return base;
  let n = 2;
  while (taken.includes(`${base}${n}`)) n++;
  return `${base}${n}`;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every string inside `value` with `steps.<from>` (as a whole key) turned into `steps.<to>`. */
export function rewriteStepReferences<T>(value: T, from: string, to: string): T {
  const pattern = new RegExp(`(^|[^A-Za-z0-9_$.])steps\\.${escapeRegExp(from)}(?![A-Za-z0-9_$])`, 'g');
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return v.replace(pattern, `$1steps.${to}`);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

/** Renames a step's key and the `steps.<key>` references to it in the workflow's expressions and templates. */
export function renameStepKey(doc: Doc, name: string, path: StepPath, to: string): Doc {
  return editWorkflow(doc, name, (def) => {
    const { list, index } = splitPath(path);
    const steps = stepListAt(def.steps ?? [], list);
    const step = steps?.[index];
    if (!step || step.key === to) return;
    const from = step.key;
    step.key = to;
    if (from) {
      def.steps = rewriteStepReferences(def.steps, from, to);
      if (def.condition !== undefined) def.condition = rewriteStepReferences(def.condition, from, to);
    }
  });
}

/** A new step of `type` with settings to start from and a key not yet used in the workflow. */
export function newStep(type: WorkflowStepType, def: WorkflowDefinition | undefined): WorkflowStep {
  const key = uniqueStepKey(type, stepKeys(def));
  const days = { amount: 1, unit: 'days' as const };
  switch (type) {
    case 'updateRecord':
      return { type, key, values: {} };
    case 'createRecord':
      return { type, key, entity: '', values: {} };
    case 'updateRelated':
      return { type, key, relation: '', values: {} };
    case 'assign':
      return { type, key, strategy: 'user', user: { var: 'record.createdBy' } };
    case 'createTask':
      return { type, key, title: '', dueIn: days };
    case 'notify':
      return { type, key, recipients: { owner: true }, title: '' };
    case 'sendEmail':
      return { type, key, to: '', subject: '', body: '' };
    case 'httpRequest':
      return { type, key, method: 'POST', url: '' };
    case 'if':
      // The condition is left for the person to write (the check asks for it).
      return { type, key, then: [] } as unknown as WorkflowStep;
    case 'wait':
      return { type, key, duration: days };
    case 'failWithMessage':
      return { type, key, message: '' };
    case 'pluginAction':
      return { type, key, action: '', input: {} };
  }
}

/** Whether a list path is a branch of an `if` (for labels: "Then", "Otherwise"). */
export const branchOf = (list: ListPath): 'then' | 'else' | null => {
  const last = list[list.length - 1];
  return isBranch(last) ? last : null;
};
