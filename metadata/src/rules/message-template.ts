/**
 * Rule messages interpolate context values: `Close date is required when {{record.name}} is won`.
 * Placeholders name `record.<field>` or `previous.<field>` (related records as in rules); a missing value
 * shows as an empty string at run time, but a placeholder that names no field is refused at publish.
 */
import { resolveVarPath, type AnalysisScope, type PathProblem } from './var-paths.js';

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

export interface Placeholder {
  /** The dotted path inside the braces, e.g. `record.name`. */
  path: string;
  /** The problem with it, if any. */
  problem?: PathProblem;
}

/** The placeholders of `message`, each resolved in `scope` (restricted to record and previous). */
export function messagePlaceholders(message: string, scope: AnalysisScope): Placeholder[] {
  const messageScope: AnalysisScope = { ...scope, roots: ['record', 'previous'], what: 'a rule message' };
  return [...message.matchAll(PLACEHOLDER)].map((m) => {
    const path = m[1]!;
    const problem = resolveVarPath(path, messageScope).problem;
    return problem ? { path, problem } : { path };
  });
}

/** The dotted paths of the `{{placeholders}}` of `text`, in order (workflow templates resolve them in their own scope). */
export function placeholderPaths(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** `message` with every `{{placeholder}}` naming `from` (a dotted path) rewritten to `to`. */
export function replacePlaceholder(message: string, from: string, to: string): string {
  return message.replace(PLACEHOLDER, (whole: string, path: string) => (path === from ? whole.replace(from, to) : whole));
}
