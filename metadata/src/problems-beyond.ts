/**
 * The problems of an edited document that its published version does not have already. When a plugin is
 * missing, the published document itself stops validating (its components are suspended, see servedDocument);
 * an edit that keeps those components as they are must still be publishable, and only what it breaks is its own.
 * A problem counts as the same when its path, code and message are. Callers validate each document once (the
 * published one's problems can be kept per version) and pass the lists.
 */
import type { MetadataProblem } from './types.js';

const keyOf = (problem: MetadataProblem): string => `${problem.path}\u0000${problem.code}\u0000${problem.message}`;

/** `problems` minus those `known` has too. */
export function problemsBeyond(problems: MetadataProblem[], known: MetadataProblem[]): MetadataProblem[] {
  if (problems.length === 0 || known.length === 0) return problems;
  const seen = new Set(known.map(keyOf));
  return problems.filter((problem) => !seen.has(keyOf(problem)));
}
