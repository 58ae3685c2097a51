/**
 * Before-save workflows of one write: run in the write's transaction, before the validation rules, so they
 * only change the record being saved (`updateRecord`) or refuse the write (`failWithMessage`). The same
 * code answers the server's write path and the studio's preview.
 */
import type { MetadataDocument, WorkflowDefinition, WorkflowStep } from '@trellis/metadata';
import type { RecordValues, RuleContext } from '../rules/rule-context.js';
import { workflowContext } from './context.js';
import { conditionHolds, evaluateValues, renderTemplate } from './expressions.js';
import { recordEventMatches } from './trigger-match.js';

export interface BeforeSaveFailure {
  workflow: string;
  message: string;
  fields?: string[];
}

export interface BeforeSaveResult {
  /** The values the workflows set (field → value), to merge into the write. */
  changes: RecordValues;
  /** Non-empty = refuse the write with these messages. */
  failures: BeforeSaveFailure[];
}

/** The active before-save workflows of `entity` that a write of kind `op` triggers, by name. */
export function beforeSaveWorkflows(doc: MetadataDocument, entity: string, op: 'create' | 'update', ctx: RuleContext): Array<[string, WorkflowDefinition]> {
  return Object.entries(doc.workflows ?? {})
    .filter(([, def]) => def.active !== false && def.timing === 'beforeSave' && 'entity' in def.trigger && def.trigger.entity === entity)
    .filter(([, def]) => recordEventMatches(def.trigger, op, ctx.record, ctx.previous))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Runs the matching workflows in name order: each sees the record as the previous ones left it. `ctx` is
 * not modified. A workflow that cannot be evaluated refuses the write (fail closed, like a rule that throws).
 */
export function applyBeforeSave(doc: MetadataDocument, entity: string, op: 'create' | 'update', ctx: RuleContext): BeforeSaveResult {
  const changes: RecordValues = {};
  const failures: BeforeSaveFailure[] = [];
  let record = ctx.record;
  for (const [name, def] of beforeSaveWorkflows(doc, entity, op, ctx)) {
    const wctx = workflowContext({ trigger: { type: def.trigger.type }, record, previous: ctx.previous, user: ctx.user, now: ctx.now });
    try {
      if (!conditionHolds(def, wctx)) continue;
      for (const step of def.steps) {
        const failure = runStep(step, wctx, changes);
        if (failure) {
          failures.push({ workflow: name, ...failure });
          break;
        }
      }
      record = wctx.record!;
    } catch (error) {
      failures.push({ workflow: name, message: `Workflow "${def.label}" could not be evaluated: ${(error as Error).message}` });
    }
  }
  return { changes, failures };
}

/** One step: `updateRecord` changes `wctx.record` and `changes`; `failWithMessage` returns the failure. */
function runStep(step: WorkflowStep, wctx: ReturnType<typeof workflowContext>, changes: RecordValues): Omit<BeforeSaveFailure, 'workflow'> | null {
  switch (step.type) {
    case 'updateRecord': {
      const values = evaluateValues(step.values, wctx);
      Object.assign(changes, values);
      wctx.record = { ...wctx.record, ...values };
      wctx.steps[step.key] = { id: wctx.record['id'] ?? null };
      return null;
    }
    case 'failWithMessage':
      return { message: renderTemplate(step.message, wctx), ...(step.fields?.length ? { fields: [...step.fields] } : {}) };
    default:
      throw new Error(`step '${step.key}' (${step.type}) cannot run before save: only updateRecord and failWithMessage can`);
  }
}
