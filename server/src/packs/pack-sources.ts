/**
 * Where packs come from: every `plugins/<name>/` folder of the repository holding a trellis-pack.json (or a
 * `pack/` subfolder holding one, e.g. plugins/starter-sales/pack), the pack folders loaded plugins ship
 * (`definePlugin({ packs })`), plus the folders of env TRELLIS_PACK_DIRS
 * (comma-separated; each one a pack folder or a folder of pack folders), as the SDK's findPacks reads them. A folder that fails to load is reported
 * with its problems and skipped, so one broken pack never hides the others.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPacks, type LoadedPack } from '@trellis/plugin-sdk';
import semver from 'semver';

/** A pack found in a source folder. `origin`: where it was found (repo-relative for plugins/, else the path). */
export interface AvailablePack extends LoadedPack {
  origin: string;
}

export interface BrokenPack {
  dir: string;
  message: string;
}

/** The repository root: the nearest ancestor of this file holding `plugins/` and a package.json. */
export function repositoryRoot(from: string = path.dirname(fileURLToPath(import.meta.url))): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'plugins')) && existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'server'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The configured extra pack folders (env TRELLIS_PACK_DIRS, read on every call). */
export function configuredPackDirs(): string[] {
  return (process.env['TRELLIS_PACK_DIRS'] ?? '')
    .split(',')
    .map((dir) => dir.trim())
    .filter(Boolean);
}

/** The folders searched for packs: the repository's plugins/, the plugins' pack folders, then the configured ones. */
export function packSearchDirs(pluginPackDirs: string[] = []): string[] {
  const root = repositoryRoot();
  return [...(root ? [path.join(root, 'plugins')] : []), ...pluginPackDirs, ...configuredPackDirs().map((dir) => path.resolve(dir))];
}

/** Where a pack was found, for people: repository-relative under the repository, else the absolute folder. */
function originOf(dir: string): string {
  const root = repositoryRoot();
  const relative = root ? path.relative(root, dir) : dir;
  return root && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : dir;
}

/**
 * Loads every pack found. When a name is found twice, the highest version wins (the configured folders
 * come after plugins/, so at equal versions a configured folder wins).
 */
export async function loadAvailablePacks(pluginPackDirs: string[] = []): Promise<{ packs: AvailablePack[]; broken: BrokenPack[] }> {
  const byName = new Map<string, AvailablePack>();
  const broken: BrokenPack[] = [];
  const found = await findPacks(packSearchDirs(pluginPackDirs), { onError: (dir, error) => broken.push({ dir, message: describeLoadError(error) }) });
  for (const loaded of found) {
    const pack: AvailablePack = { ...loaded, origin: originOf(loaded.dir) };
    const known = byName.get(pack.manifest.name);
    if (!known || !semver.gt(known.manifest.version, pack.manifest.version)) byName.set(pack.manifest.name, pack);
  }
  return { packs: [...byName.values()].sort((a, b) => a.manifest.name.localeCompare(b.manifest.name)), broken };
}

function describeLoadError(error: unknown): string {
  const problems = (error as { problems?: { file: string; path?: string; line?: number; message: string }[] }).problems;
  if (problems?.length) return problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}${p.path ? ` ${p.path}` : ''}: ${p.message}`).join('; ');
  return error instanceof Error ? error.message : String(error);
}
