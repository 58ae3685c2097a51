/**
 * The permission matrix on a real Postgres, through RecordService (every GraphQL entry point lands here):
 * three roles × reads (get, list, totalCount, nested relations both ways, filters through relations, where,
 * sort) and writes (create, update, delete, transfer), plus shares and the record history trigger.
 */
import { jest } from '@jest/globals';
import { userContext, type RequestContext } from '../common/request-context.js';
import { ensureRecordTables } from '../audit/record-tables.js';
import type { ConnectionSelection, RecordSelection } from '../records/compile-select.js';
import type { RecordService } from '../records/record.service.js';
import { createTables, recordServiceFor } from '../records/testing/record-test-kit.js';
import { testContext } from '../testing/contexts.js';
import { matrixDocument } from './testing/matrix-document.js';
import { startTestDatabase, type TestDatabase } from '../testing/test-database.js';

jest.setTimeout(60_000);

const USERS = {
  alice: '00000000-0000-4000-8000-00000000000a',
  bob: '00000000-0000-4000-8000-00000000000b',
  vic: '00000000-0000-4000-8000-00000000000c',
  max: '00000000-0000-4000-8000-00000000000d',
};

const as = (user: keyof typeof USERS, roles: string[], region?: string): RequestContext =>
  userContext({ id: USERS[user], roles, attributes: region ? { region } : {} });

const alice = as('alice', ['rep'], 'EMEA');
const vic = as('vic', ['viewer']);
const max = as('max', ['manager']);
const system = testContext('seed', 'system');

let db: TestDatabase;
let records: RecordService;
const ids: Record<string, string> = {};

const sel = (...names: string[]): RecordSelection => ({ fields: names.map((n) => ({ key: n, field: n })) });
const listSel = (node: RecordSelection = sel('id', 'name')): ConnectionSelection => ({ totalCount: true, pageInfo: true, cursors: true, node });
const names = (c: { edges: { node: Record<string, unknown> }[] }) => c.edges.map((e) => e.node['name']).sort();

function failure(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: { message: string; extensions?: { code?: string } }) => ({ code: error.extensions?.code, message: error.message }),
  );
}

beforeAll(async () => {
  db = await startTestDatabase();
  const doc = matrixDocument();
  await createTables(db.pool, doc);
  await ensureRecordTables(db.pool, 'main', Object.keys(doc.entities));
  for (const [name, id] of Object.entries(USERS)) {
    await db.pool.query(`INSERT INTO "trellis"."user" (id, email, name) VALUES ($1, $2, $3)`, [id, `${name}@example.test`, name]);
  }
  records = recordServiceFor(db.pool, doc);
  const emea = await records.create(system, 'company', { name: 'EMEA Co', region: 'EMEA' });
  const us = await records.create(system, 'company', { name: 'US Co', region: 'US' });
  ids['emea'] = emea['id'] as string;
  ids['us'] = us['id'] as string;
  const deal = async (name: string, owner: string | null, company: string, amount: number) => {
    const created = await records.create(system, 'deal', { name, owner, company, amount, stage: 'open' });
    ids[name] = created['id'] as string;
  };
  await deal('A1', USERS.alice, ids['emea']!, 100);
  await deal('A2', USERS.alice, ids['us']!, 200);
  await deal('B1', USERS.bob, ids['us']!, 300);
  await deal('N1', null, ids['emea']!, 400);
});

afterAll(async () => {
  await db?.stop();
});

describe('reads', () => {
  it('lists and counts exactly the records in the read scope', async () => {
    const mine = await records.list(alice, 'deal', {}, { selection: listSel() });
    expect(names(mine)).toEqual(['A1', 'A2']);
    expect(mine.totalCount).toBe(2);
    expect(names(await records.list(vic, 'deal', {}, { selection: listSel() }))).toEqual(['A1', 'A2', 'B1', 'N1']);
    expect(await records.get(alice, 'deal', ids['B1']!, { selection: sel('id') })).toBeNull();
    expect(await records.get(alice, 'deal', ids['A1']!, { selection: sel('name') })).toEqual({ name: 'A1' });
  });

  it('refuses hidden fields in selections, filters, sorts and where — without revealing values', async () => {
    expect(await failure(records.get(alice, 'deal', ids['A1']!, { selection: sel('amount') }))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('Deal.Amount') });
    expect((await failure(records.list(alice, 'deal', { filter: { amount: { gt: 150 } } }, { selection: listSel() }))).code).toBe('FORBIDDEN');
    expect((await failure(records.list(alice, 'deal', { orderBy: [{ field: 'amount', direction: 'DESC' }] }, { selection: listSel() }))).code).toBe('FORBIDDEN');
    expect((await failure(records.list(alice, 'deal', { where: { '>': [{ var: 'record.amount' }, 150] } }, { selection: listSel() }))).code).toBe('FORBIDDEN');
    // The same queries as an unrestricted reader work: the refusals are the permission's, not the query's.
    expect(names(await records.list(max, 'deal', { filter: { amount: { gt: 150 } } }, { selection: listSel() }))).toEqual(['A2', 'B1', 'N1']);
  });

  it('scopes related records on every path: manyToOne, toMany lists, filters and where through relations', async () => {
    const withCompany: RecordSelection = { fields: [{ key: 'name', field: 'name' }, { key: 'company', field: 'company', selection: sel('id', 'name') }] };
    const rows = await records.list(alice, 'deal', { orderBy: [{ field: 'name' }] }, { selection: listSel(withCompany) });
    // Alice sees A2, but not its company (US region): it reads as none, not even its id.
    expect(rows.edges.map((e) => e.node)).toEqual([{ name: 'A1', company: { id: ids['emea'], name: 'EMEA Co' } }, { name: 'A2', company: null }]);
    const idOnly = await records.get(alice, 'deal', ids['A2']!, { selection: { fields: [{ key: 'company', field: 'company' }] } });
    expect(idOnly).toEqual({ company: null });
    // Filtering through the relation cannot probe the invisible company.
    expect(names(await records.list(alice, 'deal', { filter: { company: { name: { eq: 'US Co' } } } }, { selection: listSel() }))).toEqual([]);
    expect(names(await records.list(alice, 'deal', { where: { '==': [{ var: 'record.company.region' }, 'US'] } }, { selection: listSel() }))).toEqual([]);
    // The company's deal list holds only the deals she can read (N1 is EMEA Co's too, but not hers).
    const company = await records.get(alice, 'company', ids['emea']!, { selection: { fields: [{ key: 'deals', field: 'deals', selection: sel('name') }] } });
    expect(company).toEqual({ deals: [{ name: 'A1' }] });
    // some / none through the toMany relation see the same subset.
    const withOthers = await records.list(alice, 'company', { filter: { deals: { some: { name: { eq: 'N1' } } } } }, { selection: listSel() });
    expect(withOthers.totalCount).toBe(0);
  });

  it('refuses every read of an entity to roles without read, naming the entity', async () => {
    const none = userContext({ id: USERS.bob, roles: [] });
    expect(await failure(records.list(none, 'deal', {}, { selection: listSel() }))).toMatchObject({ code: 'FORBIDDEN', message: 'Your roles do not allow you to read deals.' });
    expect((await failure(records.get(none, 'deal', ids['A1']!))).code).toBe('FORBIDDEN');
  });
});

describe('writes', () => {
  it('creates with the writer as owner, and refuses creating outside the own scope without transfer', async () => {
    const created = await records.create(alice, 'deal', { name: 'A3' }, { selection: sel('name', 'owner') });
    expect(created).toEqual({ name: 'A3', owner: USERS.alice });
    const handed = await failure(records.create(alice, 'deal', { name: 'X', owner: USERS.bob }));
    expect(handed).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('outside the records you may see') });
    expect((await db.pool.query(`SELECT 1 FROM main.deal WHERE name = 'X'`)).rowCount).toBe(0);
    // A manager may transfer.
    const given = await records.create(max, 'deal', { name: 'M1', owner: USERS.bob }, { selection: sel('owner') });
    expect(given).toEqual({ owner: USERS.bob });
  });

  it('refuses writing hidden and read-only fields, naming the field', async () => {
    expect(await failure(records.create(alice, 'deal', { name: 'Y', amount: 5 }))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('Deal.Amount') });
    expect(await failure(records.update(vic, 'deal', ids['B1']!, { stage: 'won' }))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('read-only') });
    expect(await records.update(vic, 'deal', ids['B1']!, { name: 'B1' }, { selection: sel('name') })).toEqual({ name: 'B1' });
  });

  it('updates only in the update scope: invisible → NOT_FOUND, moving out of scope → FORBIDDEN and unchanged', async () => {
    expect((await failure(records.update(alice, 'deal', ids['B1']!, { name: 'hack' }))).code).toBe('NOT_FOUND');
    expect((await failure(records.update(alice, 'deal', ids['A1']!, { owner: USERS.bob }))).code).toBe('FORBIDDEN');
    const stored = await db.pool.query(`SELECT owner_id::text AS owner, name FROM main.deal WHERE id = $1`, [ids['A1']]);
    expect(stored.rows[0]).toEqual({ owner: USERS.alice, name: 'A1' });
    expect(await records.update(alice, 'deal', ids['A1']!, { stage: 'won' }, { selection: sel('stage') })).toEqual({ stage: 'won' });
  });

  it('deletes only with the delete right, telling visible-but-forbidden from absent', async () => {
    expect(await failure(records.delete(alice, 'deal', ids['A1']!))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure(records.delete(vic, 'deal', ids['A1']!))).toMatchObject({ code: 'FORBIDDEN' });
    const gone = await records.delete(max, 'deal', ids['N1']!, { selection: sel('name') });
    expect(gone).toEqual({ name: 'N1' });
  });
});

describe('shares', () => {
  it('widens the read scope (and with edit, the update scope) of one record', async () => {
    const bobsDeal = ids['B1']!;
    const share = async (access: 'read' | 'edit') => {
      await db.pool.query(`DELETE FROM "trellis"."record_share"`);
      await db.pool.query(
        `INSERT INTO "trellis"."record_share" (table_oid, record_id, user_id, access, created_by) VALUES ('"main"."deal"'::regclass, $1, $2, $3, 'test')`,
        [bobsDeal, USERS.alice, access],
      );
    };
    await share('read');
    expect(await records.get(alice, 'deal', bobsDeal, { selection: sel('name') })).toEqual({ name: 'B1' });
    expect((await failure(records.update(alice, 'deal', bobsDeal, { name: 'B1!' }))).code).toBe('FORBIDDEN');
    await share('edit');
    expect(await records.update(alice, 'deal', bobsDeal, { stage: 'shared' }, { selection: sel('stage') })).toEqual({ stage: 'shared' });
    await db.pool.query(`DELETE FROM "trellis"."record_share"`);
    expect(await records.get(alice, 'deal', bobsDeal, { selection: sel('name') })).toBeNull();
  });
});

describe('record history', () => {
  it('records every create, update and delete with actor, source and old → new values', async () => {
    const created = await records.create(alice, 'deal', { name: 'H1', stage: 'new' });
    const id = created['id'] as string;
    await records.update(alice, 'deal', id, { stage: 'won' });
    await records.delete(max, 'deal', id);
    const { rows } = await db.pool.query(
      `SELECT action, actor, source, changes FROM "trellis"."record_history" WHERE record_id = $1 ORDER BY id`,
      [id],
    );
    expect(rows).toEqual([
      { action: 'create', actor: `user:${USERS.alice}`, source: 'ui', changes: expect.objectContaining({ name: [null, 'H1'], stage: [null, 'new'], owner_id: [null, USERS.alice] }) },
      { action: 'update', actor: `user:${USERS.alice}`, source: 'ui', changes: { stage: ['new', 'won'] } },
      { action: 'delete', actor: `user:${USERS.max}`, source: 'ui', changes: expect.objectContaining({ name: ['H1', null], stage: ['won', null] }) },
    ]);
  });
});
