/** Runs the CLI in-process with captured output, for tests. */
import { run } from '../main.js';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export async function runCli(args: string[], options: { env?: Record<string, string>; cwd?: string; isTTY?: boolean } = {}): Promise<CliResult> {
  let out = '';
  let err = '';
  const code = await run(args, {
    out: (text) => (out += text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => (err += text.endsWith('\n') ? text : `${text}\n`),
    isTTY: options.isTTY ?? false,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
  });
  return { code, out, err };
}
