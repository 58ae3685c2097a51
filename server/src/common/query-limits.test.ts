import { buildSchema, parse, validate } from 'graphql';
import { queryLimitRules } from './query-limits.js';

const schema = buildSchema(`
  type Query { companies(first: Int): [Company!]! company(id: ID!): Company tags: [String!]! companyPage(first: Int): CompanyConnection! }
  type CompanyConnection { totalCount: Int! edges: [CompanyEdge!]! nodes: [Company!]! }
  type CompanyEdge { cursor: String! node: Company! }
  type Company { id: ID! name: String parent: Company people(first: Int): [Person!]! }
  type Person { id: ID! name: String company: Company }
`);

const errors = (query: string, limits: Parameters<typeof queryLimitRules>[0] = {}) => validate(schema, parse(query), queryLimitRules(limits)).map((e) => e.message);

describe('queryLimitRules', () => {
  it('lets ordinary queries through', () => {
    expect(errors('{ companies(first: 20) { id name people(first: 10) { name } } tags }')).toEqual([]);
  });

  it('refuses a query nested deeper than the limit, following fragments', () => {
    const deep = '{ company(id: 1) { parent { parent { parent { parent { name } } } } } }'; // depth 6
    expect(errors(deep, { maxDepth: 6 })).toEqual([]);
    expect(errors(deep, { maxDepth: 5 })).toEqual(['The query is nested 6 levels deep; the limit is 5 (TRELLIS_GRAPHQL_MAX_DEPTH).']);
    const viaFragments = 'query Q { company(id: 1) { ...P } } fragment P on Company { parent { ... on Company { parent { name } } } }';
    expect(errors(viaFragments, { maxDepth: 3 })).toEqual(['Operation Q is nested 4 levels deep; the limit is 3 (TRELLIS_GRAPHQL_MAX_DEPTH).']);
  });

  it('counts each field once, and what is under a list once per requested (or assumed) item', () => {
    // 1 (companies) + 20 × (1 id + 1 people + 10 × 2) = 441
    expect(errors('{ companies(first: 20) { id people(first: 10) { id name } } }', { maxComplexity: 441 })).toEqual([]);
    expect(errors('{ companies(first: 20) { id people(first: 10) { id name } } }', { maxComplexity: 440 })[0]).toMatch(/may touch 441 fields; the limit is 440/);
    // without `first`: 50 per list → 1 + 50 × (1 + 1 + 50 × 1) = 2601
    expect(errors('{ companies { id people { id } } }', { maxComplexity: 2600 })[0]).toMatch(/may touch 2601 fields/);
    expect(errors('{ companies { id people { id } } }', { maxComplexity: 2600, listSizes: { 'Company.people': 10 } })).toEqual([]);
  });

  it('applies the first of a connection to the lists directly inside it', () => {
    // 1 + (1 totalCount + 1 edges + 10 × (1 node + 1 id)) = 23
    expect(errors('{ companyPage(first: 10) { totalCount edges { node { id } } } }', { maxComplexity: 23 })).toEqual([]);
    expect(errors('{ companyPage(first: 10) { totalCount edges { node { id } } } }', { maxComplexity: 22 })[0]).toMatch(/may touch 23 fields/);
    // without first: 1 + (1 + 50 × 1) = 52; and a list further down does not inherit it
    expect(errors('{ companyPage { nodes { id } } }', { maxComplexity: 51 })[0]).toMatch(/may touch 52 fields/);
    expect(errors('{ companyPage(first: 2) { nodes { people { id } } } }', { maxComplexity: 104 })).toEqual([]); // 1 + 1 + 2 × (1 + 50 × 1)
  });

  it('does not count introspection, and survives fragment cycles (reported by graphql-js itself)', () => {
    expect(errors('{ __schema { types { name fields { name type { name ofType { name ofType { name ofType { name } } } } } } } }', { maxDepth: 2, maxComplexity: 1 })).toEqual([]);
    const cyclic = validate(schema, parse('{ company(id: 1) { ...A } } fragment A on Company { parent { ...A } }'), queryLimitRules());
    expect(cyclic).toEqual([]);
  });

  it('reads its defaults from the environment', () => {
    process.env['TRELLIS_GRAPHQL_MAX_DEPTH'] = '2';
    try {
      expect(errors('{ company(id: 1) { parent { name } } }')[0]).toMatch(/limit is 2/);
    } finally {
      delete process.env['TRELLIS_GRAPHQL_MAX_DEPTH'];
    }
  });
});
