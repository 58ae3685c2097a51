import { startTrellis, type RunningTrellis } from './support/trellis-server.js';

/**
 * A developer's first minutes with the generated API, against the real server started as `npm start` does:
 * the starter pack is there, queries and mutations work, bad input is refused clearly.
 */
describe('generated GraphQL API on a fresh start', () => {
  let trellis: RunningTrellis;
  beforeAll(async () => {
    trellis = await startTrellis();
  });
  afterAll(async () => {
    await trellis?.stop();
  });

  it('serves the starter pack records with nested relations', async () => {
    const result = await trellis.graphql(`{
      opportunities(first: 5, orderBy: [{ field: name, direction: ASC }]) {
        totalCount
        edges { node { name stage amount { amount currency } company { name } } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.opportunities.totalCount).toBeGreaterThanOrEqual(5);
    const names = result.data.opportunities.edges.map((e: any) => e.node.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b)));
    expect(result.data.opportunities.edges.some((e: any) => e.node.company?.name)).toBe(true);
  });

  it('creates, filters and deletes a record', async () => {
    const created = await trellis.graphql(
      `mutation($data: CompanyCreateInput!) { createCompany(data: $data) { id name employees } }`,
      { data: { name: 'E2E Widgets Ltd', employees: 12 } },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data.createCompany.id;

    const found = await trellis.graphql(`{ companies(filter: { name: { eq: "E2E Widgets Ltd" } }) { totalCount edges { node { id } } } }`);
    expect(found.data.companies.edges.map((e: any) => e.node.id)).toEqual([id]);

    const deleted = await trellis.graphql(`mutation($id: ID!) { deleteCompany(id: $id) { id } }`, { id });
    expect(deleted.data.deleteCompany.id).toBe(id);
    const gone = await trellis.graphql(`query($id: ID!) { company(id: $id) { id } }`, { id });
    expect(gone.data.company).toBeNull();
  });

  it('refuses invalid input with per-field errors and writes nothing', async () => {
    const result = await trellis.graphql(
      `mutation($data: CompanyCreateInput!) { createCompany(data: $data) { id } }`,
      { data: { name: '', employees: -3 } },
    );
    expect(result.errors?.[0].extensions.code).toBe('VALIDATION_FAILED');
    const fields = result.errors![0].extensions.fieldErrors.map((e: any) => e.field).sort();
    expect(fields).toEqual(['employees', 'name']);
  });

  it('refuses a pick-list value that is not one of the options (the studio only offers the options)', async () => {
    const before = await trellis.graphql(`{ opportunities(filter: { name: { eq: "Bluefin – spare parts portal" } }) { edges { node { id stage } } } }`);
    const { id, stage } = before.data.opportunities.edges[0].node;

    const created = await trellis.graphql(
      `mutation($data: OpportunityCreateInput!) { createOpportunity(data: $data) { id } }`,
      { data: { name: 'E2E bogus stage', stage: 'maybe' } },
    );
    expect(created.errors?.[0].extensions.code).toBe('VALIDATION_FAILED');
    expect(created.errors![0].extensions.fieldErrors).toEqual([
      expect.objectContaining({ field: 'stage', message: expect.stringMatching(/^Stage must be one of: .*Won/) }),
    ]);
    const updated = await trellis.graphql(`mutation($id: ID!) { updateOpportunity(id: $id, data: { stage: "maybe" }) { id } }`, { id });
    expect(updated.errors?.[0].extensions.code).toBe('VALIDATION_FAILED');

    // Nothing was written.
    const none = await trellis.graphql(`{ opportunities(filter: { name: { eq: "E2E bogus stage" } }) { totalCount } }`);
    expect(none.data.opportunities.totalCount).toBe(0);
    const after = await trellis.graphql(`query($id: ID!) { opportunity(id: $id) { stage } }`, { id });
    expect(after.data.opportunity.stage).toBe(stage);
  });

  it('answers a query for a field that does not exist with a GraphQL validation error', async () => {
    const result = await trellis.graphql(`{ companies { edges { node { doesNotExist } } } }`);
    expect(result.errors?.[0].message).toMatch(/Cannot query field "doesNotExist"/);
  });
});
