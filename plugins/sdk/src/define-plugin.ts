import type { FieldTypeDefinition } from '@trellis/metadata';
import { actionProblems, type PluginAction } from './actions.js';
import { hookProblems, type PluginHook } from './hooks.js';
import { operationProblems, type PluginOperation } from './operations.js';


/** What a plugin provides (see README.md: every member is optional but the name and version). */
export interface PluginDefinition {
  /** Lowercase, digits and '-', starting with a letter, e.g. `starter-sales`. */
  name: string;
  /** Semantic version, e.g. `0.1.0`. */
  version: string;
  description?: string;
  fieldTypes?: FieldTypeDefinition[];
  operations?: Record<string, PluginOperation>;
  /** Workflow actions by name (camelCase): steps call them as `<plugin name>.<action name>`. */
  actions?: Record<string, PluginAction>;
  /** Code run before (may reject with a message) or after a record create/update/delete. */
  hooks?: PluginHook[];
  /**
   * Template pack folders shipped with the plugin, as absolute paths (e.g.
   * `fileURLToPath(new URL('../packs/field-service', import.meta.url))`): listed with the other available packs.
   */
  packs?: string[];
}

/** Thrown by `definePlugin` with every problem found, one per line in `message` and listed in `problems`. */
export class PluginDefinitionError extends Error {
  readonly problems: string[];
  constructor(pluginName: string, problems: string[]) {
    super(`Invalid plugin '${pluginName}':\n- ${problems.join('\n- ')}`);
    this.name = 'PluginDefinitionError';
    this.problems = problems;
  }
}

export const PLUGIN_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/** semver.org's official pattern. */
export const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/**
 * Declares a plugin. Checks its identity and the shape of what it contributes and throws a
 * `PluginDefinitionError` listing every problem; deeper checks (a pack folder's files) happen
 * at install time, where the whole workspace document is known.
 */
export function definePlugin<T extends PluginDefinition>(def: T): T {
  const problems = pluginProblems(def);
  if (problems.length > 0) {
    const name = typeof def?.name === 'string' && def.name ? def.name : '(unnamed)';
    throw new PluginDefinitionError(name, problems);
  }
  return def;
}

function pluginProblems(def: PluginDefinition): string[] {
  if (typeof def !== 'object' || def === null) return ['the definition must be an object'];
  const problems: string[] = [];
  if (typeof def.name !== 'string' || !PLUGIN_NAME.test(def.name) || def.name.length > 60) {
    problems.push(
      `name ${JSON.stringify(def.name)} must be 1-60 lowercase letters, digits and single hyphens, starting with a letter (e.g. 'starter-sales')`,
    );
  }
  if (typeof def.version !== 'string' || !SEMVER.test(def.version)) {
    problems.push(`version ${JSON.stringify(def.version)} must be a semantic version like '1.2.3'`);
  }
  if (def.description !== undefined && typeof def.description !== 'string') {
    problems.push('description must be a string');
  }
  problems.push(...fieldTypeProblems(def.fieldTypes));
  problems.push(...operationProblems(def.operations));
  problems.push(...actionProblems(def.actions));
  problems.push(...hookProblems(def.hooks));
  problems.push(...packProblems(def.packs));
  return problems;
}

function fieldTypeProblems(fieldTypes: FieldTypeDefinition[] | undefined): string[] {
  if (fieldTypes === undefined) return [];
  if (!Array.isArray(fieldTypes)) return ['fieldTypes must be an array of field type definitions'];
  const problems: string[] = [];
  const seen = new Set<string>();
  fieldTypes.forEach((ft, i) => {
    if (typeof ft?.name !== 'string' || !/^[a-z][a-zA-Z0-9]*$/.test(ft.name)) {
      problems.push(`fieldTypes[${i}].name must be a camelCase identifier`);
      return;
    }
    if (seen.has(ft.name)) problems.push(`fieldTypes[${i}]: field type '${ft.name}' is defined twice`);
    seen.add(ft.name);
    for (const fn of ['columns', 'graphql', 'jsonSchema'] as const) {
      if (typeof ft[fn] !== 'function') problems.push(`fieldTypes[${i}] ('${ft.name}') must define ${fn}(field)`);
    }
  });
  return problems;
}

/** POSIX `/…`, Windows `C:\\…` or `\\\\server\\…` (no node:path here: the studio imports this module). */
const ABSOLUTE_PATH = /^(?:\/|[A-Za-z]:[\\/]|\\\\)/;

function packProblems(packs: string[] | undefined): string[] {
  if (packs === undefined) return [];
  if (!Array.isArray(packs)) return ['packs must be an array of pack folder paths'];
  return packs.flatMap((dir, i) =>
    typeof dir === 'string' && ABSOLUTE_PATH.test(dir)
      ? []
      : [`packs[${i}] must be an absolute folder path, e.g. fileURLToPath(new URL('../packs/my-pack', import.meta.url))`],
  );
}
