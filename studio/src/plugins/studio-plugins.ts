/**
 * The plugins' studio halves at start-up: each is checked (defineStudioPlugin), its field types and operations
 * registered through the SDK's registerContributions (the same call the server makes, so forms validate and
 * compute like the server) and its widgets kept by name for the record form. A plugin that fails is left out
 * with one console line, like the server disables it; the studio still starts.
 */
import { defineStudioPlugin, registerContributions, type FieldWidget, type StudioPluginDefinition } from '@trellis/plugin-sdk/studio';

export interface StudioPluginModule {
  source: string;
  load: () => Promise<{ default?: unknown }>;
}

const widgets = new Map<string, FieldWidget>();
const loaded: string[] = [];

/** Loads every plugin module; returns the names of the plugins now active. */
export async function loadStudioPlugins(modules: StudioPluginModule[], log: (line: string) => void = (line) => console.error(line)): Promise<string[]> {
  for (const module of modules) {
    try {
      const plugin = defineStudioPlugin(((await module.load()).default ?? {}) as StudioPluginDefinition);
      const clash = Object.keys(plugin.widgets ?? {}).find((name) => widgets.has(name));
      if (clash) throw new Error(`its widget "${clash}" is already provided by another plugin`);
      registerContributions(plugin);
      for (const [name, widget] of Object.entries(plugin.widgets ?? {})) widgets.set(name, widget);
      loaded.push(plugin.name);
    } catch (error) {
      log(`Plugin "${module.source}" left out of the studio: ${error instanceof Error ? error.message.replace(/\s*\n\s*/g, ' ') : String(error)}`);
    }
  }
  return [...loaded];
}

/** The plugin widget registered under `name` (a field type's `widget`), if any. */
export function pluginWidget(name: string): FieldWidget | undefined {
  return widgets.get(name);
}
