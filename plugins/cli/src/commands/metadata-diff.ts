/** `trellis metadata diff FILE`: what applying FILE would change on the server, one readable line per change. */
import { diffDocuments } from '@trellis/metadata';
import type { CommandContext } from '../context.js';
import { readDocumentFile } from '../files.js';
import { formatDiff } from '../format/format-diff.js';
import { fetchCurrent } from './metadata-pull.js';

export async function metadataDiff(ctx: CommandContext, file: string): Promise<number> {
  const document = await readDocumentFile(file, ctx.io.cwd);
  const current = await fetchCurrent(ctx);
  const { changes } = diffDocuments(current.document, document);
  for (const line of formatDiff(changes, `the server (version ${current.version})`, file)) ctx.io.out(line);
  return 0;
}
