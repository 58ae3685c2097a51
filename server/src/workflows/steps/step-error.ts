/**
 * A step that cannot do its work as configured or with the values it got (a permanent fault: retrying would
 * not help). The message names the step, the setting and what to fix; the engine records it as the run's error.
 */
import type { WorkflowStep } from '@trellis/metadata';

/** Our own codes; a failed record write keeps the record layer's (VALIDATION_FAILED, FORBIDDEN, NOT_FOUND…). */
export type StepErrorCode = 'STEP_CONFIG' | 'STEP_VALUE' | 'STEP_NO_RECORD' | 'STEP_HTTP' | 'STEP_PLUGIN';

export class StepError extends Error {
  readonly code: string;
  readonly stepKey: string;
  readonly field?: string;
  /** Like the API's errors (the engine stores `extensions.code` as the run error's code). */
  readonly extensions: Record<string, unknown>;

  constructor(step: Pick<WorkflowStep, 'key' | 'type' | 'label'>, message: string, options: { field?: string; code?: StepErrorCode; cause?: unknown } = {}) {
    const where = options.field ? `, setting "${options.field}"` : '';
    super(`Step "${step.label ?? step.key}" (${step.type}${where}): ${message}`, { cause: options.cause });
    this.name = 'StepError';
    const causeExtensions = (options.cause as { extensions?: Record<string, unknown> } | undefined)?.extensions;
    const causeCode = typeof causeExtensions?.['code'] === 'string' ? (causeExtensions['code'] as string) : undefined;
    this.code = options.code ?? causeCode ?? 'STEP_VALUE';
    this.stepKey = step.key;
    if (options.field !== undefined) this.field = options.field;
    const fieldErrors = causeExtensions?.['fieldErrors'];
    this.extensions = { code: this.code, stepKey: step.key, ...(options.field ? { field: options.field } : {}), ...(fieldErrors ? { fieldErrors } : {}) };
  }
}

/** The message of anything thrown (GraphQL errors from RecordService carry their field errors in extensions). */
export function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const fieldErrors = (error as { extensions?: { fieldErrors?: { field: string; message: string }[] } }).extensions?.fieldErrors;
  if (fieldErrors && fieldErrors.length > 0) return `${error.message}: ${fieldErrors.map((f) => `${f.field}: ${f.message}`).join('; ')}`;
  return error.message;
}
