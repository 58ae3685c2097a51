/**
 * Vite plugin: the virtual module `virtual:trellis-plugins`, one lazy import per plugin package that has a
 * studio half (`"trellis": { "studio": "./studio/index.tsx" }`): the packages under the repository's plugins/
 * and the npm packages named in TRELLIS_PLUGINS, found by the SDK exactly as the server finds them. A plugin
 * added or removed takes effect with the next studio build (`npm run build`).
 */
import path from 'node:path';
import { findPluginPackages, pluginPackageNames, resolvePluginPackage, type PluginPackage } from '@trellis/plugin-sdk';
import type { Plugin } from 'vite';

const ID = 'virtual:trellis-plugins';
const RESOLVED = '\0' + ID;

export interface StudioPluginSource {
  /** The package name, for messages. */
  source: string;
  load: () => Promise<{ default?: unknown }>;
}

/** The studio halves under `pluginsDir` and of the named npm packages (resolved from `root`). */
export function studioPluginModules(pluginsDir: string, packageNames: string[], root: string, warn: (line: string) => void): PluginPackage[] {
  const packages = [...findPluginPackages(pluginsDir)];
  for (const name of packageNames) {
    try {
      const pkg = resolvePluginPackage(name, root);
      if (!packages.some((p) => p.folder === pkg.folder)) packages.push(pkg);
    } catch (error) {
      warn(`Plugin "${name}" left out of the studio: ${(error as Error).message}`);
    }
  }
  return packages.filter((p) => p.studio !== undefined);
}

/** The virtual module's code: `export default [{ source, load: () => import(studio) }, …]`. */
export function studioPluginsModule(packages: PluginPackage[]): string {
  const entries = packages.map((p) => `  { source: ${JSON.stringify(p.name)}, load: () => import(${JSON.stringify(p.studio!.split(path.sep).join('/'))}) },`);
  return `export default [\n${entries.join('\n')}\n];\n`;
}

export function trellisPlugins(options: { pluginsDir: string; root: string }): Plugin {
  return {
    name: 'trellis-plugins',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      const packages = studioPluginModules(options.pluginsDir, pluginPackageNames(process.env['TRELLIS_PLUGINS']), options.root, (line) => this.warn(line));
      return studioPluginsModule(packages);
    },
  };
}
