/**
 * Builders for operations of the generated record API (/graphql). Pure: a document, an entity and what the
 * view needs in, `{ query, variables }` out. Names come from naming.ts `graphqlNames`, so they match the
 * schema the server generates from the same document.
 */
import { declaredGraphQLTypes, findFieldType, graphqlNames, type EntityDefinition, type FieldDefinition, type MetadataDocument } from '@trellis/metadata';

export interface Operation {
  query: string;
  variables: Record<string, unknown>;
}

/** System fields every record has; `owner` and `team` are ids of a user and a team. */
export const SYSTEM_FIELD_NAMES = ['id', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'owner', 'team'] as const;

export interface OrderSpec {
  field: string;
  direction: 'asc' | 'desc';
}

export interface ListArgs {
  /** Fields to select on each node (besides `id`). */
  fields: string[];
  filter?: Record<string, unknown>;
  orderBy?: OrderSpec[];
  first?: number;
  after?: string;
  last?: number;
  before?: string;
  /** A saved view of the entity: the server applies its filter (the `view` argument). */
  view?: string;
}

export function entityOf(doc: MetadataDocument, entityName: string): EntityDefinition {
  const entity = doc.entities[entityName];
  if (!entity) throw new Error(`Unknown entity "${entityName}"`);
  return entity;
}

export function namesOf(doc: MetadataDocument, entityName: string) {
  return graphqlNames(entityName, entityOf(doc, entityName).plural);
}

const TEXTUAL = new Set(['text', 'email', 'phone', 'url', 'longText', 'select']);

/** The field that names a record: `displayField`, else the first text-like field, else none (show the id). */
export function displayFieldOf(entity: EntityDefinition): string | undefined {
  if (entity.displayField && entity.fields[entity.displayField]) return entity.displayField;
  return Object.entries(entity.fields).find(([, f]) => TEXTUAL.has(f.type))?.[0];
}

export const isRelation = (field: FieldDefinition | undefined): boolean => field?.type === 'relation';
export const isToMany = (field: FieldDefinition | undefined): boolean =>
  isRelation(field) && (field!.cardinality === 'oneToMany' || field!.cardinality === 'manyToMany');
export const isManyToOne = (field: FieldDefinition | undefined): boolean =>
  isRelation(field) && (field!.cardinality ?? 'manyToOne') === 'manyToOne';

/** `{ id name }` for a reference to a record of `targetName`. */
export function referenceSelection(doc: MetadataDocument, targetName: string): string {
  const target = doc.entities[targetName];
  const display = target ? displayFieldOf(target) : undefined;
  return display ? `{ id ${fieldSelection(doc, targetName, display, false)} }` : '{ id }';
}

/** The selection of one field: `name`, `amount { amount currency }`, `company { id name }`. */
export function fieldSelection(doc: MetadataDocument, entityName: string, fieldName: string, deep = true): string {
  if ((SYSTEM_FIELD_NAMES as readonly string[]).includes(fieldName)) return fieldName;
  const field = entityOf(doc, entityName).fields[fieldName];
  if (!field) throw new Error(`Unknown field "${entityName}.${fieldName}"`);
  if (field.type === 'currency') return `${fieldName} { amount currency }`;
  if (field.type === 'relation') {
    if (!deep) return 'id';
    return `${fieldName} ${referenceSelection(doc, field.target ?? '')}`;
  }
  // A plugin type whose values are objects (a geo point's GeoPoint): its declared fields.
  const objectType = declaredObjectSelection(findFieldType(field.type)?.graphql(field).output);
  return objectType ? `${fieldName} ${objectType}` : fieldName;
}

/** `{ lat lng }` for a GraphQL object type a field type declares (nested declared objects included). */
function declaredObjectSelection(typeName: string | undefined): string | undefined {
  const name = typeName?.replace(/[[\]!]/g, '');
  const declared = declaredGraphQLTypes().find((t) => t.kind === 'object' && t.name === name);
  if (!declared) return undefined;
  const parts = Object.entries(declared.fields).map(([field, ref]) => {
    const nested = declaredObjectSelection(ref);
    return nested ? `${field} ${nested}` : field;
  });
  return `{ ${parts.join(' ')} }`;
}

function selectionSet(doc: MetadataDocument, entityName: string, fields: string[]): string {
  const unique = ['id', ...fields.filter((f) => f !== 'id')].filter((f, i, all) => all.indexOf(f) === i);
  return unique.map((f) => fieldSelection(doc, entityName, f)).join(' ');
}

/** The orderBy variable value: `[{ field: 'amount', direction: 'DESC' }]`. */
export function toOrderByInput(orderBy: OrderSpec[] | undefined): { field: string; direction: 'ASC' | 'DESC' }[] | undefined {
  if (!orderBy?.length) return undefined;
  return orderBy.map((o) => ({ field: o.field, direction: o.direction === 'desc' ? 'DESC' : 'ASC' }));
}

function withoutUndefined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}

/** One page of a list: totalCount, pageInfo and the nodes with the given fields. */
export function buildListQuery(doc: MetadataDocument, entityName: string, args: ListArgs): Operation {
  const n = namesOf(doc, entityName);
  // The view argument only when a view is chosen, so lists keep working against a server without views.
  const viewVar = args.view ? `, $view: ${n.type}View` : ''; // the server's enum of the entity's saved views
  const viewArg = args.view ? ', view: $view' : '';
  const query =
    `query List${n.type}($filter: ${n.filter}, $orderBy: [${n.orderBy}!], $first: Int, $after: String, $last: Int, $before: String${viewVar}) {\n` +
    `  ${n.list}(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before${viewArg}) {\n` +
    `    totalCount\n` +
    `    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n` +
    `    edges { cursor node { ${selectionSet(doc, entityName, args.fields)} } }\n` +
    `  }\n}`;
  return {
    query,
    variables: withoutUndefined({
      filter: args.filter,
      orderBy: toOrderByInput(args.orderBy),
      first: args.first,
      after: args.after,
      last: args.last,
      before: args.before,
      view: args.view,
    }),
  };
}

/** One record by id with the given fields. */
export function buildRecordQuery(doc: MetadataDocument, entityName: string, fields: string[], id: string): Operation {
  const n = namesOf(doc, entityName);
  return {
    query: `query Get${n.type}($id: ID!) {\n  ${n.single}(id: $id) { ${selectionSet(doc, entityName, ['createdAt', 'updatedAt', ...fields])} }\n}`,
    variables: { id },
  };
}

export function buildCreateMutation(doc: MetadataDocument, entityName: string, fields: string[], data: Record<string, unknown>): Operation {
  const n = namesOf(doc, entityName);
  return {
    query: `mutation Create${n.type}($data: ${n.createInput}!) {\n  ${n.create}(data: $data) { ${selectionSet(doc, entityName, fields)} }\n}`,
    variables: { data },
  };
}

export function buildUpdateMutation(
  doc: MetadataDocument,
  entityName: string,
  fields: string[],
  id: string,
  data: Record<string, unknown>,
): Operation {
  const n = namesOf(doc, entityName);
  return {
    query: `mutation Update${n.type}($id: ID!, $data: ${n.updateInput}!) {\n  ${n.update}(id: $id, data: $data) { ${selectionSet(doc, entityName, fields)} }\n}`,
    variables: { id, data },
  };
}

export function buildDeleteMutation(doc: MetadataDocument, entityName: string, id: string): Operation {
  const n = namesOf(doc, entityName);
  return {
    query: `mutation Delete${n.type}($id: ID!) {\n  ${n.delete}(id: $id) { id }\n}`,
    variables: { id },
  };
}

/** Whether the registry marks the field's values as set by the system (autoNumber) or derived (oneToMany). */
const isReadOnly = (f: FieldDefinition): boolean => findFieldType(f.type)?.jsonSchema(f).readOnly === true;

/** Fields a create/update input accepts: everything but system fields, oneToMany relations and read-only types. */
export function writableFields(entity: EntityDefinition): string[] {
  return Object.entries(entity.fields)
    .filter(([, f]) => !(f.type === 'relation' && f.cardinality === 'oneToMany') && !isReadOnly(f))
    .map(([name]) => name);
}

/** Fields stored on the record that people cannot write (an auto-number): shown, never sent. */
export function readOnlyFields(entity: EntityDefinition): string[] {
  return Object.entries(entity.fields)
    .filter(([, f]) => f.type !== 'relation' && isReadOnly(f) && (findFieldType(f.type)?.columns(f).length ?? 0) > 0)
    .map(([name]) => name);
}

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

const idOf = (v: unknown): string | null => {
  if (typeof v === 'string') return v || null;
  if (v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string') return (v as { id: string }).id;
  return null;
};

/**
 * Form values → create/update input: relations become ids, blank strings become null, currency keeps its
 * code (or the field's default), fields the API does not accept are left out.
 */
export function toRecordInput(doc: MetadataDocument, entityName: string, values: Record<string, unknown>): Record<string, unknown> {
  const entity = entityOf(doc, entityName);
  const input: Record<string, unknown> = {};
  for (const name of writableFields(entity)) {
    if (!(name in values)) continue;
    const field = entity.fields[name];
    const value = values[name];
    if (field.type === 'relation') {
      input[name] = isToMany(field)
        ? (Array.isArray(value) ? value : []).map(idOf).filter((id): id is string => !!id)
        : idOf(value);
    } else if (field.type === 'currency') {
      const money = (value ?? {}) as { amount?: unknown; currency?: unknown };
      const amount = typeof money.amount === 'number' ? money.amount : Number(money.amount);
      input[name] = isBlank(money.amount)
        ? null
        : {
            amount: Number.isFinite(amount) ? amount : money.amount,
            currency: (money.currency as string) || field.defaultCurrency || 'USD',
          };
    } else if (field.type === 'multiSelect') {
      input[name] = Array.isArray(value) ? value : isBlank(value) ? null : [value];
    } else {
      input[name] = isBlank(value) ? null : value;
    }
  }
  return input;
}

/** Labels of referenced records, by id, collected while reading a record (for relation pickers). */
export type ReferenceLabels = Record<string, string>;

/** A record node from the API → form values (relations as ids) plus the labels of referenced records. */
export function fromRecordNode(
  doc: MetadataDocument,
  entityName: string,
  node: Record<string, unknown>,
): { values: Record<string, unknown>; labels: ReferenceLabels } {
  const entity = entityOf(doc, entityName);
  const values: Record<string, unknown> = {};
  const labels: ReferenceLabels = {};
  const remember = (targetName: string | undefined, ref: unknown) => {
    if (!ref || typeof ref !== 'object') return undefined;
    const r = ref as Record<string, unknown>;
    const id = String(r.id);
    const target = targetName ? doc.entities[targetName] : undefined;
    const display = target ? displayFieldOf(target) : undefined;
    labels[id] = display && r[display] != null && r[display] !== '' ? String(r[display]) : id;
    return id;
  };
  for (const [name, value] of Object.entries(node)) {
    const field = entity.fields[name];
    if (value === null) continue;
    if (field?.type === 'relation') {
      values[name] = Array.isArray(value) ? value.map((v) => remember(field.target, v)).filter(Boolean) : remember(field.target, value);
    } else {
      values[name] = value;
    }
  }
  return { values, labels };
}

/** The text that names a record, from a node that holds its display field. */
export function recordLabel(doc: MetadataDocument, entityName: string, node: Record<string, unknown> | null | undefined): string {
  if (!node) return '';
  const entity = doc.entities[entityName];
  const display = entity ? displayFieldOf(entity) : undefined;
  const value = display ? node[display] : undefined;
  return value != null && value !== '' ? String(value) : `Untitled ${entity?.label.toLowerCase() ?? 'record'}`;
}

/** A record's toMany relation (oneToMany or manyToMany) with some fields of the related records. */
export function buildRelatedQuery(
  doc: MetadataDocument,
  entityName: string,
  id: string,
  relationField: string,
  targetFields: string[],
  first = 50,
): Operation {
  const n = namesOf(doc, entityName);
  const field = entityOf(doc, entityName).fields[relationField];
  if (!isToMany(field)) throw new Error(`"${entityName}.${relationField}" is not a toMany relation`);
  const target = field.target ?? '';
  return {
    query:
      `query Related${n.type}($id: ID!, $first: Int) {\n` +
      `  ${n.single}(id: $id) { id ${relationField}(first: $first) { ${selectionSet(doc, target, targetFields)} } }\n}`,
    variables: { id, first },
  };
}
