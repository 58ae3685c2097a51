import { GraphQLScalarType, Kind, valueFromASTUntyped, type ValueNode } from 'graphql';

/** Any JSON value, passed through as is (documents, diffs, plans). */
export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast: ValueNode, variables) => (ast.kind === Kind.NULL ? null : valueFromASTUntyped(ast, variables)),
});
