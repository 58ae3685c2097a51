/** A large generated metadata document (entities × fields of every scalar type plus relations), for schema build timing. */
import { listFieldTypes, type FieldDefinition, type MetadataDocument } from '@trellis/metadata';

export function generatedDocument(entityCount = 100, fieldsPerEntity = 30): MetadataDocument {
  const scalarTypes = listFieldTypes()
    .filter((t) => !t.properties.includes('cardinality'))
    .map((t) => t.name);
  const entities: MetadataDocument['entities'] = {};
  for (let e = 0; e < entityCount; e++) {
    const fields: Record<string, FieldDefinition> = {};
    for (let f = 0; f < fieldsPerEntity; f++) {
      const name = `field${f}`;
      if (f === fieldsPerEntity - 1 && e > 0) {
        fields[name] = { type: 'relation', label: `Parent`, target: `entity${e - 1}`, cardinality: 'manyToOne' };
      } else if (f === fieldsPerEntity - 2 && e > 0) {
        fields[name] = { type: 'relation', label: `Links`, target: `entity${(e * 7) % e}`, cardinality: 'manyToMany' };
      } else {
        const type = scalarTypes[(e + f) % scalarTypes.length]!;
        const options = [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }];
        fields[name] = { type, label: `Field ${f}`, ...(type === 'select' || type === 'multiSelect' ? { options } : {}) };
      }
    }
    entities[`entity${e}`] = { label: `Entity ${e}`, pluralLabel: `Entities ${e}`, plural: `entity${e}List`, fields };
  }
  return { entities };
}
