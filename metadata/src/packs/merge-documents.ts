/**
 * `mergeDocuments({ base, theirs, ours }, options)`: the 3-way merge of a pack upgrade. base = the pack version
 * installed, theirs = the new pack version, ours = the workspace now. Pure and deterministic.
 *
 * Per property, recursively through maps by name and ordered lists by identity (merge-value.ts, merge-spec.ts):
 * - changed only by the pack → the pack's value; only by the customer → theirs; both alike → it;
 *   both differently → a conflict, and the merged document keeps the customer's value until it is resolved.
 * - components the pack added are added, the customer's own are kept; a pack component the customer deleted
 *   stays deleted (a `deletedByUs` conflict if the pack changed it; restored with `resurrectDeleted`); one the
 *   pack removed goes, unless the customer changed it (a `deletedByThem` conflict).
 * - ordered lists (options, steps, form sections and their fields, columns, sort) merge their membership the
 *   same way, then their order: the customer's order, with new pack items placed next to their pack neighbours.
 * - JSON Logic and other opaque values (rule conditions, formulas, role scopes, triggers' settings) are atomic.
 * - renames (`renamedFrom`) of entities and fields are matched to the installed component first (align-renames.ts).
 * - translations merge per locale and label pointer (pointers follow renames); those left without a label are dropped.
 * - key order: the new pack's, then the customer's own keys.
 * The merge is structural: validate the merged document (validateDocument) before publishing it.
 */
import { deepEqual } from '../diff.js';
import type { MetadataDocument } from '../types.js';
import { alignRenames } from './align-renames.js';
import { withoutStaleTranslations } from '../translations/translation-edits.js';
import { keepFormFieldsOnce } from './keep-form-fields-once.js';
import { createContext } from './merge-context.js';
import { DOCUMENT_SPEC } from './merge-spec.js';
import type { MergeDecisions, MergeInputs, MergeOptions, MergeResult } from './merge-types.js';
import { mergeValue } from './merge-value.js';

export function mergeDocuments(inputs: MergeInputs, options: MergeOptions = {}): MergeResult {
  return mergeWithDecisions(inputs, options);
}

/** The merge, with each conflict whose path `decisions` has decided as decided (resolve-conflicts.ts). */
export function mergeWithDecisions(inputs: MergeInputs, options: MergeOptions, decisions?: MergeDecisions): MergeResult {
  const ctx = createContext(options.resurrectDeleted === true, decisions);
  const aligned = alignRenames(ctx, inputs);
  const merged = structuredClone(mergeValue(ctx, DOCUMENT_SPEC, aligned.base, aligned.theirs, aligned.ours, { path: '', component: false })) as MetadataDocument;
  if (!deepEqual(aligned.theirs, aligned.base)) keepFormFieldsOnce(ctx, merged, aligned.ours);
  return {
    // A translation whose label the merge removed (a component either side deleted) has nothing left to translate.
    merged: withoutStaleTranslations(merged),
    // Copies: the values in conflicts and changes are parts of the inputs.
    conflicts: structuredClone(ctx.conflicts),
    changes: structuredClone(ctx.changes),
    sources: structuredClone({ base: inputs.base, theirs: inputs.theirs, ours: inputs.ours, options: { ...options } }),
  };
}
