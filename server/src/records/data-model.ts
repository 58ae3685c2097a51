/**
 * The record layer's view of one metadata document: per entity, its table and, per field, where the
 * value lives (columns, a foreign key, the other side's key, a junction table). Built once per document
 * (cached by document identity) from the field-type registry and metadata's relation helpers, so the
 * SQL compilers never look at type names.
 */
import {
  SYSTEM_FIELDS,
  columnName,
  getFieldType,
  valueTypeOf,
  pascalCase,
  tableName,
  type EntityDefinition,
  type FieldDefinition,
  type CustomFilterOperator,
  type FieldTypeDefinition,
  type FilterOperator,
  type MetadataDocument,
} from '@trellis/metadata';
import { badUserInput } from './record-errors.js';
import { relationOf } from './relation-of.js';
import { quoteIdent } from './sql.js';

/** One physical column of a scalar field. `key` names its property in a composite value (null: the value itself). */
export interface ColumnModel {
  column: string;
  sqlType: string;
  key: string | null;
  /** SQL for a composite part left out of a written value (the registry's backfill, e.g. the default currency). */
  fallback?: string;
}

interface FieldBase {
  name: string;
  label: string;
  /** null for system fields. */
  def: FieldDefinition | null;
}

export interface ScalarFieldModel extends FieldBase {
  kind: 'scalar';
  /** Registry entry (null for `id`). */
  type: FieldTypeDefinition | null;
  /** Name of the GraphQL filter input (`TextFilter`, `IDFilter`, …). */
  filterInput: string;
  /** First column = the main one (sorting, operators); the others are composite parts. */
  columns: ColumnModel[];
  operators: FilterOperator[];
  /** Operators the value type adds itself (a plugin type's `filters`), compiled by custom-filter.ts. */
  filters?: Record<string, CustomFilterOperator>;
  sortable: boolean;
  system: boolean;
  /** A system field the writer may set (owner, team); the others are set by the server only. */
  assignable?: boolean;
  unique: boolean;
  /**
   * The value as read (output and filter operators) from the main column's reference, when the registry
   * computes it (`readSql`, e.g. an auto-number's prefix and padding); absent = the column itself.
   */
  read?: (column: string) => string;
}

export interface ManyToOneFieldModel extends FieldBase {
  kind: 'manyToOne';
  target: string;
  /** The foreign-key column on this entity's table. */
  column: string;
}

export interface OneToManyFieldModel extends FieldBase {
  kind: 'oneToMany';
  target: string;
  /** The foreign-key column on the target's table that points at this entity. */
  targetColumn: string;
}

export interface ManyToManyFieldModel extends FieldBase {
  kind: 'manyToMany';
  target: string;
  /** Quoted, schema-qualified junction table. */
  junction: string;
  /** Junction column holding this record's id. */
  selfColumn: string;
  /** Junction column holding the related record's id. */
  otherColumn: string;
}

export type FieldModel = ScalarFieldModel | ManyToOneFieldModel | OneToManyFieldModel | ManyToManyFieldModel;
export type RelationFieldModel = ManyToOneFieldModel | OneToManyFieldModel | ManyToManyFieldModel;

export interface EntityModel {
  name: string;
  label: string;
  def: EntityDefinition;
  /** Quoted, schema-qualified table: `"main"."opportunity"`. */
  table: string;
  fields: Map<string, FieldModel>;
  /** Only the metadata fields (no system fields), in document order. */
  ownFields: FieldModel[];
}

export interface DataModel {
  document: MetadataDocument;
  /** The Postgres schema of the record tables (= the workspace). */
  schema: string;
  entities: Map<string, EntityModel>;
}

const cache = new WeakMap<MetadataDocument, Map<string, DataModel>>();

/** The model of `document` in Postgres schema `schema`, built once per document object. */
export function dataModelOf(document: MetadataDocument, schema: string): DataModel {
  let bySchema = cache.get(document);
  if (!bySchema) cache.set(document, (bySchema = new Map()));
  let model = bySchema.get(schema);
  if (!model) bySchema.set(schema, (model = buildDataModel(document, schema)));
  return model;
}

export function buildDataModel(document: MetadataDocument, schema: string): DataModel {
  const entities = new Map<string, EntityModel>();
  for (const [name, def] of Object.entries(document.entities)) {
    const fields = new Map<string, FieldModel>();
    for (const system of systemFields()) fields.set(system.name, system);
    const ownFields: FieldModel[] = [];
    for (const [fieldName, fieldDef] of Object.entries(def.fields)) {
      const field = fieldModel(document, schema, name, fieldName, fieldDef);
      fields.set(fieldName, field);
      ownFields.push(field);
    }
    entities.set(name, {
      name,
      label: def.label,
      def,
      table: `${quoteIdent(schema)}.${quoteIdent(tableName(name))}`,
      fields,
      ownFields,
    });
  }
  return { document, schema, entities };
}

function fieldModel(doc: MetadataDocument, schema: string, entity: string, name: string, def: FieldDefinition): FieldModel {
  const relation = relationOf(doc, schema, entity, name);
  if (relation) return Object.assign(relation, { name, label: def.label, def });
  const type = getFieldType(def.type);
  const valueType = valueTypeOf(def);
  const specs = type.columns(def);
  const keys = specs.length > 1 ? compositeKeys(type, def, specs.map((s) => s.suffix)) : null;
  const columns: ColumnModel[] = [];
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i]!;
    const column: ColumnModel = { column: columnName(name, spec.suffix), sqlType: spec.sqlType, key: keys ? keys[i]! : null };
    if (spec.backfill !== undefined) column.fallback = spec.backfill;
    columns.push(column);
  }
  const readSql = type.readSql;
  return {
    kind: 'scalar',
    name,
    label: def.label,
    def,
    type,
    // A formula or roll-up filters and sorts as the type of its values (`valueTypeOf`: TextFilter, IntegerFilter…).
    filterInput: filterInputName(valueType.name),
    columns,
    operators: valueType.filterOperators,
    ...(valueType.filters ? { filters: valueType.filters } : {}),
    sortable: valueType.sortable && specs.length > 0,
    system: false,
    unique: def.unique === true,
    ...(readSql ? { read: (column: string) => readSql(def, column) } : {}),
  };
}

const filterInputNames = new Map<string, string>();
const filterInputName = (typeName: string): string => {
  let name = filterInputNames.get(typeName);
  if (name === undefined) filterInputNames.set(typeName, (name = `${pascalCase(typeName)}Filter`));
  return name;
};

/**
 * Property names of a composite value's parts, one per column: a column with suffix `_currency` holds the
 * value's `currency` property; the main column (suffix '') holds the remaining property of the type's
 * JSON Schema (`amount`). Single-column types have no parts (null).
 */
function compositeKeys(type: FieldTypeDefinition, def: FieldDefinition, suffixes: string[]): (string | null)[] {
  if (suffixes.length <= 1) return suffixes.map(() => null);
  const properties = Object.keys((type.jsonSchema(def)['properties'] as Record<string, unknown> | undefined) ?? {});
  const fromSuffix = (suffix: string) => suffix.replace(/^_/, '').replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  const named = suffixes.map((s) => (s === '' ? null : fromSuffix(s)));
  const rest = properties.filter((p) => !named.includes(p));
  return named.map((key) => {
    if (key !== null) return key;
    if (rest.length !== 1) throw new Error(`Field type ${type.name}: cannot tell which value property its main column holds`);
    return rest[0]!;
  });
}

let systemFieldCache: ScalarFieldModel[] | undefined;

/**
 * id, createdAt, updatedAt, createdBy, updatedBy (typed through the registry's dateTime and text entries), and
 * owner / team: the ids of a user and a team (platform tables), which record-level permissions read.
 */
export function systemFields(): ScalarFieldModel[] {
  if (systemFieldCache) return systemFieldCache;
  const dateTime = getFieldType('dateTime');
  const text = getFieldType('text');
  const typed = (name: string, label: string, type: FieldTypeDefinition, sqlType: string): ScalarFieldModel => ({
    kind: 'scalar',
    name,
    label,
    def: null,
    type,
    filterInput: `${pascalCase(type.name)}Filter`,
    columns: [{ column: columnName(name), sqlType, key: null }],
    operators: type.filterOperators,
    sortable: true,
    system: true,
    unique: false,
  });
  const fields: ScalarFieldModel[] = [
    {
      kind: 'scalar',
      name: 'id',
      label: 'ID',
      def: null,
      type: null,
      filterInput: 'IDFilter',
      columns: [{ column: 'id', sqlType: 'uuid', key: null }],
      // One IDFilter input for id, owner and team: isNull matters for the latter two.
      operators: ['eq', 'neq', 'in', 'notIn', 'isNull'],
      sortable: true,
      system: true,
      unique: true,
    },
    typed('createdAt', 'Created at', dateTime, 'timestamptz'),
    typed('updatedAt', 'Updated at', dateTime, 'timestamptz'),
    typed('createdBy', 'Created by', text, 'text'),
    typed('updatedBy', 'Updated by', text, 'text'),
    reference('owner', 'Owner', 'owner_id'),
    reference('team', 'Team', 'team_id'),
  ];
  if (fields.map((f) => f.name).join() !== SYSTEM_FIELDS.join()) throw new Error('system fields out of sync with metadata');
  return (systemFieldCache = fields);
}

function reference(name: string, label: string, column: string): ScalarFieldModel {
  return {
    kind: 'scalar',
    name,
    label,
    def: null,
    type: null,
    filterInput: 'IDFilter',
    columns: [{ column, sqlType: 'uuid', key: null }],
    operators: ['eq', 'neq', 'in', 'notIn', 'isNull'],
    sortable: true,
    system: true,
    assignable: true,
    unique: false,
  };
}

/** The entity, or BAD_USER_INPUT naming the entities there are. */
export function entityOf(model: DataModel, entity: string): EntityModel {
  const found = model.entities.get(entity);
  if (!found) throw badUserInput(`Unknown entity "${entity}" (entities: ${[...model.entities.keys()].join(', ') || 'none'})`);
  return found;
}
