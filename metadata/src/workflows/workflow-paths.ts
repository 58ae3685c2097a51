/**
 * For the studio's expression fields: what an expression at one place of a workflow may read (completion
 * of record fields and earlier step outputs), and its problems — the same analysis a publish runs.
 */
import { isRecord } from '../problems.js';
import { analyzeJsonLogic, resultTypeProblem } from '../rules/analyze.js';
import { fieldLogicType, fieldSubValues, SYSTEM_FIELD_TYPES, USER_PROPERTIES } from '../rules/field-logic-type.js';
import type { LogicType } from '../rules/operations.js';
import type { AnalysisScope } from '../rules/var-paths.js';
import type { MetadataDocument, MetadataProblem } from '../types.js';
import { STEP_OUTPUTS } from './step-outputs.js';
import { earlierSteps, stepNodes } from './step-tree.js';
import type { WorkflowDefinition } from './types.js';
import { workflowScope, type WorkflowPosition } from './workflow-scope.js';

export interface WorkflowVarPath {
  path: string;
  /** For people: "Stage (before the change)", "makeTask: The id of the created task". */
  label: string;
  type: LogicType;
}

/** Where `stepKey`'s expressions are (undefined: the workflow's condition, before any step). */
export function workflowPosition(def: WorkflowDefinition, stepKey?: string): WorkflowPosition {
  const nodes = stepNodes(def.steps);
  const all = new Map(nodes.map((n) => [n.step.key, n.step] as const));
  const at = stepKey === undefined ? undefined : nodes.find((n) => n.step.key === stepKey);
  if (!at) return { earlier: new Map(), all };
  return { earlier: earlierSteps(nodes, at), all, self: stepKey! };
}

/** The analysis scope of an expression of step `stepKey` (or of the condition) of `def`. */
export function workflowExpressionScope(doc: MetadataDocument, def: WorkflowDefinition, stepKey?: string): AnalysisScope {
  return workflowScope(doc, def.trigger, workflowPosition(def, stepKey), stepKey === undefined ? 'a workflow condition' : 'a workflow expression');
}

/** Every path an expression there may read, in a stable order. */
export function workflowVarPaths(doc: MetadataDocument, def: WorkflowDefinition, stepKey?: string): WorkflowVarPath[] {
  const scope = workflowExpressionScope(doc, def, stepKey);
  const roots = scope.roots ?? [];
  const out: WorkflowVarPath[] = [];
  const fields = scope.entity !== '' && isRecord(doc.entities[scope.entity]) ? doc.entities[scope.entity]!.fields : {};
  for (const root of ['record', 'previous'] as const) {
    if (!roots.includes(root)) continue;
    const suffix = root === 'previous' ? ' (before the change)' : '';
    for (const [name, field] of Object.entries(fields)) {
      if (!isRecord(field) || (field.type === 'relation' && field.cardinality !== 'manyToOne')) continue;
      out.push({ path: `${root}.${name}`, label: `${field.label ?? name}${suffix}`, type: fieldLogicType(field) });
      for (const [sub, type] of Object.entries(fieldSubValues(field) ?? {})) out.push({ path: `${root}.${name}.${sub}`, label: `${field.label ?? name}: ${sub}${suffix}`, type });
    }
    for (const [name, type] of Object.entries(SYSTEM_FIELD_TYPES)) out.push({ path: `${root}.${name}`, label: `${name}${suffix}`, type });
  }
  if (roots.includes('user')) for (const [name, type] of Object.entries(USER_PROPERTIES)) out.push({ path: `user.${name}`, label: `The acting user's ${name}`, type });
  out.push({ path: 'now', label: 'The current date and time', type: 'dateTime' });
  out.push({ path: 'trigger.type', label: 'The trigger type', type: 'string' });
  if (isRecord(def.trigger) && def.trigger.type === 'webhook') out.push({ path: 'trigger.payload', label: 'The webhook\'s JSON body', type: 'any' });
  for (const [key, step] of workflowPosition(def, stepKey).earlier) {
    const outputs = STEP_OUTPUTS[step.type];
    if (!outputs) out.push({ path: `steps.${key}`, label: `${step.label ?? key}: its output`, type: 'any' });
    else for (const [property, info] of Object.entries(outputs)) out.push({ path: `steps.${key}.${property}`, label: `${step.label ?? key}: ${info.description}`, type: info.type });
  }
  return out;
}

/** Problems of `expr` at that place (paths relative to the expression); `expected` what it must give. */
export function checkWorkflowExpression(doc: MetadataDocument, def: WorkflowDefinition, expr: unknown, stepKey?: string, expected: LogicType = 'any'): MetadataProblem[] {
  const analysis = analyzeJsonLogic(expr, workflowExpressionScope(doc, def, stepKey));
  const problems: MetadataProblem[] = analysis.problems.map((p) => ({ path: p.path, code: p.code, message: p.message }));
  const typeProblem = resultTypeProblem('The expression', analysis.resultType, expected);
  if (typeProblem) problems.push({ path: '', code: typeProblem.code, message: typeProblem.message });
  return problems;
}
