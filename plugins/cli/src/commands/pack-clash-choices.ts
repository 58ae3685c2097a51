/**
 * Name clashes between a pack (or a dependency an upgrade brings) and the workspace's own components: read the
 * person's choices (`--choices FILE`, or one answer for all), and refuse with the list (exit 2) while any clash
 * has none. Shared by `pack install` and `pack upgrade`.
 */
import type { PackPreview } from '../api-types.js';
import { CliError, EXIT_DECISION } from '../cli-error.js';
import type { CommandContext } from '../context.js';
import { readJsonFile } from '../files.js';
import { formatClashes } from '../format/format-pack.js';

export type ClashChoice = 'keepMine' | 'takePack';

/** The per-clash choices of `file` (none without a file). */
export async function readClashChoices(ctx: CommandContext, file: string | undefined, command: string): Promise<Record<string, ClashChoice>> {
  if (!file) return {};
  const value = await readJsonFile(file, ctx.io.cwd);
  const entries = typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.entries(value) : null;
  const bad = entries?.find(([, v]) => v !== 'keepMine' && v !== 'takePack');
  if (!entries || bad) {
    throw new CliError(`${file}${bad ? ` at ${JSON.stringify(bad[0])}` : ''}: clash choices must be { "<path>": "keepMine" | "takePack" }.`, {
      hint: `use the paths listed by \`${command}\` without choices.`,
    });
  }
  return Object.fromEntries(entries) as Record<string, ClashChoice>;
}

/**
 * The preview once every clash has a choice: `all` answers those the file left open (then the server is asked
 * again); a clash still open stops the command with the list and `hint`.
 */
export async function decideClashes(
  choices: Record<string, ClashChoice>,
  all: ClashChoice | undefined,
  preview: (choices: Record<string, ClashChoice>) => Promise<PackPreview>,
  what: { name: string; hint: string },
): Promise<PackPreview> {
  let plan = await preview(choices);
  const undecided = plan.clashes.filter((c) => !(c.path in choices));
  if (all && undecided.length > 0) {
    for (const clash of undecided) choices[clash.path] = all;
    plan = await preview(choices);
  }
  const open = plan.clashes.filter((c) => !(c.path in choices));
  if (open.length > 0) {
    throw new CliError(`${what.name} clashes with ${open.length} component(s) of your workspace:`, { exitCode: EXIT_DECISION, details: formatClashes(open), hint: what.hint });
  }
  return plan;
}
