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
  /**
   * What earlier versions moved aside in the workspace schema, as the database holds it now. With it, a field or
   * entity that comes back (a restore, or a document adding it again) gets its set-aside column or table back
   * instead of an empty one. Without it, the plan always adds fresh columns and tables.
   */
  setAside?: SetAsideInventory;
}

/**
 * The moved-aside (`__dropped_v<N>_…`) columns and tables of a workspace schema: pure data read from the catalog.
 * SQL types as Postgres prints them (`format_type(atttypid, atttypmod)`) or as the registry writes them;
 * the plan compares them with `sameSqlType`.
 */
export interface SetAsideInventory {
  /** Table (its current name) → its moved-aside columns: column name → SQL type. */
  columns: Record<string, Record<string, string>>;
  /** Moved-aside table name → every column of that table: column name → SQL type. */
  tables: Record<string, Record<string, string>>;
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
    | 'metadataOnly'
    /** Formula / roll-up values computed again for every record, by the server (`sql` is empty). */
    | 'recomputeField';
  entity?: string;
  field?: string;
  description: string;
  /**
   * For a `renameColumn` step that renames a field's columns: [old column, new column] pairs, so that what the
   * server keeps by column name (the record history) can follow the rename.
   */
  renamedColumns?: [from: string, to: string][];
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
