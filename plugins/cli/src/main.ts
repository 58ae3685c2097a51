/** Entry of the `trellis` command: runs the program and turns errors into messages and exit codes. */
import { CommanderError } from 'commander';
import { CliError, EXIT_ERROR, formatCliError } from './cli-error.js';
import { processIo, type CliIo } from './io.js';
import { buildProgram } from './program.js';

/** Runs the CLI with the user's arguments (no node/script prefix); resolves to the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  program.exitOverride();
  program.configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  for (const command of program.commands.flatMap((c) => [c, ...c.commands])) {
    command.exitOverride();
    command.configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  }
  try {
    await program.parseAsync(args, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode; // commander printed the message already
    if (error instanceof CliError) {
      io.err(formatCliError(error));
      return error.exitCode;
    }
    io.err(`Error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT_ERROR;
  }
}

/** `bin/trellis.js` calls this with process.argv. */
export async function main(argv: string[]): Promise<void> {
  process.exitCode = await run(argv.slice(2), processIo());
}
