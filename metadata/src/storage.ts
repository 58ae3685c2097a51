/**
 * Where a document's data physically lives: columns of a field, its FK constraint and indexes, junction tables.
 * Every physical name is computed from the document, so the plan can find what an earlier plan created.
 */
import { findFieldType } from './field-types/registry.js';
import { columnName, systemColumnName, tableName } from './naming.js';
import { listJunctions, type JunctionInfo } from './relations.js';
import { foreignKeyName, indexName, qualifiedName, uniqueIndexName } from './sql.js';
import type { FieldDefinition, MetadataDocument } from './types.js';

export interface PhysicalColumn {
  name: string;
  sqlType: string;
  backfill?: string;
}

/** System columns of every record table, in table order: [column, SQL type and constraints]. */
export const SYSTEM_COLUMNS: readonly (readonly [string, string])[] = [
  ['id', 'uuid PRIMARY KEY DEFAULT gen_random_uuid()'],
  ['created_at', 'timestamptz NOT NULL DEFAULT now()'],
  ['updated_at', 'timestamptz NOT NULL DEFAULT now()'],
  ['created_by', 'text'],
  ['updated_by', 'text'],
];

/** Schema of the platform tables (users, teams, role assignments…), outside every workspace schema. */
export const PLATFORM_SCHEMA = 'trellis';

/** A system column that references a platform table: who owns a record (`owner_id`) and its team (`team_id`). */
export interface OwnershipColumn {
  field: 'owner' | 'team';
  column: string;
  sqlType: string;
  /** Its index on `table` (records are filtered by owner and team for record-level permissions). */
  index: (table: string) => string;
}

const ownership = (field: 'owner' | 'team', platformTable: string): OwnershipColumn => ({
  field,
  column: systemColumnName(field),
  // ON DELETE SET NULL: removing a user or team never removes or blocks the records they had.
  sqlType: `uuid REFERENCES ${qualifiedName(PLATFORM_SCHEMA, platformTable)}("id") ON DELETE SET NULL`,
  index: (table) => indexName(table, systemColumnName(field)),
});

/**
 * Kept apart from SYSTEM_COLUMNS: tables created (or set aside) before record ownership existed lack them,
 * so they do not decide whether a set-aside table can be restored, and a restore adds them when missing.
 */
export const OWNERSHIP_COLUMNS: readonly OwnershipColumn[] = [ownership('owner', 'user'), ownership('team', 'team')];

/** The columns a field is stored in (none for toMany relations). Throws on an unregistered type. */
export function fieldColumns(fieldName: string, field: FieldDefinition): PhysicalColumn[] {
  const type = findFieldType(field.type);
  if (!type) throw new Error(`Unknown field type "${field.type}" of field ${fieldName}.`);
  return type.columns(field).map((c) => ({ name: columnName(fieldName, c.suffix), sqlType: c.sqlType, ...(c.backfill ? { backfill: c.backfill } : {}) }));
}

export const isManyToOne = (field: FieldDefinition): boolean => field.type === 'relation' && field.cardinality === 'manyToOne';

/** The FK of a manyToOne field: constraint name, column, and its plain index. */
export interface ForeignKeyModel {
  table: string;
  column: string;
  constraint: string;
  index: string;
  targetTable: string;
  onDelete: 'SET NULL' | 'CASCADE' | 'RESTRICT';
}

const ON_DELETE = { setNull: 'SET NULL', cascade: 'CASCADE', restrict: 'RESTRICT' } as const;

export function foreignKeyOf(entity: string, fieldName: string, field: FieldDefinition): ForeignKeyModel | undefined {
  if (!isManyToOne(field) || !field.target) return undefined;
  const table = tableName(entity);
  const column = columnName(fieldName, '_id');
  return {
    table,
    column,
    constraint: foreignKeyName(table, column),
    index: indexName(table, column),
    targetTable: tableName(field.target),
    onDelete: ON_DELETE[field.onDelete ?? 'setNull'],
  };
}

/** The unique index of a field with `unique: true`, on its first column. */
export function uniqueIndexOf(entity: string, fieldName: string, field: FieldDefinition): { name: string; column: string } | undefined {
  if (field.unique !== true) return undefined;
  const column = fieldColumns(fieldName, field)[0];
  if (!column) return undefined;
  return { name: uniqueIndexName(tableName(entity), column.name), column: column.name };
}

/** A junction table with the names of its constraints and index. */
export interface JunctionModel extends JunctionInfo {
  sourceTable: string;
  targetTable: string;
  sourceFk: string;
  targetFk: string;
  /** Index on target_id (the primary key (source_id, target_id) serves lookups by source). */
  targetIndex: string;
  /** `entity.field` of the owner and, when there is one, of the inverse. */
  ownerKey: string;
  inverseKey: string | undefined;
}

export function junctionModel(doc: MetadataDocument, j: JunctionInfo): JunctionModel {
  const owner = doc.entities[j.ownerEntity]!.fields[j.ownerField]!;
  const inverse = owner.inverse !== undefined && doc.entities[j.targetEntity]?.fields[owner.inverse] ? owner.inverse : undefined;
  return {
    ...j,
    sourceTable: tableName(j.ownerEntity),
    targetTable: tableName(j.targetEntity),
    sourceFk: foreignKeyName(j.table, 'source_id'),
    targetFk: foreignKeyName(j.table, 'target_id'),
    targetIndex: indexName(j.table, 'target_id'),
    ownerKey: `${j.ownerEntity}.${j.ownerField}`,
    inverseKey: inverse === undefined ? undefined : `${j.targetEntity}.${inverse}`,
  };
}

export const junctionModels = (doc: MetadataDocument): JunctionModel[] => listJunctions(doc).map((j) => junctionModel(doc, j));
