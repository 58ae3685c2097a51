/**
 * What executors share: evaluating a step's expressions and templates over the run's context (errors name
 * the setting), the trigger record, and record writes whose failures say which step and why.
 */
import type { JsonLogic, WorkflowStep } from '@trellis/metadata';
import { evaluateExpression, evaluateValues, renderTemplate } from '@trellis/runtime';
import type { StepExecution } from '../step-executor.js';
import { TransientStepError } from '../step-executor.js';
import { evaluateJsonTemplate } from './json-template.js';
import { StepError, errorText } from './step-error.js';

/** The value of one expression setting. */
export function evaluateSetting(execution: StepExecution, field: string, expression: JsonLogic): unknown {
  try {
    return evaluateExpression(expression, execution.context);
  } catch (error) {
    throw new StepError(execution.step, `the expression could not be evaluated: ${errorText(error)}`, { field, cause: error });
  }
}

/** A setting that builds JSON (HTTP body, plugin input): its expressions evaluated wherever they are (json-template.ts). */
export function evaluateTemplateSetting(execution: StepExecution, field: string, template: unknown): unknown {
  try {
    return evaluateJsonTemplate(template, execution.context);
  } catch (error) {
    throw new StepError(execution.step, `an expression could not be evaluated: ${errorText(error)}`, { field, cause: error });
  }
}

/** A selection of the record's id alone (for writes whose answer the step does not need). */
export const ID_ONLY = { fields: [{ key: 'id', field: 'id' }] };

/** Field values from their expressions (`values` of updateRecord, createRecord, updateRelated). */
export function evaluateFieldValues(execution: StepExecution, values: Record<string, JsonLogic>, field = 'values'): Record<string, unknown> {
  try {
    return evaluateValues(values, execution.context);
  } catch (error) {
    throw new StepError(execution.step, errorText(error), { field, cause: error });
  }
}

/** A text setting rendered (a template: `{{record.name}}`). */
export function renderSetting(execution: StepExecution, text: string | undefined): string {
  return text === undefined ? '' : renderTemplate(text, execution.context);
}

export interface TriggerRecord {
  entity: string;
  id: string;
}

/** The record the workflow was triggered for; steps that change it need one. */
export function triggerRecord(execution: StepExecution): TriggerRecord {
  const id = execution.context.record?.['id'];
  if (!execution.entity || typeof id !== 'string') {
    throw new StepError(execution.step, 'this step works on the trigger record, but a scheduled or webhook workflow has none: use createRecord, or a record trigger.', {
      code: 'STEP_NO_RECORD',
    });
  }
  return { entity: execution.entity, id };
}

/** The trigger record, when there is one (tasks and notifications relate to it). */
export function optionalTriggerRecord(execution: StepExecution): TriggerRecord | null {
  const id = execution.context.record?.['id'];
  return execution.entity && typeof id === 'string' ? { entity: execution.entity, id } : null;
}

/** SQLSTATEs worth a retry: serialization failure, deadlock, lock timeout, too many connections, admin shutdown. */
const TRANSIENT_SQLSTATES = new Set(['40001', '40P01', '55P03', '53300', '57P01', '57P03']);

/** Runs a record read or write; a transient database fault is retried, anything else names the step (and `field`, when given). */
export async function recordOperation<T>(step: WorkflowStep, what: string, write: () => Promise<T>, field?: string): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const sqlState = (error as { code?: unknown }).code;
    if (typeof sqlState === 'string' && TRANSIENT_SQLSTATES.has(sqlState)) throw new TransientStepError(`${what}: ${errorText(error)}`, { cause: error });
    if (error instanceof StepError || error instanceof TransientStepError) throw error;
    throw new StepError(step, `${what} failed — ${errorText(error)}`, { cause: error, ...(field ? { field } : {}) });
  }
}

/** A short, readable rendering of values for descriptions: `stage = "won", amount = 5`. */
export function describeValues(values: Record<string, unknown>, max = 4): string {
  const entries = Object.entries(values);
  const shown = entries.slice(0, max).map(([k, v]) => `${k} = ${short(v)}`);
  return entries.length > max ? `${shown.join(', ')} and ${entries.length - max} more` : shown.join(', ');
}

export function short(value: unknown, max = 60): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
