/**
 * The fixed GraphQL types every generated schema shares (graphql-js types are immutable, so one instance
 * serves every schema version) and the mapping of registry type names to graphql-js types.
 */
import { declaredGraphQLTypes, type FilterOperator, type GraphQLTypeDeclaration } from '@trellis/metadata';
import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLFloat,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLType,
} from 'graphql';
import { DateScalar, DateTimeScalar, JSONScalar } from './scalars.js';

export const MoneyType = new GraphQLObjectType({
  name: 'Money',
  fields: { amount: { type: new GraphQLNonNull(GraphQLFloat) }, currency: { type: new GraphQLNonNull(GraphQLString) } },
});

export const MoneyInputType = new GraphQLInputObjectType({
  name: 'MoneyInput',
  fields: { amount: { type: new GraphQLNonNull(GraphQLFloat) }, currency: { type: GraphQLString } },
});

export const SortDirectionType = new GraphQLEnumType({ name: 'SortDirection', values: { ASC: { value: 'ASC' }, DESC: { value: 'DESC' } } });

export const PageInfoType = new GraphQLObjectType({
  name: 'PageInfo',
  fields: {
    hasNextPage: { type: new GraphQLNonNull(GraphQLBoolean) },
    hasPreviousPage: { type: new GraphQLNonNull(GraphQLBoolean) },
    startCursor: { type: GraphQLString },
    endCursor: { type: GraphQLString },
  },
});

/** Types the registry may name in `graphql(field)`. */
export const NAMED_TYPES: ReadonlyMap<string, GraphQLNamedType> = new Map(
  [GraphQLString, GraphQLInt, GraphQLFloat, GraphQLBoolean, GraphQLID, DateScalar, DateTimeScalar, JSONScalar, MoneyType, MoneyInputType].map((t) => [t.name, t]),
);

/** A registry GraphQL type name (`String`, `[String!]`, `Tag[]`, `Money`) → the graphql-js type (unknown names → JSON). */
export function typeRef(ref: string): GraphQLType {
  const text = ref.trim();
  if (text.endsWith('!')) return new GraphQLNonNull(typeRef(text.slice(0, -1)) as GraphQLInputType);
  if (text.startsWith('[') && text.endsWith(']')) return new GraphQLList(typeRef(text.slice(1, -1)));
  if (text.endsWith('[]')) return new GraphQLList(new GraphQLNonNull(typeRef(text.slice(0, -2)) as GraphQLInputType));
  return NAMED_TYPES.get(text) ?? declaredType(text) ?? JSONScalar;
}

/** One graphql-js type per declaration object (a schema must not hold two types of one name). */
const declared = new WeakMap<GraphQLTypeDeclaration, GraphQLNamedType>();

/** A type a registered field type declares in `graphqlTypes` (a plugin's `GeoPoint`), built once. */
function declaredType(name: string): GraphQLNamedType | undefined {
  const declaration = declaredGraphQLTypes().find((t) => t.name === name);
  if (!declaration) return undefined;
  let type = declared.get(declaration);
  if (!type) {
    const config = { name, ...(declaration.description ? { description: declaration.description } : {}) };
    const fields = () => Object.fromEntries(Object.entries(declaration.fields).map(([field, ref]) => [field, { type: typeRef(ref) }]));
    type = declaration.kind === 'input'
      ? new GraphQLInputObjectType({ ...config, fields: fields as never })
      : new GraphQLObjectType({ ...config, fields: fields as never });
    declared.set(declaration, type);
  }
  return type;
}

/** The input type of one filter operator. */
export function operatorType(op: FilterOperator, operand: GraphQLInputType, list: GraphQLInputType): GraphQLInputType {
  switch (op) {
    case 'in':
    case 'notIn':
    case 'containsAny':
    case 'containsAll':
      return list;
    case 'isNull':
      return GraphQLBoolean;
    case 'like':
    case 'ilike':
      return GraphQLString;
    default:
      return operand;
  }
}

/** GraphQL scalar of a SQL column type (for operands of composite types' columns). */
export function sqlScalar(sqlType: string): GraphQLInputType {
  const type = sqlType.toLowerCase();
  if (type === 'integer' || type === 'int' || type === 'smallint') return GraphQLInt;
  if (type.startsWith('numeric') || type === 'real' || type.startsWith('double')) return GraphQLFloat;
  if (type === 'boolean') return GraphQLBoolean;
  if (type === 'date') return DateScalar;
  if (type.startsWith('timestamp')) return DateTimeScalar;
  if (type === 'uuid') return GraphQLID;
  if (type === 'jsonb' || type === 'json') return JSONScalar;
  return GraphQLString;
}

