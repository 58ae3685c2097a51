/**
 * Record history and sharing through the /metadata API: the timeline of a record as its reader may see it
 * (hidden fields left out, names of the actors), following a field rename, and shares that open one record.
 */
import { jest } from '@jest/globals';
import { rewriteReferences, type MetadataDocument } from '@trellis/metadata';
import { matrixDocument } from '../permissions/testing/matrix-document.js';
import { withTestApp, type TestApp, type TestClient } from '../testing/test-app.js';

jest.setTimeout(120_000);

let app: TestApp;
let alice: TestClient; // rep: her own deals, amount hidden
let aliceId: string;
let robert: TestClient;

interface Change {
  action: string;
  actor: string;
  actorName: string | null;
  source: string;
  changes: Record<string, { from: unknown; to: unknown }>;
}

const HISTORY = `query($id: ID!) { recordHistory(entity: "deal", id: $id) { action actor actorName source changes } }`;

beforeAll(async () => {
  app = await withTestApp(matrixDocument());
  ({ id: aliceId, client: alice } = await app.createUser({ email: 'alice@example.test', name: 'Alice', roles: ['rep'] }));
  ({ client: robert } = await app.createUser({ email: 'robert@example.test', name: 'Robert', roles: ['rep'] }));
});

afterAll(async () => {
  await app?.close();
});

async function createDeal(client: TestClient, data: Record<string, unknown>): Promise<string> {
  const r = await client.graphql<{ createDeal: { id: string } }>(`mutation($d: DealCreateInput!) { createDeal(data: $d) { id } }`, { d: data });
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data.createDeal.id;
}

describe('record history', () => {
  it('shows each change with who, from where, and old → new per field — without the fields hidden from the reader', async () => {
    const id = await createDeal(app.admin.client, { name: 'H1', stage: 'new', amount: 10, owner: aliceId });
    await alice.graphql(`mutation($id: ID!) { updateDeal(id: $id, data: { stage: "won" }) { id } }`, { id });
    await app.graphql(`mutation($id: ID!) { updateDeal(id: $id, data: { amount: 20 }) { id } }`, { id });

    const asAdmin = await app.metadata<{ recordHistory: Change[] }>(HISTORY, { id });
    expect(asAdmin.data!.recordHistory).toEqual([
      { action: 'update', actor: `user:${app.admin.id}`, actorName: 'Test Admin', source: 'ui', changes: { amount: { from: 10, to: 20 } } },
      { action: 'update', actor: `user:${aliceId}`, actorName: 'Alice', source: 'ui', changes: { stage: { from: 'new', to: 'won' } } },
      expect.objectContaining({ action: 'create', changes: expect.objectContaining({ name: { from: null, to: 'H1' }, amount: { from: null, to: 10 } }) }),
    ]);
    // Alice cannot see the amount: its change is not in her timeline, and its value nowhere.
    const asAlice = await alice.metadata<{ recordHistory: Change[] }>(HISTORY, { id });
    expect(asAlice.data!.recordHistory.map((c) => Object.keys(c.changes))).toEqual([[], ['stage'], expect.not.arrayContaining(['amount'])]);
    expect(JSON.stringify(asAlice.data)).not.toMatch(/"amount"/);
    // Robert cannot read the deal at all: no history either.
    const asRobert = await robert.metadata(HISTORY, { id });
    expect(asRobert.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });

  it('follows a renamed field: earlier changes show under its new name', async () => {
    const id = await createDeal(app.admin.client, { name: 'R1', stage: 'new' });
    // As the studio renames a field: the references (here the viewer role's field access) follow.
    const renamed: MetadataDocument = rewriteReferences(app.published!.document, 'deal', 'stage', 'phase');
    const deal = renamed.entities['deal']!;
    deal.fields = Object.fromEntries(Object.entries(deal.fields).map(([k, v]) => (k === 'stage' ? ['phase', { ...v, label: 'Phase', renamedFrom: 'stage' }] : [k, v])));
    await app.publish(renamed);
    const r = await app.metadata<{ recordHistory: Change[] }>(HISTORY, { id });
    expect(r.data!.recordHistory[0]!.changes).toMatchObject({ phase: { from: null, to: 'new' } });
    expect(r.data!.recordHistory[0]!.changes).not.toHaveProperty('stage');
  });
});

describe('sharing', () => {
  it('lets whoever may change a record share it, opening it to the grantee — read, then edit — until unshared', async () => {
    const id = await createDeal(robert, { name: 'Robert’s deal' });
    const read = `query($id: ID!) { deal(id: $id) { name } }`;
    expect((await alice.graphql(read, { id })).data).toEqual({ deal: null });

    // Alice cannot share what she cannot change.
    const refused = await alice.metadata(`mutation($id: ID!, $u: ID) { shareRecord(entity: "deal", id: $id, userId: $u, access: "read") { id } }`, { id, u: aliceId });
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');

    const share = await robert.metadata<{ shareRecord: { id: string; userName: string; access: string } }>(
      `mutation($id: ID!, $u: ID) { shareRecord(entity: "deal", id: $id, userId: $u, access: "read") { id userName access } }`,
      { id, u: aliceId },
    );
    expect(share.data!.shareRecord).toMatchObject({ userName: 'Alice', access: 'read' });
    expect((await alice.graphql(read, { id })).data).toEqual({ deal: { name: 'Robert’s deal' } });
    const update = `mutation($id: ID!) { updateDeal(id: $id, data: { name: "Shared deal" }) { name } }`;
    expect((await alice.graphql(update, { id })).errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    await robert.metadata(`mutation($id: ID!, $u: ID) { shareRecord(entity: "deal", id: $id, userId: $u, access: "edit") { id } }`, { id, u: aliceId });
    expect((await alice.graphql(update, { id })).data).toEqual({ updateDeal: { name: "Shared deal" } });
    const shares = await alice.metadata<{ recordShares: { id: string; userId: string; access: string }[] }>(
      `query($id: ID!) { recordShares(entity: "deal", id: $id) { id userId access } }`,
      { id },
    );
    expect(shares.data!.recordShares).toEqual([{ id: share.data!.shareRecord.id, userId: aliceId, access: 'edit' }]);

    const bad = await robert.metadata(`mutation($id: ID!) { shareRecord(entity: "deal", id: $id, access: "own") { id } }`, { id });
    expect(bad.errors?.[0]).toMatchObject({ message: expect.stringContaining('"read" or "edit"'), extensions: { code: 'BAD_USER_INPUT' } });

    expect((await robert.metadata(`mutation($s: ID!) { unshareRecord(shareId: $s) }`, { s: share.data!.shareRecord.id })).data).toEqual({ unshareRecord: true });
    expect((await alice.graphql(read, { id })).data).toEqual({ deal: null });
  });
});
