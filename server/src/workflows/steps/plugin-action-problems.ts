/**
 * The publish check of `pluginAction` steps: the action must be registered, required inputs given, no input
 * the schema forbids, and literal inputs (not expressions, whose values are only known at run time) valid.
 */
import type { MetadataDocument, MetadataProblem, PluginActionStep } from '@trellis/metadata';
import { walkSteps } from '@trellis/runtime';
import type { ErrorObject } from 'ajv';
import { isOperation } from './json-template.js';
import type { RegisteredAction } from './plugin-actions.js';

interface ActionLookup {
  get(key: string): RegisteredAction | undefined;
  keys(): string[];
}

export function pluginActionProblems(document: MetadataDocument, registry: ActionLookup): MetadataProblem[] {
  const problems: MetadataProblem[] = [];
  for (const [name, workflow] of Object.entries(document.workflows ?? {})) {
    if (!Array.isArray(workflow?.steps)) continue;
    for (const { step, path } of walkSteps(workflow.steps)) {
      if (step.type !== 'pluginAction') continue;
      problems.push(...stepProblems(`/workflows/${name}/steps/${path.replace(/\./g, '/')}`, step, registry));
    }
  }
  return problems;
}

function stepProblems(at: string, step: PluginActionStep, registry: ActionLookup): MetadataProblem[] {
  const registered = registry.get(step.action);
  if (!registered) {
    const known = registry.keys();
    return [
      {
        path: `${at}/action`,
        code: 'UNKNOWN_PLUGIN_ACTION',
        message: `Unknown workflow action "${step.action}": ${
          known.length > 0 ? `the registered actions are ${known.join(', ')}` : 'no plugin registers workflow actions on this server'
        } (a plugin registers them with definePlugin({ actions }) and is loaded through TRELLIS_PLUGINS).`,
      },
    ];
  }
  const schema = registered.action.inputSchema;
  const properties = (schema['properties'] ?? {}) as Record<string, unknown>;
  const input = step.input ?? {};
  const problems: MetadataProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, code: 'PLUGIN_ACTION_INPUT', message });
  const required = Array.isArray(schema['required']) ? (schema['required'] as string[]) : [];
  const missing = required.filter((key) => !(key in input));
  if (missing.length > 0) problem(`${at}/input`, `${step.action} needs the input${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: add ${missing.length > 1 ? 'them' : 'it'}.`);
  for (const [key, value] of Object.entries(input)) {
    if (!(key in properties)) {
      if (schema['additionalProperties'] === false) problem(`${at}/input/${key}`, `${step.action} takes no input "${key}" (its inputs: ${Object.keys(properties).join(', ') || 'none'}).`);
      continue;
    }
    const validate = registered.propertyValidators.get(key);
    if (validate && isLiteral(value) && !validate(value)) problem(`${at}/input/${key}`, `${step.action} input "${key}": ${ajvText(validate.errors)}`);
  }
  return problems;
}

/** A value with no operation inside (json-template.ts): its value is known at publish. */
function isLiteral(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (isOperation(value)) return false;
  return Object.values(value).every(isLiteral);
}

export function ajvText(errors: ErrorObject[] | null | undefined): string {
  if (!errors || errors.length === 0) return 'invalid value';
  return errors.map((e) => `${e.instancePath ? `${e.instancePath.slice(1).replace(/\//g, '.')} ` : ''}${e.message ?? 'is invalid'}`).join('; ');
}
