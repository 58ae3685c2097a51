/**
 * Rules and layout conditions enforced through the generated /graphql API on the real app: the same
 * messages the studio shows, as VALIDATION_FAILED with fieldErrors carrying `rule`.
 */
import { jest } from '@jest/globals';
import { withTestApp, type TestApp } from '../testing/test-app.js';
import { rulesDocument } from './testing/rules-fixture.js';

jest.setTimeout(120_000);

type Row = Record<string, unknown>;
let app: TestApp;

beforeAll(async () => {
  app = await withTestApp(rulesDocument());
});

afterAll(async () => {
  await app?.close();
});

const CREATE = 'mutation($d: DealCreateInput!) { createDeal(data: $d) { id stage amount lostReason } }';
const CREATE_MANY = 'mutation($d: [DealCreateInput!]!) { createDeals(data: $d) { id } }';
const UPDATE = 'mutation($id: ID!, $d: DealUpdateInput!) { updateDeal(id: $id, data: $d) { id stage amount lostReason } }';

async function ok(query: string, variables: Row): Promise<Row> {
  const response = await app.graphql<Row>(query, variables);
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!;
}

async function refused(query: string, variables: Row): Promise<Row[]> {
  const response = await app.graphql(query, variables);
  expect(response.errors).toHaveLength(1);
  expect(response.errors![0]!.extensions?.['code']).toBe('VALIDATION_FAILED');
  return response.errors![0]!.extensions!['fieldErrors'] as Row[];
}

describe('rules through /graphql', () => {
  it('refuses a create a validation rule finds invalid, with the interpolated message', async () => {
    expect(await refused(CREATE, { d: { title: 'Big', stage: 'won' } })).toEqual([
      { field: 'closeDate', message: 'Big is won and needs a close date', rule: 'closeDateWhenWon' },
    ]);
  });

  it('enforces requiredWhen: a field required by its condition is required by the API', async () => {
    expect(await refused(CREATE, { d: { title: 'Lost', stage: 'lost' } })).toEqual([
      { field: 'lostReason', message: 'Lost reason is required', rule: 'requiredWhen' },
    ]);
    const { createDeal } = await ok(CREATE, { d: { title: 'Lost', stage: 'lost', lostReason: 'price' } });
    expect(createDeal).toMatchObject({ stage: 'lost', lostReason: 'price' });
  });

  it('enforces readOnlyWhen: a field read-only by its condition cannot be changed', async () => {
    const { createDeal } = await ok(CREATE, { d: { title: 'Deal', stage: 'new', amount: 100 } });
    const id = (createDeal as Row)['id'];
    await ok(UPDATE, { id, d: { stage: 'won', closeDate: '2026-01-15' } });
    expect(await refused(UPDATE, { id, d: { amount: 250 } })).toEqual([
      { field: 'amount', message: 'Amount is read-only here: it cannot be changed while Stage is "won"', rule: 'readOnlyWhen' },
    ]);
    expect(await refused(UPDATE, { id, d: { stage: 'lost', lostReason: 'x' } })).toEqual([
      { field: 'stage', message: 'Stage may not go back from won', rule: 'noWayBackFromWon' },
    ]);
    const { updateDeal } = await ok(UPDATE, { id, d: { amount: 100, title: 'Same amount' } });
    expect(updateDeal).toMatchObject({ stage: 'won', amount: 100 });
  });

  it('reports bulk create problems with the row index', async () => {
    expect(await refused(CREATE_MANY, { d: [{ title: 'a' }, { title: 'b', stage: 'lost' }] })).toEqual([
      { field: 'lostReason', message: 'Lost reason is required', rule: 'requiredWhen', index: 1 },
    ]);
  });

  it('fails closed when a rule cannot be evaluated', async () => {
    const errors = await refused(CREATE, { d: { title: 'Follow', closeDate: '2026-04-01', followUpDays: 0.5 } });
    expect(errors).toEqual([
      { field: 'followUpDays', message: 'Rule "Follow-up in time" could not be evaluated: addDays: days must be a whole number for a date (got 0.5)', rule: 'followUpInTime' },
    ]);
  });
});
