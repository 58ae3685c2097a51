/**
 * `trellis pack install NAME|DIR [--keep-mine|--take-pack] [--choices FILE] [--yes]`. Name clashes with the
 * workspace's own components are never overwritten silently: they are listed and the command exits 2 until
 * each has a choice (keepMine / takePack).
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { PackInfo, PackPreview, PublishedVersion } from '../api-types.js';
import { CliError, EXIT_DECISION } from '../cli-error.js';
import { decideClashes, readClashChoices, type ClashChoice } from './pack-clash-choices.js';
import type { CommandContext } from '../context.js';
import { readJsonFile } from '../files.js';
import { formatPlan, formatProblems } from '../format/format-plan.js';
import { INSTALL_PACK, PACKS, PREVIEW_PACK_INSTALL } from '../operations.js';
import { withProgress } from '../progress.js';
import { previewLines } from './pack-preview-lines.js';

export interface InstallOptions {
  keepMine?: boolean;
  takePack?: boolean;
  choices?: string;
  yes?: boolean;
}

/** NAME, or a pack folder: its manifest's name, checked to be among the server's available packs. */
async function packName(ctx: CommandContext, target: string): Promise<string> {
  const dir = resolve(ctx.io.cwd, target);
  const isDir = await stat(dir).then((s) => s.isDirectory(), () => false);
  if (!isDir) return target;
  const manifest = (await readJsonFile(resolve(dir, 'trellis-pack.json'), ctx.io.cwd)) as { name?: unknown; version?: unknown };
  if (typeof manifest?.name !== 'string') {
    throw new CliError(`${target}/trellis-pack.json has no "name".`, { hint: 'give the pack a name; run `trellis pack validate DIR` to check the folder.' });
  }
  const { packs } = await ctx.client.request<{ packs: PackInfo[] }>('packs', PACKS);
  const known = packs.find((p) => p.name === manifest.name);
  if (!known || known.version !== manifest.version) {
    throw new CliError(
      `The server at ${ctx.url} does not offer ${manifest.name}@${String(manifest.version)} from ${target}${known ? ` (it has ${known.version} from ${known.origin})` : ''}.`,
      { hint: `the server installs packs from its own folders: add ${dir} to TRELLIS_PACK_DIRS on the server (comma list) and restart it, then install by name.` },
    );
  }
  return manifest.name;
}

export async function packInstall(ctx: CommandContext, target: string, options: InstallOptions): Promise<number> {
  if (options.keepMine && options.takePack) throw new CliError('--keep-mine and --take-pack exclude each other.', { hint: 'choose one, or give per-clash choices with --choices FILE.' });
  const choices = await readClashChoices(ctx, options.choices, 'trellis pack install NAME');
  const name = await packName(ctx, target);
  const preview = async (clashChoices: Record<string, ClashChoice>) =>
    (await ctx.client.request<{ previewPackInstall: PackPreview }>('previewPackInstall', PREVIEW_PACK_INSTALL, { name, clashChoices })).previewPackInstall;

  const result = await withProgress(ctx.io, 2, async (progress) => {
    progress.step(`Previewing the install of ${name}`);
    const plan = await decideClashes(choices, options.keepMine ? 'keepMine' : options.takePack ? 'takePack' : undefined, preview, {
      name,
      hint: 'choose for every clash: --keep-mine (keep yours, skip the pack\'s), --take-pack (replace yours), or --choices FILE with { "<path>": "keepMine" | "takePack" }.',
    });
    if (!plan.plan.valid) {
      throw new CliError(`Installing ${name} would not go through:`, { details: formatProblems(plan.plan.problems), hint: 'fix the pack (trellis pack validate DIR) or the clashing components.' });
    }
    if (plan.plan.destructive && !options.yes) {
      throw new CliError(`Installing ${name} has destructive steps:`, { exitCode: EXIT_DECISION, details: formatPlan(plan.plan), hint: 'review them and run again with --yes.' });
    }
    progress.step(`Installing ${plan.installOrder.join(', ') || name}`);
    const installed = (await ctx.client.request<{ installPack: PublishedVersion }>('installPack', INSTALL_PACK, { name, clashChoices: choices })).installPack;
    return { plan, installed };
  });
  for (const line of previewLines(result.plan)) ctx.io.out(line);
  ctx.io.out(`Installed ${name}@${result.plan.version}: published version ${result.installed.version} on ${ctx.url}.`);
  return 0;
}
