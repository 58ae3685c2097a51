import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

export const isRecordObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Numeric-aware file-name order: `2-a` before `10-b`. */
export const byFileName = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });

export async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false);
}

export async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}

/** Files of a folder (not recursive) ending with one of `extensions`, sorted by name; [] when it does not exist. */
export async function listFiles(dir: string, extensions: string[]): Promise<string[]> {
  if (!(await isDirectory(dir))) return [];
  const names = await readdir(dir);
  const files: string[] = [];
  for (const name of names) if (extensions.some((e) => name.endsWith(e)) && (await isFile(join(dir, name)))) files.push(name);
  return files.sort(byFileName);
}

export const readText = (path: string): Promise<string> => readFile(path, 'utf8');
