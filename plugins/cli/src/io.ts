/**
 * Where the CLI writes and what it knows about its surroundings. Commands never touch `process` directly, so
 * tests run them in-process with captured output and their own environment.
 */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** stdout is a terminal: progress bars instead of plain lines. */
  isTTY: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
}

export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    isTTY: process.stdout.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
  };
}
