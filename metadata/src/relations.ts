/**
 * Relation helpers: resolve a relation field's other side and where it is stored
 * (FK column for manyToOne / oneToMany, junction table for manyToMany).
 * They expect a document that passed `validateDocument`; on a broken reference they throw.
 */
import { columnName, junctionTableName, tableName } from './naming.js';
import type { FieldDefinition, MetadataDocument, RelationCardinality } from './types.js';

/** A manyToMany junction table. `source_id` holds ids of the owner entity, `target_id` ids of the other side. */
export interface JunctionInfo {
  table: string;
  ownerEntity: string;
  ownerField: string;
  /** Entity whose ids are in `target_id` (the owner field's target). */
  targetEntity: string;
  sourceColumn: 'source_id';
  targetColumn: 'target_id';
  /** The junction column holding ids of the entity the relation was resolved from. */
  selfColumn: 'source_id' | 'target_id';
  /** The junction column holding ids of the related records. */
  otherColumn: 'source_id' | 'target_id';
}

export interface RelationInfo {
  entity: string;
  field: string;
  cardinality: RelationCardinality;
  target: string;
  /** Name of the field on `target` that is the other side, when there is one. */
  inverseName: string | undefined;
  inverse: FieldDefinition | undefined;
  /** manyToOne: this table's FK column; oneToMany: the inverse manyToOne's column, on `fkTable`. */
  fkColumn?: string;
  /** Table that holds `fkColumn` (this entity's table for manyToOne, the target's for oneToMany). */
  fkTable?: string;
  junction?: JunctionInfo;
}

/** `entity.field`, the key the junction owner rule sorts by. */
export const relationKey = (entity: string, field: string): string => `${entity}.${field}`;

function relationField(doc: MetadataDocument, entity: string, field: string): FieldDefinition {
  const def = doc.entities[entity]?.fields[field];
  if (!def) throw new Error(`No field "${field}" on entity "${entity}".`);
  if (def.type !== 'relation' || !def.target || !def.cardinality) {
    throw new Error(`Field "${entity}.${field}" is not a relation with a target and a cardinality.`);
  }
  return def;
}

/**
 * The field on the target that is this relation's other side: the declared `inverse`, or for a manyToOne
 * without one, the oneToMany on the target whose `inverse` names this field.
 */
export function findInverseName(doc: MetadataDocument, entity: string, field: string): string | undefined {
  const def = doc.entities[entity]?.fields[field];
  if (!def?.target) return undefined;
  const target = doc.entities[def.target];
  if (!target) return undefined;
  if (def.inverse !== undefined) return target.fields[def.inverse] ? def.inverse : undefined;
  if (def.cardinality !== 'manyToOne') return undefined;
  return Object.keys(target.fields)
    .sort()
    .find((name) => {
      const other = target.fields[name]!;
      return other.type === 'relation' && other.cardinality === 'oneToMany' && other.target === entity && other.inverse === field;
    });
}

/**
 * Owner of a manyToMany junction: the side whose `entity.field` sorts first among the pair
 * (the only side when there is no inverse). Returns `[ownerEntity, ownerField]`.
 */
export function junctionOwner(doc: MetadataDocument, entity: string, field: string): [string, string] {
  const def = relationField(doc, entity, field);
  const inverse = findInverseName(doc, entity, field);
  if (inverse === undefined) return [entity, field];
  return relationKey(def.target!, inverse) < relationKey(entity, field) ? [def.target!, inverse] : [entity, field];
}

function junctionInfo(doc: MetadataDocument, entity: string, field: string): JunctionInfo {
  const [ownerEntity, ownerField] = junctionOwner(doc, entity, field);
  const isOwner = ownerEntity === entity && ownerField === field;
  return {
    table: junctionTableName(ownerEntity, ownerField),
    ownerEntity,
    ownerField,
    targetEntity: doc.entities[ownerEntity]!.fields[ownerField]!.target!,
    sourceColumn: 'source_id',
    targetColumn: 'target_id',
    selfColumn: isOwner ? 'source_id' : 'target_id',
    otherColumn: isOwner ? 'target_id' : 'source_id',
  };
}

/** Everything needed to store and query one relation field. Throws if the field is not a resolvable relation. */
export function relationInfo(doc: MetadataDocument, entity: string, field: string): RelationInfo {
  const def = relationField(doc, entity, field);
  const target = def.target!;
  const cardinality = def.cardinality!;
  const inverseName = findInverseName(doc, entity, field);
  const inverse = inverseName === undefined ? undefined : doc.entities[target]?.fields[inverseName];
  const info: RelationInfo = { entity, field, cardinality, target, inverseName, inverse };
  if (cardinality === 'manyToOne') {
    info.fkTable = tableName(entity);
    info.fkColumn = columnName(field, '_id');
  } else if (cardinality === 'oneToMany') {
    if (inverseName === undefined) throw new Error(`oneToMany "${entity}.${field}" has no inverse manyToOne on "${target}".`);
    info.fkTable = tableName(target);
    info.fkColumn = columnName(inverseName, '_id');
  } else {
    info.junction = junctionInfo(doc, entity, field);
  }
  return info;
}

/** Every junction table of the document, once per relation pair, sorted by table name. */
export function listJunctions(doc: MetadataDocument): JunctionInfo[] {
  const byTable = new Map<string, JunctionInfo>();
  for (const [entity, def] of Object.entries(doc.entities)) {
    for (const [field, f] of Object.entries(def.fields)) {
      if (f.type !== 'relation' || f.cardinality !== 'manyToMany' || !f.target || !doc.entities[f.target]) continue;
      const info = junctionInfo(doc, entity, field);
      if (!byTable.has(info.table)) byTable.set(info.table, { ...info, selfColumn: 'source_id', otherColumn: 'target_id' });
    }
  }
  return [...byTable.values()].sort((a, b) => (a.table < b.table ? -1 : a.table > b.table ? 1 : 0));
}
