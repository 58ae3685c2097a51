/**
 * Finds pack folders: each of `dirs` that is a pack (has trellis-pack.json), else its immediate subfolders that are
 * packs (`<sub>/trellis-pack.json`, or `<sub>/pack/trellis-pack.json` for a plugin package carrying a pack).
 */
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { byFileName, isDirectory, isFile } from './fs-utils.js';
import type { LoadedPack } from './loaded-pack.js';
import { MANIFEST_FILE, readPackFolder } from './read-pack-folder.js';

export interface FindPacksOptions {
  /** Called for a folder that fails to load (it is skipped); without it, the first failure is thrown. */
  onError?: (dir: string, error: unknown) => void;
}

export async function findPackDirs(dirs: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const dir of dirs.map((d) => resolve(d))) {
    if (await isFile(join(dir, MANIFEST_FILE))) {
      found.push(dir);
      continue;
    }
    if (!(await isDirectory(dir))) continue;
    for (const name of (await readdir(dir)).sort(byFileName)) {
      for (const candidate of [join(dir, name), join(dir, name, 'pack')]) {
        if (await isFile(join(candidate, MANIFEST_FILE))) {
          found.push(candidate);
          break;
        }
      }
    }
  }
  return [...new Set(found)];
}

/** Every pack in `dirs`, loaded; missing folders are skipped. */
export async function findPacks(dirs: string[], options: FindPacksOptions = {}): Promise<LoadedPack[]> {
  const packs: LoadedPack[] = [];
  for (const dir of await findPackDirs(dirs)) {
    try {
      const pack = await readPackFolder(dir);
      const twin = packs.find((p) => p.manifest.name === pack.manifest.name && p.manifest.version === pack.manifest.version);
      if (twin) throw new Error(`Pack ${pack.manifest.name}@${pack.manifest.version} is in both ${twin.dir} and ${dir}; keep one`);
      packs.push(pack);
    } catch (error) {
      if (!options.onError) throw error;
      options.onError(dir, error);
    }
  }
  return packs;
}
