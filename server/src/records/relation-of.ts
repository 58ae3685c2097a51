/**
 * Where a relation field's links live, for the data model. The physical layout (FK columns, junction
 * tables and their columns) comes from metadata's `relationInfo`; this only reshapes it.
 */
import { getFieldType, relationInfo, type MetadataDocument } from '@trellis/metadata';
import { quoteIdent } from './sql.js';

export type RelationShape =
  | { kind: 'manyToOne'; target: string; column: string }
  | { kind: 'oneToMany'; target: string; targetColumn: string }
  | { kind: 'manyToMany'; target: string; junction: string; selfColumn: string; otherColumn: string };

/** The relation layout of `entity.field`, or null when the field's type is not a relation (takes no `cardinality`). */
export function relationOf(doc: MetadataDocument, schema: string, entity: string, field: string): RelationShape | null {
  const def = doc.entities[entity]!.fields[field]!;
  if (!getFieldType(def.type).properties.includes('cardinality')) return null;
  const info = relationInfo(doc, entity, field);
  switch (info.cardinality) {
    case 'manyToOne':
      return { kind: 'manyToOne', target: info.target, column: info.fkColumn! };
    case 'oneToMany':
      return { kind: 'oneToMany', target: info.target, targetColumn: info.fkColumn! };
    case 'manyToMany': {
      const junction = info.junction!;
      return {
        kind: 'manyToMany',
        target: info.target,
        junction: `${quoteIdent(schema)}.${quoteIdent(junction.table)}`,
        selfColumn: junction.selfColumn,
        otherColumn: junction.otherColumn,
      };
    }
    default:
      throw new Error(`Unknown cardinality of ${entity}.${field}`);
  }
}
