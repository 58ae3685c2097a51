/**
 * `planMigration(from, to, diff, options)`: the ordered SQL steps that turn the record tables of `from` into
 * those of `to`, in the workspace schema. Order: create tables → free reused column names → renames →
 * add columns → FKs (every table exists by then) → junction tables → indexes → type changes →
 * drops of FKs / indexes / junctions → move-aside of columns and tables → metadata-only steps → formula / roll-up values recomputed.
 * Nothing is dropped: removed columns and tables are renamed to `__dropped_v<version>_<name>` (destructive: true).
 * Given `options.setAside` (what the database holds moved aside), a field, entity or junction that comes back gets
 * its moved-aside column or table renamed back, data kept, instead of an empty one (rules in plan-restore.ts).
 * Changes that need no SQL appear as `metadataOnly` steps with empty `sql`. Changes the plan cannot carry out
 * are returned in `problems` (the publish must be refused then). Both documents must be valid, except for fields
 * whose type no loaded plugin provides: those may stay exactly as they are (plan-unavailable.ts).
 */
import { planTypeChanges } from './plan-alter.js';
import { PHASES, PlanContext } from './plan-context.js';
import { planMetadataChanges } from './plan-metadata.js';
import { planImpact } from './plan-impact.js';
import { planRoleChanges } from './plan-roles.js';
import { planDerivedRecompute } from './plan-derived.js';
import { unavailableFieldProblems } from './plan-unavailable.js';
import { planForeignKeys, planIndexes, planJunctions } from './plan-relations.js';
import {
  planAddColumns,
  planCreateTables,
  planRemoveEntities,
  planRemoveFields,
  planRenameColumns,
  planRenameTables,
} from './plan-tables.js';
import type { MetadataDiff, MetadataDocument, MigrationPlan, PlanOptions } from './plan-types.js';

export function planMigration(from: MetadataDocument, to: MetadataDocument, diff: MetadataDiff, options: PlanOptions): MigrationPlan {
  const unavailable = unavailableFieldProblems(from, to);
  if (unavailable.length > 0) return { steps: [], destructive: false, problems: unavailable };
  const ctx = new PlanContext(from, to, diff, options);
  planCreateTables(ctx);
  planRenameTables(ctx);
  planRenameColumns(ctx);
  planJunctions(ctx); // junction renames go to the rename phase, after the table and column renames
  planAddColumns(ctx);
  planForeignKeys(ctx);
  planIndexes(ctx);
  planTypeChanges(ctx);
  planRemoveFields(ctx);
  planRemoveEntities(ctx);
  planMetadataChanges(ctx);
  planRoleChanges(ctx); // what each changed role gains or loses (no SQL)
  planImpact(ctx); // what the renamed and removed fields were used by
  planDerivedRecompute(ctx); // after every DDL step: formula and roll-up values computed again
  const steps = PHASES.flatMap((phase) => ctx.steps.get(phase)!);
  return { steps, destructive: steps.some((s) => s.destructive), problems: ctx.problems };
}
