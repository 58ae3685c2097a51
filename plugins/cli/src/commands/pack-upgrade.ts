/**
 * `trellis pack upgrade NAME [--decisions FILE] [--take-mine|--take-pack] [--write-decisions FILE]
 * [--clashes keepMine|takePack] [--clash-choices FILE] [--yes]`: 3-way merge on the server; while conflicts remain
 * undecided the command prints the conflict report and exits 2. Dependencies the new version adds are installed
 * first; their name clashes with your components need a choice, as on install.
 */
import type { MergeDecisions } from '@trellis/metadata';
import type { PackPreview, PublishedVersion } from '../api-types.js';
import { ApiError } from '../api.js';
import { CliError, EXIT_DECISION } from '../cli-error.js';
import type { CommandContext } from '../context.js';
import { toJsonText, writeTextFile } from '../files.js';
import { decisionsTemplate, formatConflicts } from '../format/format-pack.js';
import { formatPlan, formatProblems } from '../format/format-plan.js';
import { PREVIEW_PACK_UPGRADE, UPGRADE_PACK } from '../operations.js';
import { withProgress } from '../progress.js';
import { decideClashes, readClashChoices, type ClashChoice } from './pack-clash-choices.js';
import { readDecisions } from './pack-decisions.js';
import { previewLines } from './pack-preview-lines.js';

export interface UpgradeOptions {
  decisions?: string;
  takeMine?: boolean;
  takePack?: boolean;
  writeDecisions?: string;
  clashes?: string;
  clashChoices?: string;
  yes?: boolean;
}

export async function packUpgrade(ctx: CommandContext, name: string, options: UpgradeOptions): Promise<number> {
  if (options.takeMine && options.takePack) {
    throw new CliError('--take-mine and --take-pack exclude each other.', { hint: 'choose one, or decide per conflict with --decisions FILE.' });
  }
  if (options.clashes !== undefined && options.clashes !== 'keepMine' && options.clashes !== 'takePack') {
    throw new CliError(`--clashes ${options.clashes}: give keepMine or takePack.`, { hint: 'or choose per clash with --clash-choices FILE.' });
  }
  const decisions: MergeDecisions = options.decisions ? await readDecisions(options.decisions, ctx.io.cwd) : {};
  const clashChoices = await readClashChoices(ctx, options.clashChoices, `trellis pack upgrade ${name}`);
  const preview = async (choices: Record<string, ClashChoice> = clashChoices) =>
    (await ctx.client.request<{ previewPackUpgrade: PackPreview }>('previewPackUpgrade', PREVIEW_PACK_UPGRADE, { name, decisions, clashChoices: choices })).previewPackUpgrade;

  // Upgrading what is up to date succeeds with nothing to do, so deployment scripts can run it every time.
  try {
    return await upgrade(ctx, name, options, decisions, clashChoices, preview);
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'PACK_UP_TO_DATE') throw error;
    ctx.io.out(`${name} is up to date: ${error.serverMessage}`);
    return 0;
  }
}

async function upgrade(
  ctx: CommandContext,
  name: string,
  options: UpgradeOptions,
  decisions: MergeDecisions,
  clashChoices: Record<string, ClashChoice>,
  preview: (choices?: Record<string, ClashChoice>) => Promise<PackPreview>,
): Promise<number> {
  const result = await withProgress(ctx.io, 2, async (progress) => {
    progress.step(`Merging ${name} with your workspace`);
    // The dependencies the new version brings clash like an install's; decided first, then the merge conflicts.
    let plan = await decideClashes(clashChoices, options.clashes as ClashChoice | undefined, preview, {
      name: `${name}'s new dependencies`,
      hint: 'choose for every clash: --clashes keepMine (keep yours), --clashes takePack (replace yours), or --clash-choices FILE with { "<path>": "keepMine" | "takePack" }.',
    });
    const all = options.takeMine ? 'ours' : options.takePack ? 'theirs' : undefined;
    const undecided = () => plan.conflicts.filter((c) => !(c.path in decisions));
    if (all && undecided().length > 0) {
      for (const conflict of undecided()) decisions[conflict.path] = { take: all };
      plan = await preview();
    }
    const open = undecided();
    if (open.length > 0) {
      ctx.io.out(`Upgrading ${name} to ${plan.version}: ${open.length} conflict(s) need a decision.`);
      for (const line of formatConflicts(open)) ctx.io.out(line);
      if (options.writeDecisions) {
        await writeTextFile(options.writeDecisions, ctx.io.cwd, toJsonText({ ...decisions, ...decisionsTemplate(open) }));
        ctx.io.out(`Wrote ${options.writeDecisions}: every open conflict set to { "take": "ours" } — edit, then pass it with --decisions.`);
      }
      throw new CliError(`${open.length} conflict(s) in the upgrade of ${name} are undecided; nothing was published.`, {
        exitCode: EXIT_DECISION,
        hint: 'decide each path listed above in a JSON file ({ "<path>": { "take": "ours" | "theirs" } | { "value": … } }) and pass --decisions FILE, or take one side for all with --take-mine / --take-pack.',
      });
    }
    if (!plan.plan.valid) {
      throw new CliError(`The merged document of ${name}@${plan.version} is invalid:`, {
        details: formatProblems(plan.plan.problems),
        hint: 'change the decisions for those paths (a { "value": … } decision can fix a value), or fix your workspace first.',
      });
    }
    if (plan.plan.destructive && !options.yes) {
      throw new CliError(`Upgrading ${name} has destructive steps:`, { exitCode: EXIT_DECISION, details: formatPlan(plan.plan), hint: 'review them and run again with --yes.' });
    }
    progress.step(`Publishing ${name}@${plan.version}`);
    const upgraded = (await ctx.client.request<{ upgradePack: PublishedVersion }>('upgradePack', UPGRADE_PACK, { name, decisions, clashChoices })).upgradePack;
    return { plan, upgraded };
  });
  for (const line of previewLines(result.plan)) ctx.io.out(line);
  ctx.io.out(`Upgraded ${name} to ${result.plan.version}: published version ${result.upgraded.version} on ${ctx.url}.`);
  return 0;
}
