/**
 * Tasks and notifications through /metadata as different users: each sees only their own inbox, a record's
 * tasks need read access to the record, and a task is closed only by its assignee, its creator or a user manager.
 */
import { jest } from '@jest/globals';
import { withTestApp, type TestApp, type TestClient } from '../testing/test-app.js';
import { matrixDocument } from '../permissions/testing/matrix-document.js';
import { NotificationsService } from './notifications.service.js';
import { TasksService } from './tasks.service.js';

jest.setTimeout(120_000);

let app: TestApp;
let alice: { id: string; client: TestClient };
let bob: { id: string; client: TestClient };
let aliceDeal: string;
let bobDeal: string;

const code = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.['code'];

const TASK = 'id title description dueAt status assigneeId assigneeName entity recordId recordLabel workflowRunId createdAt completedAt createdBy';

beforeAll(async () => {
  app = await withTestApp(matrixDocument());
  alice = await app.createUser({ email: 'alice@inbox.test', name: 'Alice', roles: ['rep'] });
  bob = await app.createUser({ email: 'robert@inbox.test', name: 'Bob', roles: ['rep'] });
  const create = async (name: string, owner: string) =>
    (await app.graphql<{ createDeal: { id: string } }>(`mutation($d: DealCreateInput!) { createDeal(data: $d) { id } }`, { d: { name, owner } })).data!.createDeal.id;
  aliceDeal = await create('Alice deal', alice.id);
  bobDeal = await create('Bob deal', bob.id);
});

afterAll(async () => {
  await app?.close();
});

describe('tasks', () => {
  it('creates a task for yourself about a record you may read, listed in your tasks with the record label', async () => {
    const created = await alice.client.metadata<{ createTask: Record<string, unknown> }>(
      `mutation($e: String, $r: ID, $d: DateTime) { createTask(title: "  Call back  ", dueAt: $d, entity: $e, recordId: $r) { ${TASK} } }`,
      { e: 'deal', r: aliceDeal, d: '2030-01-02T09:00:00.000Z' },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createTask).toMatchObject({
      title: 'Call back',
      status: 'open',
      assigneeId: alice.id,
      assigneeName: 'Alice',
      entity: 'deal',
      recordId: aliceDeal,
      recordLabel: 'Alice deal',
      dueAt: '2030-01-02T09:00:00.000Z',
      createdBy: 'Alice',
      completedAt: null,
    });
    const mine = await alice.client.metadata<{ myTasks: { title: string }[] }>(`{ myTasks { title } }`);
    expect(mine.data!.myTasks.map((t) => t.title)).toContain('Call back');
    const bobs = await bob.client.metadata<{ myTasks: unknown[] }>(`{ myTasks { title } }`);
    expect(bobs.data!.myTasks).toEqual([]);
  });

  it('refuses a task about a record the caller cannot read, and a blank title', async () => {
    const hidden = await alice.client.metadata(`mutation($r: ID) { createTask(title: "Peek", entity: "deal", recordId: $r) { id } }`, { r: bobDeal });
    expect(code(hidden)).toBe('NOT_FOUND');
    const blank = await alice.client.metadata(`mutation { createTask(title: "   ") { id } }`);
    expect(code(blank)).toBe('BAD_USER_INPUT');
    const half = await alice.client.metadata(`mutation { createTask(title: "x", entity: "deal") { id } }`);
    expect(code(half)).toBe('BAD_USER_INPUT');
  });

  it("lists a record's tasks only for people who may read the record", async () => {
    await app.metadata(`mutation($r: ID, $a: ID) { createTask(title: "Review Bob's deal", assigneeId: $a, entity: "deal", recordId: $r) { id } }`, { r: bobDeal, a: bob.id });
    const forBob = await bob.client.metadata<{ recordTasks: { title: string; recordLabel: string }[] }>(
      `query($r: ID!) { recordTasks(entity: "deal", recordId: $r) { title recordLabel } }`,
      { r: bobDeal },
    );
    expect(forBob.data!.recordTasks).toEqual([{ title: "Review Bob's deal", recordLabel: 'Bob deal' }]);
    const forAlice = await alice.client.metadata(`query($r: ID!) { recordTasks(entity: "deal", recordId: $r) { title } }`, { r: bobDeal });
    expect(code(forAlice)).toBe('NOT_FOUND');
  });

  it('lets the assignee, the creator and user managers close a task, nobody else', async () => {
    const created = await app.metadata<{ createTask: { id: string; createdBy: string } }>(
      `mutation($a: ID) { createTask(title: "Assigned by admin", assigneeId: $a) { id createdBy } }`,
      { a: alice.id },
    );
    const id = created.data!.createTask.id;
    expect(created.data!.createTask.createdBy).toBe('Test Admin');
    const set = (client: TestClient, done: boolean) =>
      client.metadata<{ setTaskDone: { status: string; completedAt: string | null } }>(`mutation($id: ID!, $d: Boolean!) { setTaskDone(id: $id, done: $d) { status completedAt } }`, { id, d: done });
    expect(code(await set(bob.client, true))).toBe('FORBIDDEN');
    const done = await set(alice.client, true);
    expect(done.data!.setTaskDone.status).toBe('done');
    expect(done.data!.setTaskDone.completedAt).not.toBeNull();
    const reopened = await set(app.admin.client, false);
    expect(reopened.data!.setTaskDone).toEqual({ status: 'open', completedAt: null });
    const doneList = await alice.client.metadata<{ myTasks: { title: string }[] }>(`{ myTasks(status: "done") { title } }`);
    expect(doneList.data!.myTasks.map((t) => t.title)).not.toContain('Assigned by admin');
    expect(code(await alice.client.metadata(`{ myTasks(status: "later") { id } }`))).toBe('BAD_USER_INPUT');
    // Unset variables arrive as null: they mean the defaults.
    const unset = await alice.client.metadata<{ myTasks: unknown[] }>(`query($s: String, $f: Int) { myTasks(status: $s, first: $f) { id } }`, { s: null, f: null });
    expect(unset.errors).toBeUndefined();
    expect(unset.data!.myTasks.length).toBeGreaterThan(1);
  });

  it('lists open tasks first, soonest due first, then done ones', async () => {
    const make = async (title: string, dueAt: string | null) =>
      (await alice.client.metadata<{ createTask: { id: string } }>(`mutation($t: String!, $d: DateTime, $r: ID) { createTask(title: $t, dueAt: $d, entity: "deal", recordId: $r) { id } }`, { t: title, d: dueAt, r: aliceDeal })).data!.createTask.id;
    const finished = await make('Finished', '2020-01-01T00:00:00.000Z');
    await make('Later', '2031-01-01T00:00:00.000Z');
    await make('Sooner', '2030-06-01T00:00:00.000Z');
    await alice.client.metadata(`mutation($id: ID!) { setTaskDone(id: $id, done: true) { id } }`, { id: finished });
    const list = await alice.client.metadata<{ recordTasks: { title: string }[] }>(`query($r: ID!) { recordTasks(entity: "deal", recordId: $r) { title } }`, { r: aliceDeal });
    expect(list.data!.recordTasks.map((t) => t.title)).toEqual(['Call back', 'Sooner', 'Later', 'Finished']);
    const all = await alice.client.metadata<{ myTasks: { title: string }[] }>(`{ myTasks(status: "all") { title } }`);
    expect(all.data!.myTasks.map((t) => t.title).at(-1)).toBe('Finished');
  });

  it('shows a workflow-created task with the workflow as creator and hides the label of an unreadable record', async () => {
    const tasks = app.app.get(TasksService);
    await tasks.create({ workspace: 'main', title: 'From a workflow', assigneeId: alice.id, entity: 'deal', recordId: bobDeal, createdBy: 'workflow:followUp' });
    const mine = await alice.client.metadata<{ myTasks: { title: string; createdBy: string; recordLabel: string | null }[] }>(`{ myTasks { title createdBy recordLabel } }`);
    expect(mine.data!.myTasks.find((t) => t.title === 'From a workflow')).toEqual({ title: 'From a workflow', createdBy: 'Workflow “followUp”', recordLabel: null });
  });
});

describe('notifications', () => {
  it('lists, counts and marks read only your own notifications', async () => {
    const service = app.app.get(NotificationsService);
    const [a1] = await service.create({ workspace: 'main', userIds: [alice.id, alice.id], title: 'Deal won', body: 'Acme signed', entity: 'deal', recordId: aliceDeal });
    await service.create({ workspace: 'main', userIds: [alice.id, bob.id], title: 'Second' });
    const count = (client: TestClient) => client.metadata<{ unreadNotificationCount: number }>(`{ unreadNotificationCount }`).then((r) => r.data!.unreadNotificationCount);
    expect(await count(alice.client)).toBe(2); // the duplicate recipient got one
    expect(await count(bob.client)).toBe(1);
    const list = await alice.client.metadata<{ notifications: { id: string; title: string; body: string | null; readAt: string | null }[] }>(`{ notifications { id title body entity recordId readAt } }`);
    expect(list.data!.notifications.map((n) => n.title)).toEqual(['Second', 'Deal won']);
    // Bob cannot mark Alice's notification read.
    const bobMarks = await bob.client.metadata<{ markNotificationsRead: number }>(`mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`, { ids: [a1] });
    expect(bobMarks.data!.markNotificationsRead).toBe(0);
    const one = await alice.client.metadata<{ markNotificationsRead: number }>(`mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`, { ids: [a1] });
    expect(one.data!.markNotificationsRead).toBe(1);
    const unread = await alice.client.metadata<{ notifications: { title: string }[] }>(`{ notifications(unreadOnly: true) { title } }`);
    expect(unread.data!.notifications.map((n) => n.title)).toEqual(['Second']);
    const all = await alice.client.metadata<{ markNotificationsRead: number }>(`mutation { markNotificationsRead }`);
    expect(all.data!.markNotificationsRead).toBe(1);
    expect(await count(alice.client)).toBe(0);
    expect(await count(bob.client)).toBe(1);
  });
});
