/**
 * The problems of an edited document that its published version does not have already. When a plugin is
 * missing, the published document itself stops validating (its components are suspended, see servedDocument);
 * an edit that keeps those components as they are must still be publishable, and only what it breaks is its own.
 * A problem counts as the same when its path, code and message are.
 */
import type { MetadataDocument, MetadataProblem } from './types.js';
import { validateDocument } from './validate-document.js';

const keyOf = (problem: MetadataProblem): string => `${problem.path}\u0000${problem.code}\u0000${problem.message}`;

/** validateDocument(document) minus what validateDocument(base) reports too; `base` is only validated when needed. */
export function problemsBeyond(document: MetadataDocument, base: MetadataDocument | undefined): MetadataProblem[] {
  const problems = validateDocument(document);
  if (!base || problems.length === 0) return problems;
  const known = new Set(validateDocument(base).map(keyOf));
  return problems.filter((problem) => !known.has(keyOf(problem)));
}
