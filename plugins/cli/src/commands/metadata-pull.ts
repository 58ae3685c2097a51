/** `trellis metadata pull [--out FILE]`: the server's current document, as JSON (stdout or a file). */
import type { CurrentMetadata } from '../api-types.js';
import type { CommandContext } from '../context.js';
import { toJsonText, writeTextFile } from '../files.js';
import { CURRENT_METADATA } from '../operations.js';

export async function fetchCurrent(ctx: CommandContext): Promise<CurrentMetadata> {
  return (await ctx.client.request<{ currentMetadata: CurrentMetadata }>('currentMetadata', CURRENT_METADATA)).currentMetadata;
}

export async function metadataPull(ctx: CommandContext, options: { out?: string }): Promise<number> {
  const current = await fetchCurrent(ctx);
  const text = toJsonText(current.document);
  if (!options.out) {
    ctx.io.out(text);
    return 0;
  }
  await writeTextFile(options.out, ctx.io.cwd, text);
  ctx.io.out(`Wrote version ${current.version} of ${ctx.url} to ${options.out}.`);
  ctx.io.out(`Apply it elsewhere with: trellis metadata apply ${options.out} --base-version <that server's version>`);
  return 0;
}
