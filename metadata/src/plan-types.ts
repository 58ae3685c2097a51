import type { MetadataDocument, MetadataProblem } from './types.js';

/** One change between two documents, per entity / field / property. */
export type DiffChange =
  | { kind: 'addEntity'; entity: string }
  | { kind: 'removeEntity'; entity: string }
  | { kind: 'renameEntity'; entity: string; from: string }
  | { kind: 'changeEntity'; entity: string; property: string; from: unknown; to: unknown }
  | { kind: 'addField'; entity: string; field: string }
  | { kind: 'removeField'; entity: string; field: string }
  | { kind: 'renameField'; entity: string; field: string; from: string }
  | { kind: 'changeField'; entity: string; field: string; property: string; from: unknown; to: unknown }
  | { kind: 'changeOther'; path: string; from: unknown; to: unknown };

export interface MetadataDiff {
  changes: DiffChange[];
}

export interface PlanOptions {
  /** Postgres schema of the workspace's record tables, e.g. `main`. */
  schema: string;
  /** The version being published; used to name columns/tables moved aside on drop. */
  version: number;
}

/**
 * One ordered migration step. `sql` statements are executed in order inside the publish transaction.
 * `description` is the human sentence shown in the plan preview.
 */
export interface PlanStep {
  kind:
    | 'createTable'
    | 'renameTable'
    | 'dropTable'
    | 'addColumn'
    | 'renameColumn'
    | 'dropColumn'
    | 'alterColumnType'
    | 'addForeignKey'
    | 'dropForeignKey'
    | 'createIndex'
    | 'dropIndex'
    | 'createJunctionTable'
    | 'dropJunctionTable'
    | 'metadataOnly';
  entity?: string;
  field?: string;
  description: string;
  /** True when the step hides or may lose data (drops, narrowing type changes). */
  destructive: boolean;
  sql: string[];
}

export interface MigrationPlan {
  steps: PlanStep[];
  destructive: boolean;
  /**
   * Changes the plan cannot carry out (a type change with no conversion, a relation's target or cardinality
   * changed). `planMigration` always sets it; a publish must be refused (METADATA_INVALID) when it is not empty.
   */
  problems?: MetadataProblem[];
}

export type { MetadataDocument };
