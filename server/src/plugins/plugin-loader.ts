/**
 * The one way plugins reach the server: the ones given to AppModule.forRoot({ plugins }), the npm packages
 * named in TRELLIS_PLUGINS (comma-separated) and the built packages under the repository's plugins/ whose
 * package.json says `"trellis": { "plugin": true }`. Each is checked with definePlugin, its workflow actions
 * compiled, and its field types and JSON Logic operations registered (the SDK's registerContributions, which the
 * studio bundle calls with the same definitions). A plugin that fails any of
 * this is DISABLED with one log line — `Plugin "x" disabled: …` — and the server starts without it. One named in
 * TRELLIS_DISABLED_PLUGINS (package or plugin name) is not loaded at all: an operator's switch for a plugin that
 * misbehaves; what the metadata needs from it is then suspended (servedDocument), its data kept.
 * Plugins run in-process: they are trusted code.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { definePlugin, findPluginPackages, pluginPackageNames, registerContributions, type PluginDefinition } from '@trellis/plugin-sdk';
import { repositoryRoot } from '../packs/pack-sources.js';
import { compilePluginActions } from '../workflows/steps/plugin-actions.js';

export interface PluginSource {
  /** How the log names it before its definition is known (package name or folder). */
  label: string;
  load(): Promise<unknown>;
}

export interface LoadPluginsOptions {
  /** Plugin definitions given in code (AppModule.forRoot({ plugins })). */
  given?: PluginDefinition[];
  /** Package names to import (default: env TRELLIS_PLUGINS). */
  packages?: string[];
  /** The folder whose plugin packages are loaded (default: the repository's plugins/; null: none). */
  pluginsDir?: string | null;
  /** Package or plugin names not to load (default: env TRELLIS_DISABLED_PLUGINS). */
  disabled?: string[];
  log?: (line: string) => void;
}

export async function loadPlugins(options: LoadPluginsOptions = {}): Promise<PluginDefinition[]> {
  const log = options.log ?? ((line: string) => console.warn(line));
  const sources: PluginSource[] = [
    ...(options.given ?? []).map((plugin, i) => ({ label: nameOf(plugin) ?? `plugins[${i}]`, load: async () => plugin })),
    ...(options.packages ?? pluginPackageNames(process.env['TRELLIS_PLUGINS'])).map((name) => ({ label: name, load: () => importPlugin(name) })),
    ...folderPlugins(options.pluginsDir === undefined ? defaultPluginsDir() : options.pluginsDir),
  ];
  const disabled = new Set(options.disabled ?? pluginPackageNames(process.env['TRELLIS_DISABLED_PLUGINS']));
  const switchedOff = (name: string) => disabled.has(name) && (log(`Plugin "${name}" not loaded: TRELLIS_DISABLED_PLUGINS names it.`), true);
  const loaded: PluginDefinition[] = [];
  for (const source of sources) {
    if (switchedOff(source.label)) continue;
    let plugin: PluginDefinition | undefined;
    try {
      plugin = definePlugin((await source.load()) as PluginDefinition);
      if (plugin.name !== source.label && switchedOff(plugin.name)) continue;
      if (loaded.some((p) => p.name === plugin!.name)) throw new Error(`a plugin named "${plugin.name}" is already loaded`);
      compilePluginActions(plugin);
      registerContributions(plugin);
      loaded.push(plugin);
    } catch (error) {
      log(`Plugin "${plugin?.name ?? source.label}" disabled: ${oneLine(error)}`);
    }
  }
  return loaded;
}

/** A plugin package's definition: its default export, or an export named `plugin`. */
export async function importPlugin(specifier: string, label = specifier): Promise<PluginDefinition> {
  let module: Record<string, unknown>;
  try {
    module = (await import(specifier)) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`"${label}" could not be imported: ${oneLine(error)}. Install the package or fix the name.`);
  }
  const plugin = (module['default'] ?? module['plugin']) as PluginDefinition | undefined;
  if (!plugin || typeof plugin !== 'object') throw new Error(`"${label}" exports no plugin: export definePlugin({...}) as default (or as "plugin").`);
  return plugin;
}

function defaultPluginsDir(): string | null {
  const root = repositoryRoot();
  return root ? path.join(root, 'plugins') : null;
}

/** The plugin packages under `dir` (the SDK's findPluginPackages), loaded from their built entry. */
export function folderPlugins(dir: string | null): PluginSource[] {
  return findPluginPackages(dir).map((pkg) => ({
    label: pkg.name,
    load: async () => {
      if (!existsSync(pkg.main)) throw new Error(`its built entry ${path.relative(pkg.folder, pkg.main)} is missing: run npm run build in ${pkg.folder}`);
      return importPlugin(pathToFileURL(pkg.main).href, pkg.name);
    },
  }));
}

function nameOf(plugin: unknown): string | undefined {
  const name = (plugin as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s*\n\s*/g, ' ');
}
