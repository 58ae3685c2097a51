/**
 * The one way plugins reach the server: the ones given to AppModule.forRoot({ plugins }), the npm packages
 * named in TRELLIS_PLUGINS (comma-separated) and the built packages under the repository's plugins/ whose
 * package.json says `"trellis": { "plugin": true }`. Each is checked with definePlugin, its workflow actions
 * compiled and its JSON Logic operations registered (runtime registerOperation). A plugin that fails any of
 * this is DISABLED with one log line — `Plugin "x" disabled: …` — and the server starts without it.
 * Plugins run in-process: they are trusted code.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { definePlugin, type PluginDefinition } from '@trellis/plugin-sdk';
import { registerOperation, unregisterOperation } from '@trellis/runtime';
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
  log?: (line: string) => void;
}

/** Which plugin registered each JSON Logic operation (registerOperation is process-wide). */
const operationOwners = new Map<string, string>();

export async function loadPlugins(options: LoadPluginsOptions = {}): Promise<PluginDefinition[]> {
  const log = options.log ?? ((line: string) => console.warn(line));
  const sources: PluginSource[] = [
    ...(options.given ?? []).map((plugin, i) => ({ label: nameOf(plugin) ?? `plugins[${i}]`, load: async () => plugin })),
    ...(options.packages ?? pluginPackages(process.env['TRELLIS_PLUGINS'])).map((name) => ({ label: name, load: () => importPlugin(name) })),
    ...folderPlugins(options.pluginsDir === undefined ? defaultPluginsDir() : options.pluginsDir),
  ];
  const loaded: PluginDefinition[] = [];
  for (const source of sources) {
    let plugin: PluginDefinition | undefined;
    try {
      plugin = definePlugin((await source.load()) as PluginDefinition);
      if (loaded.some((p) => p.name === plugin!.name)) throw new Error(`a plugin named "${plugin.name}" is already loaded`);
      compilePluginActions(plugin);
      registerOperations(plugin);
      loaded.push(plugin);
    } catch (error) {
      log(`Plugin "${plugin?.name ?? source.label}" disabled: ${oneLine(error)}`);
    }
  }
  return loaded;
}

function registerOperations(plugin: PluginDefinition): void {
  const done: string[] = [];
  try {
    for (const [name, fn] of Object.entries(plugin.operations ?? {})) {
      const owner = operationOwners.get(name);
      if (owner !== undefined && owner !== plugin.name) throw new Error(`its operation "${name}" is already registered by the plugin "${owner}"`);
      registerOperation(name, fn as (...args: unknown[]) => unknown);
      operationOwners.set(name, plugin.name);
      done.push(name);
    }
  } catch (error) {
    for (const name of done) {
      unregisterOperation(name);
      operationOwners.delete(name);
    }
    throw error;
  }
}

export function pluginPackages(env: string | undefined): string[] {
  return (env ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
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

/** The packages under `dir` marked `"trellis": { "plugin": true }`, loaded from their built entry. */
export function folderPlugins(dir: string | null): PluginSource[] {
  if (!dir || !existsSync(dir)) return [];
  const sources: PluginSource[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const folder = path.join(dir, entry.name);
    let pkg: { name?: string; main?: string; exports?: unknown; trellis?: { plugin?: unknown } };
    try {
      pkg = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as typeof pkg;
    } catch {
      continue; // not a package
    }
    if (pkg.trellis?.plugin !== true) continue;
    const label = pkg.name ?? entry.name;
    sources.push({
      label,
      load: async () => {
        const main = path.join(folder, entryOf(pkg));
        if (!existsSync(main)) throw new Error(`its built entry ${path.relative(dir, main)} is missing: run npm run build in ${path.relative(path.dirname(dir), folder)}`);
        return importPlugin(pathToFileURL(main).href, label);
      },
    });
  }
  return sources;
}

function entryOf(pkg: { main?: string; exports?: unknown }): string {
  const dot = (pkg.exports as Record<string, unknown> | undefined)?.['.'];
  if (typeof dot === 'string') return dot;
  const conditional = dot as Record<string, unknown> | undefined;
  for (const key of ['import', 'default']) if (typeof conditional?.[key] === 'string') return conditional[key] as string;
  return pkg.main ?? 'dist/index.js';
}

function nameOf(plugin: unknown): string | undefined {
  const name = (plugin as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s*\n\s*/g, ' ');
}
