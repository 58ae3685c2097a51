/**
 * Semantic check of `document.workflows` (called by validateDocument): names, the trigger, timing, runAs,
 * step keys unique across branches, each step's settings, and the `{{placeholders}}` of templates. The
 * expressions themselves are checked with every other expression (check-expressions.ts, with each site's
 * workflow scope), so `steps.x` must be a step that runs earlier and `record.foo` a field of the trigger entity.
 */
import { isRecord, pointer, type DocumentCheck, type Report } from '../problems.js';
import { checkComponentName } from '../rules/check-rules.js';
import { DanglingMessages, sentence } from '../rules/dangling.js';
import { resolveVarPath } from '../rules/var-paths.js';
import type { MetadataDocument } from '../types.js';
import { checkStep, type StepEnv } from './check-workflow-steps.js';
import { checkTrigger } from './check-workflow-trigger.js';
import { describeStep } from './step-names.js';
import { stepNodes, type StepSegment } from './step-tree.js';
import { WorkflowCheck } from './workflow-check-context.js';
import { workflowSites } from './workflow-sites.js';
import { triggerEntity } from './workflow-scope.js';
import { TRIGGER_TYPES } from './workflows-schema.js';

function checkTiming(w: WorkflowCheck, def: Record<string, unknown>, triggerType: string): void {
  if (def.timing !== 'beforeSave') return;
  const info = Object.hasOwn(TRIGGER_TYPES, triggerType) ? TRIGGER_TYPES[triggerType as keyof typeof TRIGGER_TYPES] : undefined;
  if (info && !info.beforeSave) {
    w.at(['timing'], 'not-allowed-before-save', `Only recordCreated, recordUpdated and fieldChanged workflows can run before the save (inside the write); a ${triggerType} workflow runs after it — remove "timing" or set it to "afterSave".`);
  }
}

function checkWorkflow(w: WorkflowCheck, def: Record<string, unknown>): void {
  checkComponentName(w.report, pointer('workflows', w.name), 'Workflow', w.name);
  if (typeof def.label === 'string' && def.label.trim() === '') w.at(['label'], 'missing-label', `Workflow ${w.name} has an empty label; give it the name people see, e.g. "Follow up won deals".`);
  const trigger = isRecord(def.trigger) ? def.trigger : {};
  const triggerType = String(trigger.type);
  checkTrigger(w, trigger);
  checkTiming(w, def, triggerType);
  w.knownRole(def.runAs, ['runAs']);
  const entity = triggerEntity(trigger);
  const env: StepEnv = { triggerType, entity: entity !== undefined && w.entity(entity) ? entity : undefined, beforeSave: def.timing === 'beforeSave', steps: def.steps };
  const seen = new Map<string, StepSegment[]>();
  for (const node of stepNodes(def.steps)) {
    const key = node.step.key;
    if (typeof key === 'string') {
      const first = seen.get(key);
      if (first !== undefined) {
        const other = describeStep(def.steps, first, false);
        w.at(['steps', ...node.segments, 'key'], 'duplicate-step-key', `Step key "${key}" is already used by ${other} of workflow "${w.name}"; keys are unique across the whole workflow (branches included), so steps.${key} names one step — rename this one.`);
      } else seen.set(key, node.segments);
    }
    checkStep(w, env, node);
  }
}

/** Placeholders of every template resolve in their scope (fields of the trigger entity, earlier steps…). */
function checkTemplates(doc: MetadataDocument, report: Report): void {
  const dangling = new DanglingMessages(doc);
  for (const site of workflowSites(doc).templates) {
    for (const match of site.text.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)) {
      const path = match[1]!;
      const problem = resolveVarPath(path, site.scope).problem;
      if (!problem) continue;
      // Path problems name the path in quotes already: "record.nme": …
      const message = problem.code === 'unknown-field' && problem.entity !== undefined ? dangling.message(problem.entity, problem.field!) : problem.message;
      report(site.path, problem.code, sentence(message));
    }
  }
}

export const checkWorkflows: DocumentCheck = (doc, report) => {
  if (!isRecord(doc.workflows)) return;
  for (const [name, def] of Object.entries(doc.workflows)) {
    if (isRecord(def)) checkWorkflow(new WorkflowCheck(doc, report, name), def);
  }
  checkTemplates(doc, report);
};
