/**
 * `resolveConflicts(result, decisions)`: the merged document with every conflict of `result` decided — keep
 * ours, take theirs, or a given value (a name, for rename conflicts). The merge runs again with the decisions,
 * so a decided component lands exactly where the merge would have put it (a restored option next to its pack
 * neighbours). Refuses, with a MergeResolutionError, decisions for paths that are not conflicts, conflicts left
 * undecided, malformed decisions, and decided names already in use.
 */
import type { MetadataDocument } from '../types.js';
import { mergeWithDecisions } from './merge-documents.js';
import { MergeResolutionError } from './merge-resolution-error.js';
import type { MergeDecision, MergeDecisions, MergeResult } from './merge-types.js';

const isDecision = (value: unknown): value is MergeDecision =>
  typeof value === 'object' &&
  value !== null &&
  (('take' in value && (value.take === 'ours' || value.take === 'theirs') && Object.keys(value).length === 1) ||
    ('value' in value && Object.keys(value).length === 1));

const list = (paths: string[]): string => paths.map((p) => p || '(the document)').join(', ');

export function resolveConflicts(result: MergeResult, decisions: MergeDecisions): MetadataDocument {
  const conflictPaths = new Set(result.conflicts.map((c) => c.path));
  const unknown = Object.keys(decisions).filter((p) => !conflictPaths.has(p));
  if (unknown.length > 0) {
    throw new MergeResolutionError('UNKNOWN_DECISION', unknown, `There is no conflict at ${list(unknown)}; decide only the conflicts of this merge.`);
  }
  const missing = [...conflictPaths].filter((p) => !Object.hasOwn(decisions, p));
  if (missing.length > 0) {
    throw new MergeResolutionError('MISSING_DECISION', missing, `Every conflict needs a decision; still undecided: ${list(missing)}.`);
  }
  const malformed = Object.keys(decisions).filter((p) => !isDecision(decisions[p]));
  if (malformed.length > 0) {
    throw new MergeResolutionError('INVALID_DECISION', malformed, `A decision is { take: 'ours' | 'theirs' } or { value }; not so at ${list(malformed)}.`);
  }
  const { sources } = result;
  const again = mergeWithDecisions(sources, sources.options, decisions);
  const raised = again.conflicts.map((c) => c.path).filter((p) => !Object.hasOwn(decisions, p));
  if (raised.length > 0) {
    throw new MergeResolutionError('NEW_CONFLICTS', raised, `These decisions raise new conflicts at ${list(raised)}; merge again and decide them too.`);
  }
  return again.merged;
}
