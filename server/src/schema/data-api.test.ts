/**
 * The generated API over HTTP on the real app and a real Postgres: round trips, errors, the one-statement
 * guarantee, and a publish swapping the schema for the very next request.
 */
import { jest } from '@jest/globals';
import type { MetadataDocument } from '@trellis/metadata';
import { DatabaseService } from '../database/database.service.js';
import { middlewareBypassedBy } from '../common/http-entry.js';
import { countStatements } from '../records/testing/record-test-kit.js';
import { recordsDocument } from '../records/testing/records-fixture.js';
import { withTestApp, type TestApp } from '../testing/test-app.js';
import { DataApiEndpoint } from './data-api-endpoint.js';

jest.setTimeout(120_000);

let app: TestApp;
type Row = Record<string, unknown>;

beforeAll(async () => {
  app = await withTestApp(recordsDocument());
});

afterAll(async () => {
  await app?.close();
});

async function ok<T = Row>(query: string, variables?: Row): Promise<T> {
  const response = await app.graphql<T>(query, variables);
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data as T;
}

describe('generated /graphql', () => {
  it('answers _version with the published version', async () => {
    expect(await ok('{ _version }')).toEqual({ _version: app.published!.version });
  });

  it('creates and reads back records of every type through GraphQL', async () => {
    const { createCompany } = await ok<{ createCompany: Row }>('mutation { createCompany(data: { name: "Acme", revenue: { amount: 10.5 } }) { id revenue { amount currency } } }');
    expect(createCompany['revenue']).toEqual({ amount: 10.5, currency: 'EUR' });
    const data = {
      name: 'Ann',
      email: 'ann@example.com',
      bio: 'multi\nline',
      age: 41,
      score: 1.125,
      salary: { amount: 99.99, currency: 'CHF' },
      ratio: 33.3333,
      active: false,
      birthday: '2000-02-29',
      lastSeen: '2024-06-01T12:00:00Z',
      status: 'lead',
      interests: ['chess'],
      phone: '+41 44 000 00 00',
      website: 'https://ann.example',
      meta: { any: ['thing', 1, true, null] },
      company: createCompany['id'],
    };
    const fields = 'id name email bio age score salary { amount currency } ratio active birthday lastSeen status interests phone website meta company { id } createdBy';
    const { createPerson } = await ok<{ createPerson: Row }>(`mutation($d: PersonCreateInput!) { createPerson(data: $d) { ${fields} } }`, { d: data });
    const expected = { ...data, lastSeen: '2024-06-01T12:00:00.000Z', company: { id: createCompany['id'] }, createdBy: `user:${app.admin.id}` };
    expect(createPerson).toMatchObject(expected);
    const { person } = await ok<{ person: Row }>(`query($id: ID!) { person(id: $id) { ${fields} } }`, { id: createPerson['id'] });
    expect(person).toEqual(createPerson);
  });

  it('nests relations in both directions with aliases and arguments', async () => {
    const { createProject } = await ok<{ createProject: Row }>('mutation { createProject(data: { title: "X" }) { id } }');
    const { createCompany } = await ok<{ createCompany: Row }>('mutation { createCompany(data: { name: "Nest" }) { id } }');
    await ok('mutation($d: [PersonCreateInput!]!) { createPeople(data: $d) { id } }', {
      d: [
        { name: 'n1', company: createCompany['id'], projects: [createProject['id']] },
        { name: 'n2', company: createCompany['id'], projects: [createProject['id']] },
      ],
    });
    const data = await ok<{ company: Row }>(
      `query($id: ID!) { company(id: $id) { name first: people(first: 1, orderBy: [{ field: name, direction: DESC }]) { name }
        all: people(first: 10) { name projects(first: 5) { title members(first: 10, orderBy: [{ field: name }]) { name company { name } } } } } }`,
      { id: createCompany['id'] },
    );
    expect(data.company['first']).toEqual([{ name: 'n2' }]);
    const all = data.company['all'] as Row[];
    expect(all).toHaveLength(2);
    expect((all[0]!['projects'] as Row[])[0]).toEqual({ title: 'X', members: [{ name: 'n1', company: { name: 'Nest' } }, { name: 'n2', company: { name: 'Nest' } }] });
  });

  it('answers a list of 50 with nested manyToOne and oneToMany with exactly ONE SQL statement', async () => {
    const { createCompany } = await ok<{ createCompany: Row }>('mutation { createCompany(data: { name: "N+1 Inc" }) { id } }');
    await ok('mutation($d: [PersonCreateInput!]!) { createPeople(data: $d) { id } }', {
      d: Array.from({ length: 60 }, (_, i) => ({ name: `np${String(i).padStart(2, '0')}`, company: createCompany['id'] })),
    });
    const pool = app.app.get(DatabaseService).pool;
    const counter = countStatements(pool);
    try {
      const data = await ok<{ people: { totalCount: number; edges: { node: Row }[] } }>(
        `{ people(first: 50, filter: { name: { like: "np%" } }, orderBy: [{ field: name }]) {
            totalCount pageInfo { hasNextPage endCursor }
            edges { cursor node { name company { name people(first: 2) { name } } projects { title } } } } }`,
      );
      expect(data.people.totalCount).toBe(60);
      expect(data.people.edges).toHaveLength(50);
      expect((data.people.edges[0]!.node['company'] as Row)['name']).toBe('N+1 Inc');
      // The app's workflow dispatcher polls its own tables on the same pool meanwhile: only record reads count here.
      expect(counter.statements.filter((sql) => sql.includes('"main".'))).toHaveLength(1);
    } finally {
      counter.restore();
    }
  });

  it('reads @include variables and nested arguments on every request, not from an earlier request of the same operation', async () => {
    const { createCompany } = await ok<{ createCompany: Row }>('mutation { createCompany(data: { name: "Memo" }) { id } }');
    await ok('mutation($d: [PersonCreateInput!]!) { createPeople(data: $d) { id } }', {
      d: [
        { name: 'memo1', email: 'memo1@example.com', company: createCompany['id'] },
        { name: 'memo2', email: 'memo2@example.com', company: createCompany['id'] },
      ],
    });
    const query = `query($id: ID!, $withEmail: Boolean!, $n: Int) {
      company(id: $id) { name @include(if: $withEmail) people(first: $n, orderBy: [{ field: name }]) { name email @include(if: $withEmail) } } }`;
    const run = (withEmail: boolean, n: number) => ok<{ company: Row }>(query, { id: createCompany['id'], withEmail, n });
    expect((await run(true, 1)).company).toEqual({ name: 'Memo', people: [{ name: 'memo1', email: 'memo1@example.com' }] });
    expect((await run(false, 2)).company).toEqual({ people: [{ name: 'memo1' }, { name: 'memo2' }] });
    const plain = 'query($id: ID!) { company(id: $id) { name } }';
    for (let i = 0; i < 2; i++) expect(await ok(plain, { id: createCompany['id'] })).toEqual({ company: { name: 'Memo' } });
  });

  it('reports a query for a field that does not exist as a normal GraphQL validation error', async () => {
    const response = await app.graphql('{ people { edges { node { nope } } } }');
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0]?.message).toContain('Cannot query field "nope" on type "Person"');
    expect(response.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('returns VALIDATION_FAILED with fieldErrors, NOT_FOUND and BAD_USER_INPUT codes', async () => {
    const invalid = await app.graphql('mutation { createPeople(data: [{ name: "fine" }, { email: "bad" }]) { id } }');
    expect(invalid.errors?.[0]?.extensions?.['code']).toBe('VALIDATION_FAILED');
    expect(invalid.errors?.[0]?.extensions?.['fieldErrors']).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'name', index: 1 }), expect.objectContaining({ field: 'email', index: 1 })]),
    );
    const missing = await app.graphql('mutation { deletePerson(id: "00000000-0000-4000-8000-000000000000") { id } }');
    expect(missing.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const cursor = await app.graphql('{ people(after: "bm90IGEgY3Vyc29y") { totalCount } }');
    expect(cursor.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(cursor)).not.toContain('stacktrace');
  });

  it('keeps injection attempts in filter values and like patterns as data', async () => {
    const data = await ok<{ people: { totalCount: number } }>(
      `query($v: String!) { people(filter: { or: [{ name: { eq: $v } }, { name: { like: $v } }, { email: { ilike: $v } }] }) { totalCount } }`,
      { v: `x'); DROP TABLE main.person; --` },
    );
    expect(data.people.totalCount).toBe(0);
    const still = await ok<{ people: { totalCount: number } }>('{ people { totalCount } }');
    expect(still.people.totalCount).toBeGreaterThan(0);
  });

  it('answers Postgres failures with a generic INTERNAL_SERVER_ERROR, no SQL, no stack', async () => {
    await app.pool.query('ALTER TABLE main.project RENAME COLUMN title TO title_moved');
    try {
      const response = await app.graphql('{ projects { edges { node { title } } } }');
      expect(response.errors).toEqual([expect.objectContaining({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } })]);
      expect(JSON.stringify(response)).not.toMatch(/title_moved|does not exist|SELECT|stack/i);
    } finally {
      await app.pool.query('ALTER TABLE main.project RENAME COLUMN title_moved TO title');
    }
  });

  it('serves a self-contained explorer page to browsers (nothing loaded from the internet)', async () => {
    const response = await fetch(app.baseUrl + '/graphql', { headers: { accept: 'text/html', cookie: app.admin.client.cookie } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Trellis data API');
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('serves a field added by a publish from the very next request', async () => {
    const before = await app.graphql('{ projects { edges { node { budget } } } }');
    expect(before.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    const doc: MetadataDocument = structuredClone(recordsDocument());
    doc.entities['project']!.fields['budget'] = { type: 'integer', label: 'Budget' };
    const published = await app.publish(doc, 'add budget');
    const created = await ok<{ createProject: Row }>('mutation { createProject(data: { title: "B", budget: 7 }) { budget } }');
    expect(created.createProject).toEqual({ budget: 7 });
    expect(await ok('{ _version }')).toEqual({ _version: published.version });
  });
});

describe('/graphql over HTTP', () => {
  const post = (body: string, path = '/graphql') =>
    fetch(app.baseUrl + path, { method: 'POST', headers: { 'content-type': 'application/json', cookie: app.admin.client.cookie }, body });

  it('takes the fast path for POST /graphql: no Express middleware of the app is skipped by it', () => {
    const express = app.app.getHttpAdapter().getInstance();
    expect(middlewareBypassedBy(express, app.app.get(DataApiEndpoint).fastRoute())).toEqual([]);
  });

  it('answers malformed JSON with 400 and a GraphQL-style error body', async () => {
    const response = await post('{ "query": "{ _version }" ');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ message: expect.stringMatching(/^Malformed JSON in request body/), extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('refuses a body over 10 MB with 413 and says so', async () => {
    const response = await post(JSON.stringify({ query: '{ _version }', variables: { pad: 'x'.repeat(10 * 1024 * 1024) } }));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [{ message: 'The request body is larger than the limit of 10 MB.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
  });

  it('answers the same through Express (GET queries, /graphql/) as on the fast path', async () => {
    const expected = await (await post('{"query":"{ _version }"}')).json();
    expect(expected).toEqual({ data: { _version: expect.any(Number) } });
    expect(await (await post('{"query":"{ _version }"}', '/graphql/')).json()).toEqual(expected);
    expect(await (await post('{ "query": ', '/graphql/')).json()).toEqual({
      errors: [{ message: expect.stringMatching(/^Malformed JSON/), extensions: { code: 'BAD_REQUEST' } }],
    });
    const get = await fetch(`${app.baseUrl}/graphql?query=${encodeURIComponent('{ _version }')}`, { headers: { 'apollo-require-preflight': '1', cookie: app.admin.client.cookie } });
    expect(await get.json()).toEqual(expected);
  });
});
