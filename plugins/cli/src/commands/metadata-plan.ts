/** `trellis metadata plan FILE`: the server's migration plan for FILE; invalid documents list their problems. */
import type { MetadataPreview } from '../api-types.js';
import { CliError } from '../cli-error.js';
import type { CommandContext } from '../context.js';
import { readDocumentFile } from '../files.js';
import { formatPlan, formatProblems } from '../format/format-plan.js';
import { PREVIEW_METADATA } from '../operations.js';
import type { MetadataDocument } from '@trellis/metadata';

export async function previewDocument(ctx: CommandContext, document: MetadataDocument, file: string): Promise<MetadataPreview> {
  const { previewMetadata } = await ctx.client.request<{ previewMetadata: MetadataPreview }>('previewMetadata', PREVIEW_METADATA, { document });
  if (!previewMetadata.valid) {
    throw new CliError(`${file} is not a valid metadata document (${previewMetadata.problems.length} problem(s)):`, {
      details: formatProblems(previewMetadata.problems),
      hint: `correct ${file} at the JSON paths listed above, then run the command again.`,
    });
  }
  return previewMetadata;
}

export async function metadataPlan(ctx: CommandContext, file: string): Promise<number> {
  const document = await readDocumentFile(file, ctx.io.cwd);
  const preview = await previewDocument(ctx, document, file);
  ctx.io.out(`Plan for ${file} against version ${preview.baseVersion} of ${ctx.url}:`);
  for (const line of formatPlan(preview)) ctx.io.out(line);
  return 0;
}
