/**
 * Where plugin packages are (Node only): a folder's packages whose package.json says
 * `"trellis": { "plugin": true }` and npm packages by name. The server imports each one's built entry; the
 * studio's Vite build imports each one's `"trellis": { "studio": "…" }` module, so both find plugins alike.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface PluginPackage {
  /** The package name (or the folder's name when package.json has none). */
  name: string;
  folder: string;
  /** Absolute path of the server entry (the built `exports["."]`, else `main`, else dist/index.js). */
  main: string;
  /** Absolute path of the studio half, when the package has one. */
  studio?: string;
}

interface PackageJson {
  name?: string;
  main?: string;
  exports?: unknown;
  trellis?: { plugin?: unknown; studio?: unknown };
}

/** The plugin package in `folder`, or undefined when it is not one. */
export function pluginPackageIn(folder: string): PluginPackage | undefined {
  let pkg: PackageJson;
  try {
    pkg = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as PackageJson;
  } catch {
    return undefined; // not a package
  }
  if (pkg.trellis?.plugin !== true) return undefined;
  const studio = typeof pkg.trellis.studio === 'string' ? path.join(folder, pkg.trellis.studio) : undefined;
  return { name: pkg.name ?? path.basename(folder), folder, main: path.join(folder, entryOf(pkg)), ...(studio ? { studio } : {}) };
}

/** The plugin packages directly under `dir`, by folder name. */
export function findPluginPackages(dir: string | null | undefined): PluginPackage[] {
  if (!dir || !existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => pluginPackageIn(path.join(dir, entry.name)) ?? []);
}

/**
 * The npm package `name` installed where `fromDir` resolves packages, if it is a plugin package. Throws a clear
 * error when it is not installed or not marked as a plugin.
 */
export function resolvePluginPackage(name: string, fromDir: string): PluginPackage {
  let manifest: string;
  try {
    manifest = createRequire(path.join(fromDir, 'package.json')).resolve(`${name}/package.json`);
  } catch {
    throw new Error(`the package "${name}" is not installed: run npm install ${name}`);
  }
  const found = pluginPackageIn(path.dirname(manifest));
  if (!found) throw new Error(`the package "${name}" is not a Trellis plugin: its package.json has no "trellis": { "plugin": true }`);
  return found;
}

/** Comma-separated package names (TRELLIS_PLUGINS) as a list. */
export function pluginPackageNames(list: string | undefined): string[] {
  return (list ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

function entryOf(pkg: PackageJson): string {
  const dot = (pkg.exports as Record<string, unknown> | undefined)?.['.'];
  if (typeof dot === 'string') return dot;
  const conditional = dot as Record<string, unknown> | undefined;
  for (const key of ['import', 'default']) if (typeof conditional?.[key] === 'string') return conditional[key] as string;
  return pkg.main ?? 'dist/index.js';
}
