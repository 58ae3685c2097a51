/**
 * `trellis pack export NAME --version X [--entities a,b] [--workflows x] --out DIR`: the server turns the workspace
 * (or the chosen entities/workflows) into pack files; the CLI writes them under DIR.
 */
import { isAbsolute, normalize, resolve, sep } from 'node:path';
import { readdir } from 'node:fs/promises';
import { CliError } from '../cli-error.js';
import type { CommandContext } from '../context.js';
import { writeTextFile } from '../files.js';
import { EXPORT_PACK } from '../operations.js';

export interface ExportOptions {
  version: string;
  entities?: string[];
  workflows?: string[];
  out: string;
  force?: boolean;
}

interface ExportedFile {
  path: string;
  content: string;
}

function filesOf(value: unknown): ExportedFile[] {
  const files = (value as { files?: unknown } | null)?.files;
  if (!Array.isArray(files) || files.some((f) => typeof f?.path !== 'string' || typeof f?.content !== 'string')) {
    throw new CliError('exportPack answered without a { files: [{ path, content }] } list.', { hint: 'the server may be older than this CLI: update it.' });
  }
  return files as ExportedFile[];
}

/** A relative path inside the pack folder; never an absolute path or one climbing out with `..`. */
function safePath(path: string): string {
  const normal = normalize(path);
  if (isAbsolute(normal) || normal === '..' || normal.startsWith(`..${sep}`)) {
    throw new CliError(`exportPack returned the unsafe file path ${JSON.stringify(path)}; nothing was written.`, { hint: 'report this server bug.' });
  }
  return normal;
}

export async function packExport(ctx: CommandContext, name: string, options: ExportOptions): Promise<number> {
  const dir = resolve(ctx.io.cwd, options.out);
  const existing = await readdir(dir).catch(() => [] as string[]);
  if (existing.length > 0 && !options.force) {
    throw new CliError(`${options.out} is not empty.`, { hint: 'export into a new folder, or pass --force to overwrite the files it contains.' });
  }
  const variables = { name, version: options.version, entities: options.entities ?? null, workflows: options.workflows ?? null };
  const { exportPack } = await ctx.client.request<{ exportPack: unknown }>('exportPack', EXPORT_PACK, variables);
  const files = filesOf(exportPack);
  const paths = files.map((f) => safePath(f.path));
  for (let i = 0; i < files.length; i++) await writeTextFile(resolve(dir, paths[i]!), ctx.io.cwd, files[i]!.content);
  ctx.io.out(`Exported ${name}@${options.version} to ${options.out} (${files.length} file(s)):`);
  for (const path of paths) ctx.io.out(`  ${path}`);
  ctx.io.out(`Check it offline with: trellis pack validate ${options.out}`);
  return 0;
}
