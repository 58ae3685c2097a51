/**
 * Workflow expressions (JSON Logic) and text templates (`{{record.name}}`), both over the workflow context.
 * Expressions use the same engine and operations as validation rules, so a value compares the same way
 * (dates as ISO strings, numbers as numbers) in a rule and in a workflow.
 */
import type { JsonLogic, WorkflowDefinition } from '@trellis/metadata';
import { evaluateRule, isTruthy } from '../json-logic.js';
import { compileMessage, type MessageTemplate } from '../rules/interpolate.js';
import '../rules/operations.js';
import type { WorkflowContext } from './context.js';

/** The value of a JSON Logic expression (a literal is itself). Throws when it cannot be evaluated. */
export function evaluateExpression(expression: JsonLogic, ctx: WorkflowContext): unknown {
  return evaluateRule(expression, ctx as unknown as Record<string, unknown>);
}

/**
 * Each field's expression evaluated, in the map's order. A failure names the field, so a run error or a
 * dry run says which value is wrong.
 */
export function evaluateValues(values: Record<string, JsonLogic>, ctx: WorkflowContext): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [field, expression] of Object.entries(values)) {
    try {
      result[field] = evaluateExpression(expression, ctx);
    } catch (error) {
      throw new Error(`The value of '${field}' could not be evaluated: ${(error as Error).message}`);
    }
  }
  return result;
}

/** Whether the workflow's condition holds (a workflow without one always runs). */
export function conditionHolds(def: Pick<WorkflowDefinition, 'condition'>, ctx: WorkflowContext): boolean {
  if (def.condition === undefined || def.condition === null) return true;
  return isTruthy(evaluateExpression(def.condition, ctx));
}

// Templates repeat (every run of a workflow renders the same texts): parse each once, within a bounded cache.
const MAX_TEMPLATES = 500;
const templates = new Map<string, MessageTemplate>();

/** A text setting with its `{{path}}` placeholders filled from the context (missing values become ''). */
export function renderTemplate(text: string, ctx: WorkflowContext): string {
  let template = templates.get(text);
  if (!template) {
    if (templates.size >= MAX_TEMPLATES) templates.clear();
    template = compileMessage(text);
    templates.set(text, template);
  }
  return template(ctx);
}
