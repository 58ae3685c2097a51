/**
 * Permissions through the real HTTP API, signed in as restricted users:
 * - every entry point of the restricted schema (each Query and Mutation field) is listed here with what it must
 *   do; a new entry point fails the test until it is covered;
 * - hidden fields cannot be named anywhere (GraphQL validation);
 * - a fuzz of random queries built from the user's own schema never returns a hidden field or an invisible record.
 */
import { jest } from '@jest/globals';
import fc from 'fast-check';
import { withTestApp, type TestApp, type TestClient } from '../testing/test-app.js';
import { SecurityLogService } from '../auth/security-log.service.js';
import { matrixDocument } from './testing/matrix-document.js';

jest.setTimeout(120_000);

let app: TestApp;
let alice: TestClient; // rep, region EMEA: her own deals, EMEA companies, amount hidden
let aliceId: string;
let bobId: string;
const deals: Record<string, string> = {};
const companies: Record<string, string> = {};

beforeAll(async () => {
  app = await withTestApp(matrixDocument());
  const a = await app.createUser({ email: 'alice@example.test', name: 'Alice', roles: ['rep'], attributes: { region: 'EMEA' } });
  const b = await app.createUser({ email: 'robert@example.test', name: 'Robert', roles: ['rep'], attributes: { region: 'US' } });
  alice = a.client;
  aliceId = a.id;
  bobId = b.id;
  for (const [name, region] of [['EMEA Co', 'EMEA'], ['US Co', 'US']] as const) {
    const r = await app.graphql<{ createCompany: { id: string } }>(`mutation($d: CompanyCreateInput!) { createCompany(data: $d) { id } }`, { d: { name, region } });
    companies[name] = r.data!.createCompany.id;
  }
  for (const [name, owner, company, amount] of [
    ['A1', aliceId, 'EMEA Co', 100],
    ['A2', aliceId, 'US Co', 200],
    ['B1', bobId, 'US Co', 300],
    ['N1', null, 'EMEA Co', 400],
  ] as const) {
    const r = await app.graphql<{ createDeal: { id: string } }>(`mutation($d: DealCreateInput!) { createDeal(data: $d) { id } }`, {
      d: { name, owner, company: companies[company], amount, stage: 'open' },
    });
    if (!r.data) throw new Error(JSON.stringify(r.errors));
    deals[name] = r.data.createDeal.id;
  }
});

afterAll(async () => {
  await app?.close();
});

const code = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.['code'];

/** What each entry point of the rep's schema must do for Alice. Keys: every Query and Mutation field. */
const ENTRY_POINTS: Record<string, () => Promise<void>> = {
  _version: async () => {
    expect((await alice.graphql<{ _version: number }>('{ _version }')).data!._version).toBeGreaterThan(0);
  },
  deal: async () => {
    const q = `query($id: ID!) { deal(id: $id) { name } }`;
    expect((await alice.graphql(q, { id: deals['A1'] })).data).toEqual({ deal: { name: 'A1' } });
    expect((await alice.graphql(q, { id: deals['B1'] })).data).toEqual({ deal: null });
  },
  deals: async () => {
    const r = await alice.graphql<{ deals: { totalCount: number; edges: { node: { name: string } }[] } }>(`{ deals(orderBy: [{ field: name }]) { totalCount edges { node { name } } } }`);
    expect(r.data!.deals).toEqual({ totalCount: 2, edges: [{ node: { name: 'A1' } }, { node: { name: 'A2' } }] });
  },
  company: async () => {
    const q = `query($id: ID!) { company(id: $id) { name deals { name } } }`;
    expect((await alice.graphql(q, { id: companies['EMEA Co'] })).data).toEqual({ company: { name: 'EMEA Co', deals: [{ name: 'A1' }] } });
    expect((await alice.graphql(q, { id: companies['US Co'] })).data).toEqual({ company: null });
  },
  companies: async () => {
    const r = await alice.graphql<{ companies: { totalCount: number } }>(`{ companies { totalCount } }`);
    expect(r.data!.companies.totalCount).toBe(1);
  },
  createDeal: async () => {
    const r = await alice.graphql<{ createDeal: { owner: string } }>(`mutation { createDeal(data: { name: "Mine" }) { owner } }`);
    expect(r.data!.createDeal.owner).toBe(aliceId);
    const handed = await alice.graphql(`mutation($o: ID) { createDeal(data: { name: "Theirs", owner: $o }) { id } }`, { o: bobId });
    expect(code(handed)).toBe('FORBIDDEN');
    // The refusal is in the security log, with who and what.
    await app.app.get(SecurityLogService).flush();
    const { rows } = await app.pool.query(`SELECT user_id::text AS "user", detail FROM "trellis"."security_event" WHERE kind = 'permission-denied' ORDER BY id DESC LIMIT 1`);
    expect(rows[0]).toMatchObject({ user: aliceId, detail: { api: '/graphql', entity: 'deal', path: 'createDeal', message: expect.stringContaining('outside the records you may see') } });
  },
  createDeals: async () => {
    const r = await alice.graphql(`mutation($o: ID) { createDeals(data: [{ name: "Ok" }, { name: "Bad", owner: $o }]) { id } }`, { o: bobId });
    expect(code(r)).toBe('FORBIDDEN');
    const { rowCount } = await app.pool.query(`SELECT 1 FROM main.deal WHERE name IN ('Ok', 'Bad')`);
    expect(rowCount).toBe(0); // all or nothing
  },
  updateDeal: async () => {
    expect(code(await alice.graphql(`mutation($id: ID!) { updateDeal(id: $id, data: { name: "x" }) { id } }`, { id: deals['B1'] }))).toBe('NOT_FOUND');
    expect(code(await alice.graphql(`mutation($id: ID!, $o: ID) { updateDeal(id: $id, data: { owner: $o }) { id } }`, { id: deals['A1'], o: bobId }))).toBe('FORBIDDEN');
    const ok = await alice.graphql(`mutation($id: ID!) { updateDeal(id: $id, data: { stage: "won" }) { stage } }`, { id: deals['A1'] });
    expect(ok.data).toEqual({ updateDeal: { stage: 'won' } });
  },
};

describe('every entry point of a restricted schema', () => {
  it('is covered by this test, and the schema has no others', async () => {
    const r = await alice.graphql<{ __schema: { queryType: { fields: { name: string }[] }; mutationType: { fields: { name: string }[] } | null } }>(
      `{ __schema { queryType { fields { name } } mutationType { fields { name } } } }`,
    );
    const fields = [...r.data!.__schema.queryType.fields, ...(r.data!.__schema.mutationType?.fields ?? [])].map((f) => f.name).sort();
    expect(fields).toEqual(Object.keys(ENTRY_POINTS).sort());
  });

  it.each(Object.keys(ENTRY_POINTS))('%s answers exactly what the role allows', async (name) => {
    await ENTRY_POINTS[name]!();
  });

  it('rejects naming a hidden field anywhere: selection, filter, sort', async () => {
    for (const query of [
      `{ deals { edges { node { amount } } } }`,
      `{ deals(filter: { amount: { gt: 1 } }) { totalCount } }`,
      `{ deals(orderBy: [{ field: amount }]) { totalCount } }`,
      `mutation { deleteDeal(id: "${deals['A1']}") { id } }`,
    ]) {
      expect(code(await alice.graphql(query))).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    const where = { '>': [{ var: 'record.amount' }, 1] };
    expect(code(await alice.graphql(`query($w: JSON) { deals(where: $w) { totalCount } }`, { w: where }))).toBe('FORBIDDEN');
  });
});

describe('fuzzing the API as a restricted user', () => {
  const scalarFields = ['id', 'name', 'stage', 'owner', 'team', 'createdAt'];
  const filters = fc.oneof(
    fc.constant(undefined),
    fc.record({ name: fc.record({ eq: fc.constantFrom('A1', 'A2', 'B1', 'N1') }) }),
    fc.record({ stage: fc.record({ in: fc.subarray(['open', 'won']) }) }),
    fc.record({ company: fc.record({ name: fc.record({ eq: fc.constantFrom('EMEA Co', 'US Co') }) }) }),
    fc.record({ or: fc.constant([{ owner: { isNull: true } }, { owner: { neq: '00000000-0000-4000-8000-000000000000' } }]) }),
  );
  const query = fc.record({
    fields: fc.subarray(scalarFields, { minLength: 1 }),
    withCompany: fc.boolean(),
    withCompanyDeals: fc.boolean(),
    filter: filters,
    where: fc.oneof(fc.constant(undefined), fc.constant({ '==': [{ var: 'record.company.region' }, 'US'] }), fc.constant({ '!': [{ var: 'record.stage' }] })),
    sort: fc.constantFrom('name', 'createdAt', 'owner'),
    direction: fc.constantFrom('ASC', 'DESC'),
    first: fc.integer({ min: 1, max: 10 }),
  });

  it('never returns a hidden field or a record outside the read scope', async () => {
    const visibleDeals = new Set([deals['A1'], deals['A2']]);
    const visibleCompanies = new Set([companies['EMEA Co']]);
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const company = q.withCompany ? ` company { id name ${q.withCompanyDeals ? 'deals(first: 5) { id name }' : ''} }` : '';
        const text =
          `query($f: DealFilter, $w: JSON) { deals(filter: $f, where: $w, orderBy: [{ field: ${q.sort}, direction: ${q.direction} }], first: ${q.first}) ` +
          `{ totalCount edges { node { ${q.fields.join(' ')}${company} } } } }`;
        const r = await alice.graphql(text, { f: q.filter, w: q.where });
        expect(r.errors).toBeUndefined();
        const json = JSON.stringify(r.data);
        expect(json).not.toContain('amount');
        for (const id of [deals['B1'], deals['N1'], companies['US Co']]) expect(json).not.toContain(id);
        const nodes = (r.data as { deals: { totalCount: number; edges: { node: Record<string, unknown> }[] } }).deals;
        expect(nodes.totalCount).toBeLessThanOrEqual(visibleDeals.size + 3); // her own, incl. the ones created above
        for (const { node } of nodes.edges) {
          const c = node['company'] as { id: string } | null | undefined;
          if (c) expect(visibleCompanies.has(c.id)).toBe(true);
        }
      }),
      { numRuns: 150, seed: 4 },
    );
  });
});
