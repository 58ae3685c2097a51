/**
 * Types of the pack-upgrade merge (`mergeDocuments`, `resolveConflicts`). Paths are JSON pointers into the
 * merged document, except that an item of an ordered list is addressed by its identity, not its index (its
 * position differs between the three versions): `/entities/case/fields/priority/options/high/label`,
 * `/workflows/escalate/steps/notifyLead/title`, `/entities/case/layouts/form/sections/Details/fields/sla`.
 */
import type { MetadataDocument } from '../types.js';

/** base: the pack version installed; theirs: the new pack version; ours: the workspace now. */
export interface MergeInputs {
  base: MetadataDocument;
  theirs: MetadataDocument;
  ours: MetadataDocument;
}

export interface MergeOptions {
  /** Bring back what the customer deleted and the new pack still has (components, options, steps, layout entries). Default false. */
  resurrectDeleted?: boolean;
}

export type MergeConflictKind =
  /** Both changed the same property (or component) to different values; one side may have removed it. */
  | 'bothChanged'
  /** Both added a property or component of the same name with different values. */
  | 'bothAdded'
  /** The customer deleted a component the pack changed. The merged document leaves it deleted. */
  | 'deletedByUs'
  /** The pack removed a component the customer changed. The merged document keeps the customer's. */
  | 'deletedByThem'
  /** Both renamed the same entity or field, differently. Values are names; the merged document keeps the customer's. */
  | 'renamedByBoth'
  /** The pack renames an entity or field to a name the customer already uses. Values are names; the merged document keeps the customer's. */
  | 'renameClash';

export interface MergeConflict {
  path: string;
  kind: MergeConflictKind;
  /** The value in each version at `path` (undefined: absent there). */
  base: unknown;
  theirs: unknown;
  ours: unknown;
  /** For people: what each side did and what the choices mean. */
  message: string;
}

export type MergeChangeKind = 'added' | 'removed' | 'changed' | 'renamed' | 'reordered' | 'restored';

/**
 * How a change of the pack was applied: `applied`; `alreadyApplied` (the workspace already had it);
 * `keptYours` (not applied: the customer deleted the thing, or reordered it too); `conflict` (see conflicts).
 */
export type MergeOutcome = 'applied' | 'alreadyApplied' | 'keptYours' | 'conflict';

/** One change the pack makes (or, for `restored`, the merge makes on request), for the upgrade preview. */
export interface MergeChange {
  path: string;
  kind: MergeChangeKind;
  outcome: MergeOutcome;
  /** The value before (in the installed pack) and after (in the new pack); names for `renamed`. */
  from?: unknown;
  to?: unknown;
  message: string;
}

export interface MergeResult {
  /** The merged document; where there is a conflict it holds the customer's version until resolved. */
  merged: MetadataDocument;
  conflicts: MergeConflict[];
  changes: MergeChange[];
  /** What was merged, kept so that `resolveConflicts` can merge again with the decisions. */
  sources: MergeInputs & { options: MergeOptions };
}

/** Keep the customer's version, take the pack's, or give the value (for rename conflicts: the name). */
export type MergeDecision = { take: 'ours' | 'theirs' } | { value: unknown };

/** Decisions by conflict path. */
export type MergeDecisions = Record<string, MergeDecision>;
