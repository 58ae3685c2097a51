/**
 * Workflow actions a plugin adds: a workflow's `pluginAction` step names one as `<plugin>.<action>` and gives
 * its input as expressions; the server validates the evaluated input against `inputSchema` (and, at publish,
 * refuses unknown actions and inputs the schema rules out) before calling `run`.
 */
import type { JsonSchema } from '@trellis/metadata';

/** What an action's `run` knows about the step running it. */
export interface PluginActionContext {
  workspace: string;
  /** The workflow's name. */
  workflow: string;
  stepKey: string;
  runId: string;
  /**
   * `<runId>:<stepKey>`, the same on every retry of this step: pass it to external systems (e.g. as an
   * `Idempotency-Key` header) so a retried step does not act twice.
   */
  idempotencyKey: string;
  /** 1 for the first try. */
  attempt: number;
  /** The trigger's entity and record values (null for scheduled and webhook workflows). */
  entity: string | null;
  record: Record<string, unknown> | null;
  /** Aborted when the run stops (shutdown, lost lease): give up early. */
  signal: AbortSignal;
}

export interface PluginAction<Input extends Record<string, unknown> = Record<string, unknown>, Output = unknown> {
  /** Shown in the studio's step picker, e.g. "Send an SMS". */
  label: string;
  description?: string;
  /** JSON Schema of the input (`type: "object"` with `properties`): the studio's form and the server's check. */
  inputSchema: JsonSchema;
  /** Does the work; the result (JSON) is the step's output, `steps.<key>` for later steps. */
  run(input: Input, ctx: PluginActionContext): Output | Promise<Output>;
}

/**
 * Throw this from `run` for a fault worth retrying (a timeout, a 503): the run is retried with backoff.
 * Anything else thrown stops the run with that message.
 */
export class TransientActionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransientActionError';
  }
}

export const ACTION_NAME = /^[a-z][a-zA-Z0-9]*$/;

/** Problems of a plugin's `actions` map, one readable line each. */
export function actionProblems(actions: unknown): string[] {
  if (actions === undefined) return [];
  if (typeof actions !== 'object' || actions === null || Array.isArray(actions)) return ['actions must be an object of { label, inputSchema, run } by action name'];
  const problems: string[] = [];
  for (const [name, action] of Object.entries(actions as Record<string, unknown>)) {
    const at = `actions.${name}`;
    if (!ACTION_NAME.test(name) || name.length > 60) problems.push(`${at}: action names are camelCase identifiers (e.g. 'sendSms'), up to 60 characters`);
    if (typeof action !== 'object' || action === null) {
      problems.push(`${at} must be an object { label, description?, inputSchema, run(input, ctx) }`);
      continue;
    }
    const a = action as Partial<PluginAction>;
    if (typeof a.label !== 'string' || a.label.trim() === '') problems.push(`${at}.label must be a non-empty string`);
    if (a.description !== undefined && typeof a.description !== 'string') problems.push(`${at}.description must be a string`);
    if (typeof a.run !== 'function') problems.push(`${at}.run must be a function (input, ctx) => result`);
    problems.push(...inputSchemaProblems(at, a.inputSchema));
  }
  return problems;
}

function inputSchemaProblems(at: string, schema: unknown): string[] {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    return [`${at}.inputSchema must be a JSON Schema object, e.g. { "type": "object", "properties": { "to": { "type": "string" } } }`];
  }
  const s = schema as Record<string, unknown>;
  const problems: string[] = [];
  if (s['type'] !== undefined && s['type'] !== 'object') problems.push(`${at}.inputSchema.type must be "object": an action's input is a map of named values`);
  if (s['properties'] !== undefined && (typeof s['properties'] !== 'object' || s['properties'] === null || Array.isArray(s['properties']))) {
    problems.push(`${at}.inputSchema.properties must be an object of property schemas`);
  }
  if (s['required'] !== undefined && (!Array.isArray(s['required']) || s['required'].some((r) => typeof r !== 'string'))) {
    problems.push(`${at}.inputSchema.required must be a list of property names`);
  }
  return problems;
}
