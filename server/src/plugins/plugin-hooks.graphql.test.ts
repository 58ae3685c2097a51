/**
 * Plugin record hooks on the real app and Postgres: before-hooks see the record about to be stored and can
 * refuse the write (VALIDATION_FAILED naming the plugin); after-hooks run after the write and their errors
 * never fail it.
 */
import { jest } from '@jest/globals';
import { definePlugin, type PluginHookContext } from '@trellis/plugin-sdk';
import { withTestApp, type TestApp } from '../testing/test-app.js';
import { rulesDocument } from '../records/testing/rules-fixture.js';

jest.setTimeout(120_000);

type Row = Record<string, unknown>;
let app: TestApp;
const seen: Array<{ on: string; ctx: PluginHookContext }> = [];

const guard = definePlugin({
  name: 'deal-guard',
  version: '1.0.0',
  hooks: [
    { entity: 'deal', on: 'beforeCreate', run: (ctx) => (String(ctx.record['title']).includes('forbidden') ? { reject: 'forbidden titles are refused' } : undefined) },
    { entity: 'deal', on: 'beforeUpdate', run: async (ctx) => (ctx.record['amount'] === 13 ? { reject: `unlucky amount (was ${String(ctx.previous?.['amount'])})` } : undefined) },
    { entity: 'deal', on: 'beforeDelete', run: (ctx) => (ctx.record['title'] === 'Keep me' ? { reject: 'this deal is kept' } : undefined) },
    { entity: '*', on: 'afterCreate', run: (ctx) => void seen.push({ on: 'afterCreate', ctx }) },
    { entity: 'deal', on: 'afterUpdate', run: (ctx) => void seen.push({ on: 'afterUpdate', ctx }) },
    { entity: 'deal', on: 'afterDelete', run: (ctx) => void seen.push({ on: 'afterDelete', ctx }) },
    {
      entity: 'deal',
      on: 'afterCreate',
      run: () => {
        throw new Error('after-hook boom');
      },
    },
  ],
});

beforeAll(async () => {
  app = await withTestApp(rulesDocument(), { plugins: [guard] });
});

afterAll(async () => {
  await app?.close();
});

const CREATE = 'mutation($d: DealCreateInput!) { createDeal(data: $d) { id title amount } }';
const CREATE_MANY = 'mutation($d: [DealCreateInput!]!) { createDeals(data: $d) { id } }';
const UPDATE = 'mutation($id: ID!, $d: DealUpdateInput!) { updateDeal(id: $id, data: $d) { id amount } }';
const DELETE = 'mutation($id: ID!) { deleteDeal(id: $id) { id title } }';
const GET = 'query($id: ID!) { deal(id: $id) { id } }';

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

describe('plugin record hooks', () => {
  it('refuses a create a before-hook rejects, naming the plugin; a bulk create carries the row index', async () => {
    expect(await refused(CREATE, { d: { title: 'A forbidden deal' } })).toEqual([
      { field: '_record', message: 'Plugin "deal-guard": forbidden titles are refused', rule: 'plugin:deal-guard' },
    ]);
    expect(await refused(CREATE_MANY, { d: [{ title: 'fine' }, { title: 'forbidden' }] })).toEqual([
      { field: '_record', message: 'Plugin "deal-guard": forbidden titles are refused', rule: 'plugin:deal-guard', index: 1 },
    ]);
  });

  it('runs after-create hooks with the stored record; a throwing after-hook does not fail the write', async () => {
    seen.length = 0;
    const { createDeal } = await ok(CREATE, { d: { title: 'Hooked', amount: 10 } });
    const created = seen.filter((s) => s.on === 'afterCreate');
    expect(created).toHaveLength(1);
    expect(created[0]!.ctx).toMatchObject({ entity: 'deal', record: { id: (createDeal as Row)['id'], title: 'Hooked' }, previous: null });
    expect(typeof created[0]!.ctx.now).toBe('string');
  });

  it('gives before-update hooks the record after the change and the stored one, and refuses on reject', async () => {
    const { createDeal } = await ok(CREATE, { d: { title: 'Update me', amount: 10 } });
    const id = (createDeal as Row)['id'];
    expect(await refused(UPDATE, { id, d: { amount: 13 } })).toEqual([
      { field: '_record', message: 'Plugin "deal-guard": unlucky amount (was 10)', rule: 'plugin:deal-guard' },
    ]);
    seen.length = 0;
    const { updateDeal } = await ok(UPDATE, { id, d: { amount: 20 } });
    expect(updateDeal).toMatchObject({ amount: 20 });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.ctx).toMatchObject({ entity: 'deal', record: { id, amount: 20 }, previous: { amount: 10 } });
  });

  it('refuses a delete a before-hook rejects (the record stays) and runs after-delete hooks', async () => {
    const kept = ((await ok(CREATE, { d: { title: 'Keep me' } })).createDeal as Row)['id'];
    expect(await refused(DELETE, { id: kept })).toEqual([{ field: '_record', message: 'Plugin "deal-guard": this deal is kept', rule: 'plugin:deal-guard' }]);
    expect((await ok(GET, { id: kept })).deal).toEqual({ id: kept });
    const gone = ((await ok(CREATE, { d: { title: 'Delete me' } })).createDeal as Row)['id'];
    seen.length = 0;
    await ok(DELETE, { id: gone });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ on: 'afterDelete', ctx: { entity: 'deal', record: { id: gone, title: 'Delete me' } } });
    expect((await ok(GET, { id: gone })).deal).toBeNull();
  });
});
