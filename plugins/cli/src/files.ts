/** Reading and writing the CLI's files with errors that name the file, the line and the fix. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { MetadataDocument } from '@trellis/metadata';
import { CliError } from './cli-error.js';

/** "Unexpected token } in JSON at position 42" → line and column of position 42. */
function lineOf(text: string, message: string): string {
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) return '';
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return `:${line}:${column}`;
}

export async function readJsonFile(file: string, cwd: string): Promise<unknown> {
  const path = resolve(cwd, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`Cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}.`, {
      hint: code === 'ENOENT' ? 'check the path (it is relative to the current directory), or create it with `trellis metadata pull --out FILE`.' : undefined,
    });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file}${lineOf(text, (error as Error).message)}: not valid JSON (${(error as Error).message}).`, {
      hint: 'fix the JSON syntax at that place (a JSON-aware editor shows it).',
    });
  }
}

/** A metadata document file: JSON with an `entities` object (full validation is the server's job). */
export async function readDocumentFile(file: string, cwd: string): Promise<MetadataDocument> {
  const value = await readJsonFile(file, cwd);
  const entities = (value as { entities?: unknown } | null)?.entities;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof entities !== 'object' || entities === null || Array.isArray(entities)) {
    throw new CliError(`${file}: not a metadata document (expected an object with an "entities" object at /entities).`, {
      hint: 'start from `trellis metadata pull --out FILE`, which writes the current document.',
    });
  }
  return value as MetadataDocument;
}

/** Pretty JSON with a final newline: stable and diff-friendly in git. */
export const toJsonText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

export async function writeTextFile(file: string, cwd: string, text: string): Promise<string> {
  const path = resolve(cwd, file);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot write ${file}: ${(error as Error).message}.`, { hint: 'check that the folder is writable.' });
  }
  return path;
}
