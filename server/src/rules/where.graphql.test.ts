/**
 * The JSON Logic `where` argument and saved views through the generated API at /graphql (real server, real
 * Postgres), and the publish-time check of view filters through /metadata.
 */
import type { MetadataDocument } from '@trellis/metadata';
import { withTestApp, type TestApp } from '../testing/test-app.js';
import { ruleDocument } from './testing/rule-fixture.js';

let t: TestApp;

interface DealsData {
  deals: { totalCount: number; edges: { node: { title: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const titles = (data: DealsData | null | undefined) => data!.deals.edges.map((e) => e.node.title);

beforeAll(async () => {
  t = await withTestApp(ruleDocument());
  const companies = await t.graphql<{ createCompanies: { id: string }[] }>(
    `mutation { createCompanies(data: [{ name: "Acme", employees: 50 }, { name: "Tiny", employees: 2 }]) { id } }`,
  );
  const [acme, tiny] = companies.data!.createCompanies.map((c) => c.id);
  const created = await t.graphql(
    `mutation($data: [DealCreateInput!]!) { createDeals(data: $data) { id } }`,
    {
      data: [
        { title: 'Alpha', qty: 12, stage: 'new', active: true, company: acme },
        { title: 'Beta', qty: 3, stage: 'won', active: false, company: acme },
        { title: 'Gamma', qty: 30, stage: 'new', company: tiny },
        { title: 'Delta', stage: 'lost' },
        { title: 'Epsilon', qty: 10, stage: 'new', company: tiny },
      ],
    },
  );
  expect(created.errors).toBeUndefined();
});

afterAll(async () => {
  await t?.close();
});

const LIST = `query($where: JSON, $filter: DealFilter, $first: Int, $after: String, $orderBy: [DealOrderBy!]) {
  deals(where: $where, filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    totalCount edges { node { title } } pageInfo { hasNextPage endCursor } } }`;

describe('where: JSON Logic on list root fields', () => {
  it('selects the records the rule holds for, ANDed with filter, counted and paginated', async () => {
    const where = { and: [{ '>=': [{ var: 'record.qty' }, 10] }, { '==': [{ var: 'record.stage' }, 'new'] }] };
    const all = await t.graphql<DealsData>(LIST, { where, orderBy: [{ field: 'qty' }] });
    expect(all.errors).toBeUndefined();
    expect(titles(all.data)).toEqual(['Epsilon', 'Alpha', 'Gamma']);
    expect(all.data!.deals.totalCount).toBe(3);

    const filtered = await t.graphql<DealsData>(LIST, { where, filter: { title: { neq: 'Alpha' } }, orderBy: [{ field: 'qty' }] });
    expect(titles(filtered.data)).toEqual(['Epsilon', 'Gamma']);

    const page1 = await t.graphql<DealsData>(LIST, { where, first: 2, orderBy: [{ field: 'qty' }] });
    expect(titles(page1.data)).toEqual(['Epsilon', 'Alpha']);
    const page2 = await t.graphql<DealsData>(LIST, { where, first: 2, after: page1.data!.deals.pageInfo.endCursor, orderBy: [{ field: 'qty' }] });
    expect(titles(page2.data)).toEqual(['Gamma']);
    expect(page2.data!.deals.pageInfo.hasNextPage).toBe(false);
  });

  it("follows JSON Logic semantics: null < 1, truthiness, related records, the request's user", async () => {
    const nullQty = await t.graphql<DealsData>(LIST, { where: { '<': [{ var: 'record.qty' }, 1] } });
    expect(titles(nullQty.data)).toEqual(['Delta']);
    const truthy = await t.graphql<DealsData>(LIST, { where: { '!': { var: 'record.active' } }, orderBy: [{ field: 'title' }] });
    expect(titles(truthy.data)).toEqual(['Beta', 'Delta', 'Epsilon', 'Gamma']);
    const related = await t.graphql<DealsData>(LIST, { where: { '>': [{ var: 'record.company.employees' }, 10] }, orderBy: [{ field: 'title' }] });
    expect(titles(related.data)).toEqual(['Alpha', 'Beta']);
    const user = await t.graphql<DealsData>(LIST, { where: { '==': [{ var: 'user.id' }, t.admin.id] } });
    expect(user.data!.deals.totalCount).toBe(5);
  });

  it('answers BAD_USER_INPUT with the compiler message for a rule SQL cannot run exactly', async () => {
    const result = await t.graphql(LIST, { where: { '==': [{ var: 'record.title' }, 5] } });
    expect(result.data).toBeNull();
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'type-mismatch', at: '==' });
    expect(result.errors![0]!.message).toContain('record.title');
    const unknown = await t.graphql(LIST, { where: { regexMatch: ['^A', { var: 'record.title' }] } });
    expect(unknown.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'unsupported-operator' });
    const text = await t.graphql(LIST, { where: '{"==": [1, 1]}' });
    expect(text.errors![0]!.message).toContain('not as a string');
  });
});

describe('where on toMany relation fields', () => {
  it('filters the related list with JSON Logic, ANDed with its filter', async () => {
    const result = await t.graphql<{ companies: { edges: { node: { name: string; deals: { title: string }[] } }[] } }>(
      `query($where: JSON) { companies(orderBy: [{ field: name }]) { edges { node { name
        deals(where: $where, filter: { title: { neq: "Gamma" } }, orderBy: [{ field: title }]) { title } } } } }`,
      { where: { '!=': [{ var: 'record.stage' }, 'won'] } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.companies.edges.map((e) => [e.node.name, e.node.deals.map((d) => d.title)])).toEqual([
      ['Acme', ['Alpha']],
      ['Tiny', ['Epsilon']],
    ]);
  });
});

describe('saved views', () => {
  const VIEW = `query($view: DealView, $where: JSON, $orderBy: [DealOrderBy!]) {
    deals(view: $view, where: $where, orderBy: $orderBy) { totalCount edges { node { title } } } }`;

  it('applies the view filter and its default sort; an explicit orderBy wins', async () => {
    const open = await t.graphql<DealsData>(VIEW, { view: 'open' });
    expect(open.errors).toBeUndefined();
    expect(titles(open.data)).toEqual(['Gamma', 'Alpha', 'Epsilon']); // qty desc
    const byTitle = await t.graphql<DealsData>(VIEW, { view: 'open', orderBy: [{ field: 'title' }] });
    expect(titles(byTitle.data)).toEqual(['Alpha', 'Epsilon', 'Gamma']);
    const both = await t.graphql<DealsData>(VIEW, { view: 'big', where: { '<': [{ var: 'record.qty' }, 20] }, orderBy: [{ field: 'title' }] });
    expect(titles(both.data)).toEqual(['Alpha', 'Epsilon']);
  });

  it('offers the view argument only on entities with views', async () => {
    const result = await t.graphql('{ companies(view: open) { totalCount } }');
    expect(result.errors![0]!.message).toContain('Unknown argument "view"');
    const bad = await t.graphql(VIEW, { view: 'nope' });
    expect(bad.errors![0]!.message).toContain('DealView');
  });

  it('refuses at publish a view whose filter the SQL compiler cannot run, in preview and publish', async () => {
    const doc: MetadataDocument = ruleDocument();
    doc.entities['deal']!.views!['bad'] = { label: 'Bad', filter: { '==': [{ var: 'record.title' }, 5] } };
    const preview = await t.metadata<{ previewMetadata: { valid: boolean; problems: { path: string; code: string; message: string }[] } }>(
      `query($d: JSON!) { previewMetadata(document: $d) { valid problems { path code message } } }`,
      { d: doc },
    );
    expect(preview.data!.previewMetadata.valid).toBe(false);
    expect(preview.data!.previewMetadata.problems).toContainEqual(
      expect.objectContaining({ path: '/entities/deal/views/bad/filter', code: 'view-filter-not-compilable' }),
    );
    const publish = await t.metadata(`mutation($d: JSON!) { publishMetadata(document: $d) { version } }`, { d: doc });
    expect(publish.errors![0]!.extensions).toMatchObject({ code: 'METADATA_INVALID' });
    expect(JSON.stringify(publish.errors![0]!.extensions!['problems'])).toContain('/entities/deal/views/bad/filter');
  });
});
