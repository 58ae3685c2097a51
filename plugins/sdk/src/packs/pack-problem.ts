/** Problems of a pack folder: what is wrong, in which file (relative to the pack), where in it, and how to fix it. */
export interface PackProblem {
  /** Path relative to the pack folder, e.g. `seed/02-person.csv` or `trellis-pack.json`. */
  file: string;
  /** JSON pointer inside the file (JSON files) or inside the pack's document (metadata problems). */
  path?: string;
  /** 1-based line and column in the file, when known. */
  line?: number;
  column?: number;
  message: string;
}

/** `seed/02-person.csv:5:3: message`, `metadata/case.json (/entities/case/label): message`. */
export function formatPackProblem(p: PackProblem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}${p.column === undefined ? '' : `:${p.column}`}`;
  return `${where}${p.path ? ` (${p.path})` : ''}: ${p.message}`;
}

/** Thrown by readPackFolder with every problem found. */
export class PackFolderError extends Error {
  readonly problems: PackProblem[];
  readonly dir: string;
  constructor(dir: string, problems: PackProblem[]) {
    super(`Invalid pack folder ${dir}:\n- ${problems.map(formatPackProblem).join('\n- ')}`);
    this.name = 'PackFolderError';
    this.dir = dir;
    this.problems = problems;
  }
}

/** 1-based line and column of a character offset in a text. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Parses JSON, turning a syntax error into a problem with its line and column. */
export function parseJsonFile(text: string, file: string): { value?: unknown; problem?: PackProblem } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const at = position ? lineColumnAt(text, Number(position[1])) : {};
    return { problem: { file, ...at, message: `is not valid JSON (${message}); fix the syntax (a missing comma or quote?)` } };
  }
}
