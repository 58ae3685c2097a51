/**
 * `trellis metadata apply FILE [--message M] [--base-version N] [--yes]`: preview, then publish FILE as the next
 * version. The publish names the version the preview was made against (or --base-version, the version FILE was
 * pulled from), so a publish someone made in between is refused instead of overwritten. Destructive plans need --yes.
 */
import type { PublishedVersion } from '../api-types.js';
import { CliError, EXIT_DECISION } from '../cli-error.js';
import type { CommandContext } from '../context.js';
import { readDocumentFile } from '../files.js';
import { formatPlan } from '../format/format-plan.js';
import { PUBLISH_METADATA } from '../operations.js';
import { withProgress } from '../progress.js';
import { previewDocument } from './metadata-plan.js';

export interface ApplyOptions {
  message?: string;
  baseVersion?: number;
  yes?: boolean;
}

export async function metadataApply(ctx: CommandContext, file: string, options: ApplyOptions): Promise<number> {
  const document = await readDocumentFile(file, ctx.io.cwd);
  const { preview, published } = await withProgress(ctx.io, 2, async (progress) => {
    progress.step(`Planning ${file}`);
    const preview = await previewDocument(ctx, document, file);
    if (options.baseVersion !== undefined && options.baseVersion !== preview.baseVersion) {
      throw new CliError(`The server is at version ${preview.baseVersion}, not ${options.baseVersion} (--base-version).`, {
        hint: `someone published since: run \`trellis metadata diff ${file}\` to see their changes, merge them into ${file}, then apply with --base-version ${preview.baseVersion}.`,
      });
    }
    const changes = Array.isArray(preview.changes) ? preview.changes : (preview.changes as { changes?: unknown[] } | null)?.changes;
    if (preview.steps.length === 0 && Array.isArray(changes) && changes.length === 0) return { preview, published: null };
    if (preview.destructive && !options.yes) {
      throw new CliError(`The plan for ${file} is destructive:`, {
        exitCode: EXIT_DECISION,
        details: formatPlan(preview),
        hint: 'review the steps marked [DESTRUCTIVE] and run again with --yes to apply them.',
      });
    }
    progress.step(`Publishing on top of version ${preview.baseVersion}`);
    const { publishMetadata } = await ctx.client.request<{ publishMetadata: PublishedVersion }>('publishMetadata', PUBLISH_METADATA, {
      document,
      message: options.message ?? `trellis metadata apply ${file}`,
      baseVersion: preview.baseVersion,
    });
    return { preview, published: publishMetadata };
  });
  if (!published) {
    ctx.io.out(`Nothing to apply: the server (version ${preview.baseVersion}) already matches ${file}.`);
    return 0;
  }
  for (const line of formatPlan(preview)) ctx.io.out(line);
  ctx.io.out(`Published version ${published.version} on ${ctx.url}.`);
  return 0;
}
