/**
 * Errors the CLI reports to people: what went wrong, where, and how to fix it. `exitCode` 1 is a failure,
 * 2 a refusal that needs a decision (undecided conflicts, a destructive plan without --yes).
 */
export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_DECISION = 2;

export class CliError extends Error {
  readonly exitCode: number;
  /** Extra lines shown under the message: problems, conflicts. */
  readonly details: string[];
  /** How to fix it, one sentence. */
  readonly hint: string | undefined;

  constructor(message: string, options: { exitCode?: number; details?: string[]; hint?: string } = {}) {
    super(message);
    this.name = 'CliError';
    this.exitCode = options.exitCode ?? EXIT_ERROR;
    this.details = options.details ?? [];
    this.hint = options.hint;
  }
}

/** The text printed on stderr for an error. */
export function formatCliError(error: CliError): string {
  const lines = [`Error: ${error.message}`, ...error.details.map((d) => `  ${d}`)];
  if (error.hint) lines.push(`Fix: ${error.hint}`);
  return lines.join('\n');
}
