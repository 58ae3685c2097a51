/**
 * `trellis pack uninstall NAME [--yes]`: previews what goes (components and the rows that would be lost);
 * without --yes it stops there (exit 2). Blocked while another installed pack depends on NAME.
 */
import type { PackPreview, PublishedVersion } from '../api-types.js';
import { CliError, EXIT_DECISION } from '../cli-error.js';
import type { CommandContext } from '../context.js';
import { formatDataLoss } from '../format/format-pack.js';
import { formatPlan } from '../format/format-plan.js';
import { PREVIEW_PACK_UNINSTALL, UNINSTALL_PACK } from '../operations.js';
import { withProgress } from '../progress.js';

export async function packUninstall(ctx: CommandContext, name: string, options: { yes?: boolean }): Promise<number> {
  const { previewPackUninstall: preview } = await ctx.client.request<{ previewPackUninstall: PackPreview }>('previewPackUninstall', PREVIEW_PACK_UNINSTALL, { name });
  if (preview.blockedBy.length > 0) {
    throw new CliError(`${name} cannot be uninstalled: installed pack(s) ${preview.blockedBy.join(', ')} depend on it.`, {
      hint: `uninstall ${preview.blockedBy.join(', ')} first.`,
    });
  }
  const loss = formatDataLoss(preview.dataLoss);
  ctx.io.out(`Uninstalling ${name}@${preview.version}:`);
  for (const line of formatPlan(preview.plan)) ctx.io.out(`  ${line}`);
  ctx.io.out(loss.length > 0 ? 'Data that would be lost:' : 'No data would be lost.');
  for (const line of loss) ctx.io.out(`  ${line}`);
  if (!options.yes) {
    throw new CliError(`Uninstalling ${name} needs confirmation; nothing was changed.`, { exitCode: EXIT_DECISION, hint: 'review the preview above and run again with --yes.' });
  }
  const removed = await withProgress(ctx.io, 1, async (progress) => {
    progress.step(`Uninstalling ${name}`);
    return (await ctx.client.request<{ uninstallPack: PublishedVersion }>('uninstallPack', UNINSTALL_PACK, { name })).uninstallPack;
  });
  ctx.io.out(`Uninstalled ${name}: published version ${removed.version} on ${ctx.url}.`);
  return 0;
}
