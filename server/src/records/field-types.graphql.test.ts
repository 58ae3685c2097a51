/**
 * The autoNumber, rating, richText and duration field types end to end: published through the real plan
 * (DDL, sequence, backfill), written and read through /graphql on a real Postgres.
 */
import { jest } from '@jest/globals';
import type { FieldDefinition, MetadataDocument } from '@trellis/metadata';
import { withTestApp, type GraphQLResponse, type TestApp } from '../testing/test-app.js';

jest.setTimeout(120_000);

type Row = Record<string, unknown>;
let app: TestApp;

const ticketFields = (extra: Record<string, FieldDefinition> = {}): Record<string, FieldDefinition> => ({
  title: { type: 'text', label: 'Title', required: true },
  stars: { type: 'rating', label: 'Stars' },
  notes: { type: 'richText', label: 'Notes', maxLength: 20 },
  spent: { type: 'duration', label: 'Time spent', max: 86400 },
  ...extra,
});
const documentWith = (fields: Record<string, FieldDefinition>): MetadataDocument => ({
  entities: { ticket: { label: 'Ticket', pluralLabel: 'Tickets', plural: 'tickets', displayField: 'title', fields } },
});

beforeAll(async () => {
  app = await withTestApp(documentWith(ticketFields()));
});

afterAll(async () => {
  await app?.close();
});

async function ok<T = Row>(query: string, variables?: Row): Promise<T> {
  const response = await app.graphql<T>(query, variables);
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data as T;
}

const fieldErrors = (response: GraphQLResponse) => {
  expect(response.errors?.[0]?.extensions?.['code']).toBe('VALIDATION_FAILED');
  return response.errors![0]!.extensions!['fieldErrors'];
};

const create = (data: Row, fields = 'id title') =>
  ok<{ createTicket: Row }>(`mutation($d: TicketCreateInput!) { createTicket(data: $d) { ${fields} } }`, { d: data }).then((r) => r.createTicket);

describe('rating, richText and duration through /graphql', () => {
  it('round-trips a rating (Int 1..max), a duration (Int seconds) and sanitized rich text', async () => {
    const created = await create(
      { title: 'Round trip', stars: 4, spent: 5400, notes: '<p>Hi <b>there</b></p>' },
      'id title stars spent notes',
    );
    expect(created).toMatchObject({ stars: 4, spent: 5400, notes: '<p>Hi <strong>there</strong></p>' });
    const { ticket } = await ok<{ ticket: Row }>('query($id: ID!) { ticket(id: $id) { stars spent notes } }', { id: created['id'] });
    expect(ticket).toEqual({ stars: 4, spent: 5400, notes: '<p>Hi <strong>there</strong></p>' });
  });

  it('refuses a rating outside 1..max, a negative or too long duration and too much text', async () => {
    const response = await app.graphql('mutation { createTicket(data: { title: "Bad", stars: 6, spent: -1, notes: "<p><b>123456789012345678901</b></p>" }) { id } }');
    expect(fieldErrors(response)).toEqual([
      { field: 'stars', message: 'Stars must be at most 5' },
      { field: 'spent', message: 'Time spent must be at least 0' },
      { field: 'notes', message: 'Notes must be at most 20 characters (it has 21)' },
    ]);
    const wrongType = await app.graphql('mutation { createTicket(data: { title: "T", spent: "1h" }) { id } }');
    expect(wrongType.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it.each([
    ['a script', '<p>a</p><script>alert(1)</script>', '<p>a</p>'],
    ['an img with onerror', '<p>b<img src=x onerror="alert(1)"></p>', '<p>b</p>'],
    ['a javascript: link', '<p><a href="javascript:alert(1)">c</a></p>', '<p><a>c</a></p>'],
    ['an svg with onload', '<svg onload="alert(1)"></svg><p>d</p>', '<p>d</p>'],
    ['a style element and attribute', '<style>*{}</style><p style="x:y">e</p>', '<p>e</p>'],
  ])('stores rich text with %s neutralised, on create and on update', async (_what, payload, safe) => {
    const created = await create({ title: 'XSS', notes: payload }, 'id notes');
    expect(created['notes']).toBe(safe);
    const stored = await app.pool.query('SELECT notes FROM main.ticket WHERE id = $1', [created['id']]);
    expect(stored.rows[0].notes).toBe(safe);
    const { updateTicket } = await ok<{ updateTicket: Row }>('mutation($id: ID!, $n: String) { updateTicket(id: $id, data: { notes: $n }) { notes } }', {
      id: created['id'],
      n: `<p>ok</p>${payload}`,
    });
    expect(updateTicket['notes']).not.toMatch(/script|onerror|onload|javascript:|style/i);
  });

  it('keeps safe links, forcing rel="noopener noreferrer"', async () => {
    const created = await create({ title: 'Link', notes: '<p><a href="https://example.com" target="_self">x</a></p>' }, 'notes');
    expect(created['notes']).toBe('<p><a href="https://example.com" rel="noopener noreferrer" target="_blank">x</a></p>');
  });

  it('treats rich text without text as empty', async () => {
    const created = await create({ title: 'Empty notes', notes: '<p><br></p>' }, 'notes');
    expect(created['notes']).toBeNull();
  });

  it('filters and sorts ratings and durations like integers', async () => {
    await ok('mutation($d: [TicketCreateInput!]!) { createTickets(data: $d) { id } }', {
      d: [
        { title: 'fs-a', stars: 1, spent: 60 },
        { title: 'fs-b', stars: 5, spent: 7200 },
        { title: 'fs-c', stars: 3, spent: 3600 },
      ],
    });
    const data = await ok<{ tickets: { edges: { node: Row }[] } }>(
      `{ tickets(filter: { title: { like: "fs-%" }, stars: { gte: 3 }, spent: { lt: 7201 } }, orderBy: [{ field: spent, direction: DESC }]) { edges { node { title } } } }`,
    );
    expect(data.tickets.edges.map((e) => e.node['title'])).toEqual(['fs-b', 'fs-c']);
  });
});

describe('autoNumber through publish and /graphql', () => {
  const number: FieldDefinition = { type: 'autoNumber', label: 'Number', prefix: 'T-', digits: 4 };

  it('numbers existing records in creation order when the field is added, then every new record', async () => {
    const before = await ok<{ tickets: { totalCount: number } }>('{ tickets { totalCount } }');
    await app.publish(documentWith(ticketFields({ number })), 'add number');
    const { tickets } = await ok<{ tickets: { edges: { node: Row }[] } }>('{ tickets(first: 500, orderBy: [{ field: createdAt }]) { edges { node { number } } } }');
    const numbers = tickets.edges.map((e) => e.node['number']);
    expect(numbers).toEqual(Array.from({ length: before.tickets.totalCount }, (_, i) => `T-${String(i + 1).padStart(4, '0')}`));
    const next = await create({ title: 'Numbered' }, 'number');
    expect(next['number']).toBe(`T-${String(before.tickets.totalCount + 1).padStart(4, '0')}`);
  });

  it('is not part of the create and update inputs', async () => {
    const response = await app.graphql('mutation { createTicket(data: { title: "x", number: "T-9999" }) { id } }');
    expect(response.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0]?.message).toMatch(/"number" is not defined by type "TicketCreateInput"/);
  });

  it('filters on the shown text and sorts by the number, with keyset pagination', async () => {
    const eq = await ok<{ tickets: { edges: { node: Row }[] } }>('{ tickets(filter: { number: { eq: "T-0002" } }) { edges { node { number } } } }');
    expect(eq.tickets.edges).toEqual([{ node: { number: 'T-0002' } }]);
    const like = await ok<{ tickets: { totalCount: number } }>('{ tickets(filter: { number: { in: ["T-0001", "T-0003", "nope"] } }) { totalCount } }');
    expect(like.tickets.totalCount).toBe(2);
    const page1 = await ok<{ tickets: { edges: { node: Row }[]; pageInfo: Row } }>(
      '{ tickets(first: 2, orderBy: [{ field: number, direction: DESC }]) { edges { node { number } } pageInfo { endCursor } } }',
    );
    const all = await ok<{ tickets: { edges: { node: Row }[] } }>('{ tickets(first: 500, orderBy: [{ field: number, direction: DESC }]) { edges { node { number } } } }');
    const sorted = all.tickets.edges.map((e) => e.node['number'] as string);
    expect(sorted).toEqual([...sorted].sort().reverse());
    const page2 = await ok<{ tickets: { edges: { node: Row }[] } }>(
      'query($after: String) { tickets(first: 2, after: $after, orderBy: [{ field: number, direction: DESC }]) { edges { node { number } } } }',
      { after: page1.tickets.pageInfo['endCursor'] },
    );
    expect([...page1.tickets.edges, ...page2.tickets.edges].map((e) => e.node['number'])).toEqual(sorted.slice(0, 4));
  });

  it('shows a new prefix and padding at once, without rewriting the stored numbers', async () => {
    await app.publish(documentWith(ticketFields({ number: { ...number, prefix: 'TK', digits: 6 } })), 'new prefix');
    const eq = await ok<{ tickets: { edges: { node: Row }[] } }>('{ tickets(filter: { number: { eq: "TK000001" } }) { edges { node { number } } } }');
    expect(eq.tickets.edges).toEqual([{ node: { number: 'TK000001' } }]);
    const stored = await app.pool.query('SELECT min(number)::int AS n FROM main.ticket');
    expect(stored.rows[0].n).toBe(1);
  });

  it('keeps its numbers and its sequence through a rename, and continues after them when removed and restored', async () => {
    const renamed = { ...number, prefix: 'TK', digits: 6, renamedFrom: 'number' };
    await app.publish(documentWith(ticketFields({ ref: renamed })), 'rename number to ref');
    const afterRename = await create({ title: 'After rename' }, 'ref');
    const max = await app.pool.query('SELECT max(ref)::int AS n FROM main.ticket');
    expect(afterRename['ref']).toBe(`TK${String(max.rows[0].n).padStart(6, '0')}`);

    await app.publish(documentWith(ticketFields()), 'remove ref');
    await create({ title: 'While removed' });
    await app.publish(documentWith(ticketFields({ ref: { ...number, prefix: 'TK', digits: 6 } })), 'ref comes back');
    const restored = await ok<{ tickets: { edges: { node: Row }[] } }>(
      '{ tickets(filter: { title: { in: ["After rename", "While removed"] } }, orderBy: [{ field: createdAt }]) { edges { node { title ref } } } }',
    );
    const [kept, numberedOnRestore] = restored.tickets.edges.map((e) => e.node);
    expect(kept).toEqual({ title: 'After rename', ref: afterRename['ref'] });
    const next = await create({ title: 'After restore' }, 'ref');
    const values = [kept!['ref'], numberedOnRestore!['ref'], next['ref']].map((v) => Number(String(v).slice(2)));
    expect(new Set(values).size).toBe(3);
    expect(values[2]).toBeGreaterThan(Math.max(values[0]!, values[1]!));
  });

  it('turns an integer into an auto-number, keeping its values and numbering the rest after them', async () => {
    const fields = ticketFields({ legacy: { type: 'integer', label: 'Legacy' } });
    await app.publish(documentWith(fields), 'add legacy');
    await create({ title: 'legacy-a', legacy: 500 });
    await create({ title: 'legacy-b' });
    await app.publish(documentWith({ ...fields, legacy: { type: 'autoNumber', label: 'Legacy', prefix: 'L' } }), 'legacy becomes auto');
    const data = await ok<{ tickets: { edges: { node: Row }[] } }>(
      '{ tickets(filter: { title: { like: "legacy-%" } }, orderBy: [{ field: title }]) { edges { node { title legacy } } } }',
    );
    expect(data.tickets.edges.map((e) => e.node)).toEqual([
      { title: 'legacy-a', legacy: 'L500' },
      { title: 'legacy-b', legacy: expect.stringMatching(/^L[0-9]+$/) },
    ]);
    const next = await create({ title: 'legacy-c' }, 'legacy');
    expect(Number(String(next['legacy']).slice(1))).toBeGreaterThan(500);
  });
});
