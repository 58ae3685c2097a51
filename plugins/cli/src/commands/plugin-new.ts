/** `trellis plugin new NAME [--dir DIR]`: writes a plugin template folder (DIR defaults to ./NAME). */
import { readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { PLUGIN_NAME } from '@trellis/plugin-sdk';
import { CliError } from '../cli-error.js';
import { writeTextFile } from '../files.js';
import type { CliIo } from '../io.js';
import { pluginTemplateFiles } from '../templates/plugin-template.js';

export async function pluginNew(io: CliIo, name: string, options: { dir?: string }): Promise<number> {
  if (!PLUGIN_NAME.test(name) || name.length > 60) {
    throw new CliError(`"${name}" is not a plugin name.`, { hint: "use 1-60 lowercase letters, digits and single hyphens, starting with a letter (e.g. 'phone-tools')." });
  }
  const dir = resolve(io.cwd, options.dir ?? name);
  const existing = await readdir(dir).catch(() => [] as string[]);
  if (existing.length > 0) {
    throw new CliError(`${relative(io.cwd, dir) || dir} already exists and is not empty; nothing was written.`, { hint: 'choose another --dir or remove the folder.' });
  }
  const files = pluginTemplateFiles(name);
  for (const [path, text] of Object.entries(files)) await writeTextFile(join(dir, path), io.cwd, text);
  const shown = relative(io.cwd, dir) || '.';
  io.out(`Created plugin ${name} in ${shown}:`);
  for (const path of Object.keys(files)) io.out(`  ${path}`);
  io.out(`Next: cd ${shown} && npm install && npm test`);
  return 0;
}
