/**
 * The `trellis` command tree (commander). Each action resolves to an exit code; errors are CliErrors printed
 * by `run` (main.ts). Commands live in commands/*.ts, one per file.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { commandContext, DEFAULT_URL, type GlobalOptions } from './context.js';
import type { CliIo } from './io.js';
import { metadataApply } from './commands/metadata-apply.js';
import { metadataDiff } from './commands/metadata-diff.js';
import { metadataPlan } from './commands/metadata-plan.js';
import { metadataPull } from './commands/metadata-pull.js';
import { packExport } from './commands/pack-export.js';
import { packInstall } from './commands/pack-install.js';
import { packList } from './commands/pack-list.js';
import { packUninstall } from './commands/pack-uninstall.js';
import { packUpgrade } from './commands/pack-upgrade.js';
import { packValidate } from './commands/pack-validate.js';
import { pluginNew } from './commands/plugin-new.js';

const list = (value: string): string[] => value.split(',').map((v) => v.trim()).filter(Boolean);

function integer(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a version number, e.g. 12.');
  return Number(value);
}

/** --url and --api-key on a command that talks to the server. */
function withServer(command: Command): Command {
  return command
    .addOption(new Option('--url <url>', `server URL (env TRELLIS_URL, default ${DEFAULT_URL})`))
    .addOption(new Option('--api-key <key>', 'API key trk_… with manageMetadata (env TRELLIS_API_KEY)'));
}

/** Builds the program; `setExitCode` receives each action's exit code. */
export function buildProgram(io: CliIo, setExitCode: (code: number) => void): Command {
  const program = new Command('trellis')
    .description('Trellis from the command line: template packs, metadata as code, plugin scaffolding.')
    .version('0.1.0')
    // Options belong to the command they follow, so `pack export --version 1.0.0` is the pack's version, not --version.
    .enablePositionalOptions()
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', '\nExit codes: 0 ok, 1 error, 2 a decision is needed (conflicts, clashes, destructive plan without --yes).');

  const ctx = (command: Command) => commandContext(io, command.opts<GlobalOptions>());
  const done = async (code: Promise<number>) => setExitCode(await code);

  const pack = program.command('pack').description('list, install, upgrade, uninstall, export and validate template packs');
  withServer(pack.command('list'))
    .description('the packs the server offers and which are installed')
    .action((_options, command: Command) => done(packList(ctx(command))));
  withServer(pack.command('install'))
    .argument('<name|dir>', "a pack the server offers, or a pack folder (its manifest's name)")
    .description('install a pack and its dependencies (one publish, seed data loaded idempotently)')
    .option('--keep-mine', 'on every name clash keep your component')
    .option('--take-pack', "on every name clash take the pack's component")
    .option('--choices <file>', 'per-clash choices: { "<path>": "keepMine" | "takePack" }')
    .option('-y, --yes', 'allow destructive steps')
    .action((target: string, options, command: Command) => done(packInstall(ctx(command), target, options)));
  withServer(pack.command('upgrade'))
    .argument('<name>', 'an installed pack')
    .description('upgrade by 3-way merge; prints the conflict report and exits 2 while conflicts are undecided')
    .option('--decisions <file>', 'decisions: { "<path>": { "take": "ours" | "theirs" } | { "value": … } }')
    .option('--take-mine', 'decide every remaining conflict for your version')
    .option('--take-pack', "decide every remaining conflict for the pack's version")
    .option('--write-decisions <file>', 'write a decisions file for the open conflicts, to edit')
    .option('--clashes <choice>', 'on every name clash of a dependency the new version brings: keepMine or takePack')
    .option('--clash-choices <file>', 'per-clash choices for those dependencies: { "<path>": "keepMine" | "takePack" }')
    .option('-y, --yes', 'allow destructive steps')
    .action((name: string, options, command: Command) => done(packUpgrade(ctx(command), name, options)));
  withServer(pack.command('uninstall'))
    .argument('<name>', 'an installed pack')
    .description("remove the pack's components nothing else uses (previews the data loss; needs --yes)")
    .option('-y, --yes', 'confirm after reviewing the preview')
    .action((name: string, options, command: Command) => done(packUninstall(ctx(command), name, options)));
  withServer(pack.command('export'))
    .argument('<name>', 'the pack name to give the export')
    .description('turn the workspace (or chosen entities/workflows) into a pack folder')
    .requiredOption('--version <semver>', 'pack version, e.g. 1.0.0')
    .requiredOption('--out <dir>', 'folder to write (new or empty)')
    .option('--entities <names>', 'comma list of entities (default: all)', list)
    .option('--workflows <names>', 'comma list of workflows (default: all)', list)
    .option('--force', 'write into a folder that is not empty')
    .action((name: string, options, command: Command) => done(packExport(ctx(command), name, options)));
  pack
    .command('validate')
    .argument('<dir>', 'a pack folder (with trellis-pack.json)')
    .description('check a pack folder offline: manifest, metadata, seed, translations')
    .option('--pack-dirs <dirs>', 'comma list of folders holding its dependencies (also TRELLIS_PACK_DIRS)', list)
    .action((dir: string, options) => done(packValidate(io, dir, options)));

  const metadata = program.command('metadata').description('metadata as code: pull, diff, plan and apply the workspace document');
  withServer(metadata.command('pull'))
    .description("write the server's current document (stdout, or --out FILE)")
    .option('-o, --out <file>', 'file to write')
    .action((options, command: Command) => done(metadataPull(ctx(command), options)));
  withServer(metadata.command('diff'))
    .argument('<file>', 'a metadata document (JSON)')
    .description('what applying FILE would change, compared with the server')
    .action((file: string, _options, command: Command) => done(metadataDiff(ctx(command), file)));
  withServer(metadata.command('plan'))
    .argument('<file>', 'a metadata document (JSON)')
    .description("the server's migration plan for FILE (destructive steps flagged)")
    .action((file: string, _options, command: Command) => done(metadataPlan(ctx(command), file)));
  withServer(metadata.command('apply'))
    .argument('<file>', 'a metadata document (JSON)')
    .description('publish FILE as the next version (destructive plans need --yes)')
    .option('-m, --message <text>', 'version message')
    .option('--base-version <n>', 'refuse unless the server is still at this version', integer)
    .option('-y, --yes', 'allow destructive steps')
    .action((file: string, options, command: Command) => done(metadataApply(ctx(command), file, options)));

  const plugin = program.command('plugin').description('plugin development');
  plugin
    .command('new')
    .argument('<name>', 'plugin name: lowercase letters, digits and hyphens')
    .description('create a plugin folder: package.json, src/index.ts (definePlugin), a test, README')
    .option('--dir <dir>', 'folder to create (default ./NAME)')
    .action((name: string, options) => done(pluginNew(io, name, options)));

  return program;
}
