/**
 * Formulas and roll-ups through the real app: computed for existing records when they are published (and again
 * when they change), read-only in the generated API, filtered and sorted like any column through /graphql; a
 * publish whose formula fails on a record, or whose roll-up filter SQL cannot compute, is refused whole.
 */
import { jest } from '@jest/globals';
import type { MetadataDocument } from '@trellis/metadata';
import { withTestApp, type TestApp } from '../../testing/test-app.js';
import { derivedDocument } from '../testing/derived-fixture.js';

jest.setTimeout(120_000);

type Row = Record<string, unknown>;
let app: TestApp;

const DERIVED = new Set(['formula', 'rollup']);
/** The fixture without its formulas and roll-ups. */
function plainDocument(): MetadataDocument {
  const doc = derivedDocument();
  for (const entity of Object.values(doc.entities)) {
    for (const [name, field] of Object.entries(entity.fields)) if (DERIVED.has(field.type)) delete entity.fields[name];
  }
  return doc;
}

async function ok<T = Row>(query: string, variables: Row = {}): Promise<T> {
  const response = await app.graphql<T>(query, variables);
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!;
}

async function publishError(doc: MetadataDocument): Promise<{ message: string; extensions?: Record<string, unknown> }> {
  const response = await app.metadata('mutation($d: JSON!) { publishMetadata(document: $d) { version } }', { d: doc });
  expect(response.errors).toHaveLength(1);
  return response.errors![0]!;
}

beforeAll(async () => {
  app = await withTestApp(plainDocument());
  const { createCompanies } = await ok<{ createCompanies: Row[] }>(
    'mutation($d: [CompanyCreateInput!]!) { createCompanies(data: $d) { id name } }',
    { d: [{ name: 'Acme', employees: 10 }, { name: 'Globex', employees: 4 }, { name: 'Empty', employees: 1 }] },
  );
  const [acme, globex] = createCompanies.map((c) => c['id']);
  await ok('mutation($d: [DealCreateInput!]!) { createDeals(data: $d) { id } }', {
    d: [
      { title: 'A1', company: acme, stage: 'won', amount: { amount: 1000 }, probability: 100, closeDate: '2026-03-01' },
      { title: 'A2', company: acme, stage: 'new', amount: { amount: 500 }, probability: 20, closeDate: '2026-06-01' },
      { title: 'A3', company: acme, stage: 'lost', amount: { amount: 9000 }, probability: 0 },
      { title: 'G1', company: globex, stage: 'new', amount: { amount: 200 }, probability: 50, closeDate: '2026-01-15' },
      { title: 'Loose', stage: 'new' },
    ],
  });
});

afterAll(async () => {
  await app?.close();
});

describe('formulas and roll-ups through /graphql', () => {
  it('previews, then computes the values of existing records when formulas and roll-ups are published', async () => {
    const preview = await app.metadata<{ previewMetadata: { steps: Row[] } }>(
      'query($d: JSON!) { previewMetadata(document: $d) { steps { kind entity field description } } }',
      { d: derivedDocument() },
    );
    const steps = preview.data!.previewMetadata.steps.filter((s) => s['kind'] === 'recomputeField');
    expect(steps.map((s) => `${s['entity']}.${s['field']}`)).toContain('deal.weighted');
    expect(steps.find((s) => s['field'] === 'weighted')!['description']).toBe('Compute formula deal.weighted for every existing record (new field)');
    await app.publish(derivedDocument(), 'derived fields');
    const { companies } = await ok<{ companies: { edges: { node: Row }[] } }>(
      '{ companies(orderBy: [{ field: name }]) { edges { node { name openDeals wonAmount pipeline avgProbability firstClose lastClose biggest pipelinePerHead } } } }',
    );
    expect(companies.edges.map((e) => e.node)).toEqual([
      { name: 'Acme', openDeals: 2, wonAmount: 1000, pipeline: 1100, avgProbability: 40, firstClose: '2026-03-01', lastClose: '2026-06-01', biggest: 9000, pipelinePerHead: 110 },
      { name: 'Empty', openDeals: 0, wonAmount: 0, pipeline: 0, avgProbability: null, firstClose: null, lastClose: null, biggest: null, pipelinePerHead: 0 },
      { name: 'Globex', openDeals: 1, wonAmount: 0, pipeline: 100, avgProbability: 50, firstClose: '2026-01-15', lastClose: '2026-01-15', biggest: 200, pipelinePerHead: 25 },
    ]);
    const { deals } = await ok<{ deals: { edges: { node: Row }[] } }>('{ deals(filter: { title: { eq: "A2" } }) { edges { node { weighted headline big followUp companyEmployees } } } }');
    expect(deals.edges[0]!.node).toEqual({ weighted: 100, headline: 'A2 @ Acme', big: false, followUp: '2026-06-08', companyEmployees: 10 });
  });

  it('filters and sorts by formulas and roll-ups like any column', async () => {
    const { deals } = await ok<{ deals: { totalCount: number; edges: { node: Row }[] } }>(
      '{ deals(filter: { weighted: { gte: 100 }, headline: { like: "%Acme" } }, orderBy: [{ field: weighted, direction: DESC }]) { totalCount edges { node { title weighted } } } }',
    );
    expect(deals.edges.map((e) => e.node)).toEqual([{ title: 'A1', weighted: 1000 }, { title: 'A2', weighted: 100 }]);
    const { companies } = await ok<{ companies: { edges: { node: Row }[] } }>(
      '{ companies(filter: { openDeals: { gte: 1 }, firstClose: { lt: "2026-02-01" } }, orderBy: [{ field: pipeline, direction: ASC }]) { edges { node { name } } } }',
    );
    expect(companies.edges.map((e) => e.node['name'])).toEqual(['Globex']);
    const sorted = await ok<{ companies: { edges: { node: Row }[] } }>('{ companies(orderBy: [{ field: openDeals, direction: DESC }, { field: name }]) { edges { node { name openDeals } } } }');
    expect(sorted.companies.edges.map((e) => e.node['name'])).toEqual(['Acme', 'Globex', 'Empty']);
    const big = await ok<{ deals: { totalCount: number } }>('{ deals(filter: { big: { eq: false } }) { totalCount } }');
    // No amount: null >= 10000 is false in JSON Logic.
    expect(big.deals.totalCount).toBe(5);
  });

  it('keeps them current through mutations, and does not accept them as input', async () => {
    const { companies } = await ok<{ companies: { edges: { node: Row }[] } }>('{ companies(filter: { name: { eq: "Empty" } }) { edges { node { id } } } }');
    const id = companies.edges[0]!.node['id'];
    const { createDeal } = await ok<{ createDeal: Row }>('mutation($d: DealCreateInput!) { createDeal(data: $d) { id weighted company { openDeals pipeline } } }', {
      d: { title: 'E1', company: id, amount: { amount: 300 }, probability: 10 },
    });
    expect(createDeal).toMatchObject({ weighted: 30, company: { openDeals: 1, pipeline: 30 } });
    const refused = await app.graphql('mutation { createDeal(data: { title: "x", weighted: 5 }) { id } }');
    expect(refused.errors?.[0]?.message).toMatch(/weighted/);
    const input = await app.graphql('mutation { createCompany(data: { name: "x", openDeals: 5 }) { id } }');
    expect(input.errors?.[0]?.message).toMatch(/openDeals/);
  });

  it('recomputes every record when a formula changes at publish', async () => {
    const doc = derivedDocument();
    doc.entities.deal!.fields.weighted!.expression = { '*': [{ var: 'record.amount.amount' }, 2] };
    await app.publish(doc, 'double');
    const { deals } = await ok<{ deals: { edges: { node: Row }[] } }>('{ deals(filter: { title: { in: ["A1", "G1"] } }, orderBy: [{ field: title }]) { edges { node { weighted } } } }');
    expect(deals.edges.map((e) => e.node['weighted'])).toEqual([2000, 400]);
    const { companies } = await ok<{ companies: { edges: { node: Row }[] } }>('{ companies(filter: { name: { eq: "Globex" } }) { edges { node { pipeline pipelinePerHead } } } }');
    expect(companies.edges[0]!.node).toEqual({ pipeline: 400, pipelinePerHead: 100 });
  });

  it('refuses a publish whose new formula fails on an existing record, naming it, and applies nothing', async () => {
    const doc = derivedDocument();
    // Well typed as far as a static check can tell (a text or a number), but a title is not a whole number.
    doc.entities.deal!.fields.code = { type: 'formula', label: 'Code', resultType: 'integer', expression: { if: [{ var: 'record.closeDate' }, { var: 'record.title' }, 0] } };
    const error = await publishError(doc);
    expect(error.extensions?.['code']).toBe('MIGRATION_FAILED');
    expect(error.message).toMatch(/Compute formula deal\.code .*Formula "Code" could not be evaluated: it gave "\w+", which is not a whole number \(deal [0-9a-f-]{36}\)/);
    const columns = await app.pool.query(`SELECT 1 FROM information_schema.columns WHERE table_schema = 'main' AND table_name = 'deal' AND column_name = 'code'`);
    expect(columns.rowCount).toBe(0);
  });

  it('refuses a roll-up whose filter the database cannot compute, with its path', async () => {
    const doc = derivedDocument();
    doc.entities.company!.fields.openDeals!.filter = { '==': [{ substr: [{ var: 'record.title' }, 0, 1] }, 'A'] };
    const error = await publishError(doc);
    expect(error.extensions?.['code']).toBe('METADATA_INVALID');
    expect(error.extensions?.['problems']).toEqual([
      expect.objectContaining({ path: '/entities/company/fields/openDeals/filter', code: 'filter-not-compilable' }),
    ]);
  });
});
