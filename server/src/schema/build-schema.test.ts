import { testContext } from '../testing/contexts.js';
import { graphql, printSchema, validateSchema, type GraphQLSchema } from 'graphql';
import type { MetadataDocument } from '@trellis/metadata';
import { recordsDocument } from '../records/testing/records-fixture.js';
import { buildDataSchema } from './build-schema.js';
import type { DataApiContext } from './data-api-context.js';

const request = testContext('test');

function sdlBlock(schema: GraphQLSchema, header: string): string {
  const sdl = printSchema(schema);
  const start = sdl.indexOf(header + ' {');
  if (start < 0) throw new Error(`no ${header} in schema`);
  return sdl.slice(start, sdl.indexOf('\n}', start) + 2);
}

/** Runs a query against the schema with a records service that records its calls and answers `answer`. */
async function run(schema: GraphQLSchema, query: string, answer: unknown, variables?: Record<string, unknown>) {
  const calls: { method: string; args: unknown[] }[] = [];
  const recorder = (method: string) => async (...args: unknown[]) => {
    calls.push({ method, args });
    return answer;
  };
  const records = {
    get: recorder('get'),
    list: recorder('list'),
    create: recorder('create'),
    createMany: recorder('createMany'),
    update: recorder('update'),
    delete: recorder('delete'),
  } as unknown as DataApiContext['records'];
  const result = await graphql({ schema, source: query, contextValue: { request, records }, variableValues: variables });
  return { result, calls };
}

describe('buildDataSchema', () => {
  const schema = buildDataSchema(recordsDocument(), { version: 7 });

  it('builds a valid schema, also for an empty document', () => {
    expect(validateSchema(schema)).toEqual([]);
    const empty = buildDataSchema({ entities: {} });
    expect(validateSchema(empty)).toEqual([]);
    expect(sdlBlock(empty, 'type Query')).toContain('_version: Int!');
  });

  it('generates the contract root fields', () => {
    const query = sdlBlock(schema, 'type Query');
    expect(query).toContain('person(id: ID!): Person');
    expect(query).toContain(
      'people(filter: PersonFilter, where: JSON, orderBy: [PersonOrderBy!], first: Int, after: String, last: Int, before: String): PersonConnection!',
    );
    const mutation = sdlBlock(schema, 'type Mutation');
    expect(mutation).toContain('createPerson(data: PersonCreateInput!): Person!');
    expect(mutation).toContain('createPeople(data: [PersonCreateInput!]!): [Person!]!');
    expect(mutation).toContain('updatePerson(id: ID!, data: PersonUpdateInput!): Person!');
    expect(mutation).toContain('deletePerson(id: ID!): Person!');
  });

  it('types entity fields from the registry, relations as nested types', () => {
    const person = sdlBlock(schema, 'type Person');
    for (const line of [
      'id: ID!',
      'createdAt: DateTime!',
      'updatedAt: DateTime!',
      'createdBy: String',
      'name: String',
      'age: Int',
      'score: Float',
      'salary: Money',
      'active: Boolean',
      'birthday: Date',
      'lastSeen: DateTime',
      'interests: [String!]',
      'meta: JSON',
      'company: Company',
      'projects(filter: ProjectFilter, where: JSON, orderBy: [ProjectOrderBy!], first: Int = 100): [Project!]!',
    ]) {
      expect(person).toContain(line);
    }
    expect(sdlBlock(schema, 'type Money')).toContain('amount: Float!');
    expect(sdlBlock(schema, 'type PageInfo')).toContain('endCursor: String');
  });

  it('offers exactly the registry operators per type in `${Type}Filter` inputs', () => {
    const text = sdlBlock(schema, 'input TextFilter');
    expect(text).toContain('like: String');
    expect(text).toContain('in: [String!]');
    expect(text).not.toContain('gt:');
    const integer = sdlBlock(schema, 'input IntegerFilter');
    expect(integer).toContain('gte: Int');
    expect(integer).not.toContain('like');
    const currency = sdlBlock(schema, 'input CurrencyFilter');
    expect(currency).toContain('gt: Float');
    expect(currency).toContain('currency: String');
    const multi = sdlBlock(schema, 'input MultiSelectFilter');
    expect(multi).toContain('containsAny: [String!]');
    expect(sdlBlock(schema, 'input DateFilter')).toContain('lt: Date');
    expect(sdlBlock(schema, 'input IDFilter')).toContain('in: [ID!]');
    const filter = sdlBlock(schema, 'input PersonFilter');
    for (const line of ['and: [PersonFilter!]', 'not: PersonFilter', 'id: IDFilter', 'createdAt: DateTimeFilter', 'company: CompanyFilter', 'projects: ProjectRelationFilter']) {
      expect(filter).toContain(line);
    }
    expect(sdlBlock(schema, 'input ProjectRelationFilter')).toContain('none: ProjectFilter');
  });

  it('orders by sortable fields only and writes relations by id', () => {
    const order = sdlBlock(schema, 'enum PersonOrderField');
    expect(order).toContain('createdAt');
    expect(order).toContain('salary');
    expect(order).not.toContain('interests');
    expect(order).not.toContain('company');
    expect(sdlBlock(schema, 'input PersonOrderBy')).toContain('direction: SortDirection = ASC');
    const create = sdlBlock(schema, 'input PersonCreateInput');
    expect(create).toContain('salary: MoneyInput');
    expect(create).toContain('company: ID');
    expect(create).toContain('projects: [ID!]');
    expect(create).not.toContain('createdAt');
    expect(sdlBlock(schema, 'input CompanyCreateInput')).not.toContain('people');
  });

  it('gives an entity without writable fields a placeholder input', () => {
    const doc: MetadataDocument = { entities: { thing: { label: 'Thing', pluralLabel: 'Things', plural: 'things', fields: {} } } };
    const thing = buildDataSchema(doc);
    expect(validateSchema(thing)).toEqual([]);
  });

  it('answers _version', async () => {
    const { result } = await run(schema, '{ _version }', null);
    expect(result).toEqual({ data: { _version: 7 } });
  });

  it('hands the whole selection tree to ONE record call, with aliases, fragments and directives', async () => {
    const query = `query Q($skip: Boolean!, $min: Int) {
      people(first: 2, filter: { age: { gt: 3 } }) {
        totalCount
        edges { cursor node { ...P fullName: name email @skip(if: $skip) } }
      }
    }
    fragment P on Person { id company { name } projects(first: $min, filter: { title: { ilike: "a%" } }) { title } older: projects(filter: { title: { eq: "b" } }) @include(if: true) { id } age @include(if: false) salary { amount } }`;
    const answer = {
      totalCount: 1,
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
      edges: [{ cursor: 'c1', node: { id: 'x', fullName: 'Ann', company: { name: 'Acme' }, projects: [{ title: 'P' }], older: [], salary: { amount: 5, currency: 'USD' } } }],
    };
    const { result, calls } = await run(schema, query, answer, { skip: true, min: 3 });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      people: { totalCount: 1, edges: [{ cursor: 'c1', node: { id: 'x', company: { name: 'Acme' }, projects: [{ title: 'P' }], older: [], salary: { amount: 5 }, fullName: 'Ann' } }] },
    });
    expect(calls).toHaveLength(1);
    const [, entity, args, options] = calls[0]!.args as [unknown, string, Record<string, unknown>, { selection: unknown }];
    expect(entity).toBe('person');
    expect(args['first']).toBe(2);
    expect(options.selection).toEqual({
      totalCount: true,
      pageInfo: false,
      cursors: true,
      node: {
        fields: [
          { key: 'id', field: 'id' },
          { key: 'company', field: 'company', selection: { fields: [{ key: 'name', field: 'name' }] } },
          { key: 'projects', field: 'projects', args: { first: 3, filter: { title: { ilike: 'a%' } } }, selection: { fields: [{ key: 'title', field: 'title' }] } },
          { key: 'older', field: 'projects', args: { first: 100, filter: { title: { eq: 'b' } } }, selection: { fields: [{ key: 'id', field: 'id' }] } },
          { key: 'salary', field: 'salary' },
          { key: 'fullName', field: 'name' },
        ],
      },
    });
  });

  it('passes mutation input as plain values and the selection of the result', async () => {
    const { result, calls } = await run(
      schema,
      'mutation { createPerson(data: { name: "Ann", salary: { amount: 5 }, projects: [] }) { id } }',
      { id: 'x' },
    );
    expect(result.errors).toBeUndefined();
    expect(calls[0]!.method).toBe('create');
    expect(calls[0]!.args[2]).toEqual({ name: 'Ann', salary: { amount: 5 }, projects: [] });
    expect(Object.getPrototypeOf(calls[0]!.args[2])).toBe(Object.prototype);
  });

  it('rejects invalid Date and DateTime values', async () => {
    const { result } = await run(schema, '{ people(filter: { birthday: { eq: "2024-02-30" } }) { totalCount } }', null);
    expect(result.errors?.[0]?.message).toContain('Date cannot represent');
    const dt = await run(schema, '{ people(filter: { lastSeen: { eq: "yesterday" } }) { totalCount } }', null);
    expect(dt.result.errors?.[0]?.message).toContain('DateTime');
  });
});
