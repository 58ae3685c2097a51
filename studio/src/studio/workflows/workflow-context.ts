/**
 * What a workflow's expressions and templates can read at a given place: the workflow context
 * `{ record, previous, user, now, trigger, steps }` narrowed by the trigger (no record for scheduled and webhook
 * workflows, `previous` only on updates, no user for scheduled, date-relative and webhook runs) and by position
 * (`steps.<key>` only of steps that run earlier). Used for completion, the field pickers and template inserts.
 */
import {
  RECORD_TRIGGERS,
  triggerEntity as metadataTriggerEntity,
  UPDATE_TRIGGERS,
  USER_TRIGGERS,
  workflowVarPaths as metadataVarPaths,
  type MetadataDocument,
  type WorkflowDefinition,
  type WorkflowTrigger,
} from '@trellis/metadata';
import { operatorDocs, type VarPath } from '../rules/logic-context.js';
import { stepAt, type StepPath } from './workflow-paths.js';

export type { VarPath } from '../rules/logic-context.js';

/** The entity whose records the trigger is about (none for scheduled and webhook triggers, or not chosen yet). */
export function triggerEntity(trigger: WorkflowTrigger | undefined): string | undefined {
  return metadataTriggerEntity(trigger) || undefined;
}

export interface ContextRoots {
  record: boolean;
  previous: boolean;
  user: boolean;
  payload: boolean;
}

/** Which parts of the context a run started by `trigger` has. */
export function contextRoots(trigger: WorkflowTrigger | undefined): ContextRoots {
  const type = trigger?.type ?? '';
  return { record: RECORD_TRIGGERS.has(type), previous: UPDATE_TRIGGERS.has(type), user: USER_TRIGGERS.has(type), payload: type === 'webhook' };
}

/**
 * Every var path an expression may read at the step at `path` of the workflow (no path: the workflow's
 * condition, checked before any step runs) — metadata's `workflowVarPaths`, the scope publish checks with:
 * `steps.<key>` only of steps that run before (not the other branch of an `if`).
 */
export function workflowVarPaths(doc: MetadataDocument, def: WorkflowDefinition | undefined, path?: StepPath): VarPath[] {
  if (!def) return [];
  const key = path ? stepAt(def.steps ?? [], path)?.key : undefined;
  try {
    return metadataVarPaths(doc, def, key);
  } catch {
    // A definition too broken to analyse: nothing to complete.
    return [];
  }
}

/** A heading for a var path in pickers: "Record", "Before the change", "User", "Trigger", "Earlier steps". */
export function pathGroup(path: string): string {
  const root = path.split('.')[0];
  switch (root) {
    case 'record':
      return 'Record';
    case 'previous':
      return 'Before the change';
    case 'user':
      return 'Who made the change';
    case 'steps':
      return 'Earlier steps';
    case 'trigger':
      return 'Trigger';
    default:
      return 'Other';
  }
}

/** Paths grouped under their heading, in the order given. */
export function groupPaths(paths: VarPath[]): { group: string; paths: VarPath[] }[] {
  const groups = new Map<string, VarPath[]>();
  for (const p of paths) {
    const g = pathGroup(p.path);
    groups.set(g, [...(groups.get(g) ?? []), p]);
  }
  return [...groups].map(([group, list]) => ({ group, paths: list }));
}

/**
 * A JSON Schema for monaco's JSON language service (as the rules editor has): operators with their descriptions,
 * and `var` completing the paths of this place. It accepts anything; the document check reports problems.
 */
export function workflowLogicSchema(paths: VarPath[]): Record<string, unknown> {
  const pathEnum = { enum: paths.map((p) => p.path), enumDescriptions: paths.map((p) => `${p.label} — ${p.type}`) };
  const expr = { $ref: '#/definitions/expr' };
  const properties: Record<string, unknown> = {};
  for (const op of operatorDocs()) properties[op.name] = { description: op.description, anyOf: [{ type: 'array', items: expr }, expr] };
  properties.var = {
    description: 'A value of the workflow context by dotted path, e.g. "record.amount" or "steps.makeTask.taskId".',
    anyOf: [pathEnum, { type: 'string' }, { type: 'array', items: [{ anyOf: [pathEnum, { type: ['string', 'number'] }] }] }],
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    definitions: {
      expr: { anyOf: [{ type: ['string', 'number', 'boolean', 'null'] }, { type: 'array', items: expr }, { type: 'object', properties }] },
    },
    ...expr,
  };
}

/** A label for a var path: the known one, or the path itself. */
export function pathLabel(paths: VarPath[], path: string): string {
  return paths.find((p) => p.path === path)?.label ?? path;
}
