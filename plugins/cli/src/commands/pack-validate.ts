/**
 * `trellis pack validate DIR [--pack-dirs a,b]`: offline check of a pack folder with the SDK (manifest schema,
 * metadata files, seed, translations, and the document validated with its dependencies merged first). Dependencies
 * are looked up in --pack-dirs, TRELLIS_PACK_DIRS and the folder holding DIR (e.g. plugins/).
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { formatPackProblem, validatePackFolder } from '@trellis/plugin-sdk';
import { CliError } from '../cli-error.js';
import type { CliIo } from '../io.js';

async function manifestLabel(dir: string): Promise<string> {
  try {
    const manifest = JSON.parse(await readFile(resolve(dir, 'trellis-pack.json'), 'utf8')) as { name?: unknown; version?: unknown };
    return typeof manifest.name === 'string' ? `${manifest.name}@${String(manifest.version)}` : dir;
  } catch {
    return dir;
  }
}

export async function packValidate(io: CliIo, dirArg: string, options: { packDirs?: string[] }): Promise<number> {
  const dir = resolve(io.cwd, dirArg);
  const envDirs = (io.env['TRELLIS_PACK_DIRS'] ?? '').split(',').map((d) => d.trim()).filter(Boolean);
  const packDirs = [...(options.packDirs ?? []), ...envDirs].map((d) => resolve(io.cwd, d));
  packDirs.push(dirname(dir));
  const problems = await validatePackFolder(dir, { packDirs });
  if (problems.length > 0) {
    throw new CliError(`${dirArg} is not a valid pack (${problems.length} problem(s)):`, {
      details: problems.map(formatPackProblem),
      hint: 'fix each file at the place listed (paths are relative to the pack folder), then validate again.',
    });
  }
  io.out(`${dirArg}: ${await manifestLabel(dir)} is a valid pack.`);
  return 0;
}
