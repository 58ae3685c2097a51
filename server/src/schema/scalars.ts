/**
 * Trellis's custom GraphQL scalars: Date ('YYYY-MM-DD'), DateTime (ISO 8601 with offset), JSON.
 * Values stay strings: Postgres parses them, the record SQL formats them back.
 */
import { isValidDate, isValidDateTime } from '@trellis/metadata';
import { GraphQLError, GraphQLScalarType, Kind, valueFromASTUntyped, type ValueNode } from 'graphql';

function stringScalar(name: string, description: string, valid: (v: string) => boolean, example: string): GraphQLScalarType {
  const parse = (value: unknown): string => {
    if (typeof value !== 'string' || !valid(value)) {
      throw new GraphQLError(`${name} cannot represent ${JSON.stringify(value)}: expected a value like ${example}`);
    }
    return value;
  };
  return new GraphQLScalarType({
    name,
    description,
    serialize: (value) => (value instanceof Date ? (name === 'Date' ? value.toISOString().slice(0, 10) : value.toISOString()) : value),
    parseValue: parse,
    parseLiteral: (ast: ValueNode) => {
      if (ast.kind !== Kind.STRING) throw new GraphQLError(`${name} must be a string like ${example}`, { nodes: ast });
      return parse(ast.value);
    },
  });
}

export const DateScalar = stringScalar('Date', 'A calendar date, YYYY-MM-DD.', isValidDate, '"2024-03-31"');

export const DateTimeScalar = stringScalar(
  'DateTime',
  'An instant in ISO 8601 with a time zone offset; returned in UTC with Z.',
  isValidDateTime,
  '"2024-03-31T09:30:00Z"',
);

export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});
