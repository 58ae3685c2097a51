/** Test helper: the problems `definePlugin` finds in a definition (none when it is valid). */
import { definePlugin, PluginDefinitionError, type PluginDefinition } from '../define-plugin.js';

export function problemsOf(def: unknown): string[] {
  try {
    definePlugin(def as PluginDefinition);
  } catch (error) {
    if (error instanceof PluginDefinitionError) return error.problems;
    throw error;
  }
  return [];
}
