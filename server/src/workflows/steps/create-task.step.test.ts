import { jest } from '@jest/globals';
import type { CreateTaskStep } from '@trellis/metadata';
import { failure, stepKit, type StepKit } from './testing/step-kit.js';
import { stepsDocument } from './testing/steps-document.js';

jest.setTimeout(120_000);

let kit: StepKit;
let owner: string;
let other: string;
let dealId: string;

beforeAll(async () => {
  kit = await stepKit(stepsDocument());
  owner = (await kit.app.createUser({ email: 'owner.person@task.test', name: 'Olivia', roles: ['sales'] })).id;
  other = (await kit.app.createUser({ email: 'other.person@task.test', name: 'Peter', roles: ['sales'] })).id;
  await kit.app.pool.query(`UPDATE trellis."user" SET time_zone = 'Europe/Paris' WHERE id = $1`, [other]);
  dealId = await kit.create('deal', { name: 'Acme', owner, closeDate: '2026-12-01' });
});

afterAll(async () => {
  await kit?.close();
});

const task = (rest: Partial<CreateTaskStep>): CreateTaskStep => ({ key: 'followUp', type: 'createTask', title: 'Follow up {{record.name}}', ...rest });
const stored = async (id: string) =>
  (await kit.app.pool.query(`SELECT title, description, assignee_id::text AS assignee, entity, record_id::text AS record, workflow_run_id::text AS run, created_by, due_at, status FROM trellis.task WHERE id = $1`, [id])).rows[0];

describe('createTask', () => {
  it('creates a task for the record owner, due after dueIn, related to the record and the run', async () => {
    const before = Date.now();
    const result = await kit.run(task({ description: 'Stage: {{record.stage}}', dueIn: { amount: 3, unit: 'days' } }), { entity: 'deal', recordId: dealId, runId: '00000000-0000-4000-8000-000000000001' });
    const taskId = (result.output as { taskId: string }).taskId;
    const row = await stored(taskId);
    expect(row).toMatchObject({ title: 'Follow up Acme', description: 'Stage:', assignee: owner, entity: 'deal', record: dealId, run: '00000000-0000-4000-8000-000000000001', created_by: 'workflow:testFlow', status: 'open' });
    const due = (row.due_at as Date).getTime();
    expect(due).toBeGreaterThanOrEqual(before + 3 * 86_400_000);
    expect(due).toBeLessThan(Date.now() + 3 * 86_400_000 + 1000);
    expect(result.description).toMatch(/^Created task “Follow up Acme” for Olivia, due \d+ \w+ \d{4}, \d\d:\d\d UTC on deal “Acme”$/);
    expect(result.input).toMatchObject({ title: 'Follow up Acme', assigneeId: owner, entity: 'deal', recordId: dealId });
  });

  it('takes dueAt from a date field at 09:00 in the assignee’s time zone, for the assignee the expression gives', async () => {
    const result = await kit.run(task({ assignee: other, dueAt: { var: 'record.closeDate' } }), { entity: 'deal', recordId: dealId });
    const row = await stored((result.output as { taskId: string }).taskId);
    expect(row.assignee).toBe(other);
    expect((row.due_at as Date).toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(result.description).toContain('for Peter, due 1 Dec 2026, 09:00 Europe/Paris');
  });

  it('writes nothing in a dry run', async () => {
    const { rows } = await kit.app.pool.query(`SELECT count(*)::int AS n FROM trellis.task`);
    const result = await kit.run(task({}), { entity: 'deal', recordId: dealId, dryRun: true });
    expect(result).toMatchObject({ output: { taskId: null }, description: 'Would create task “Follow up Acme” for Olivia on deal “Acme”' });
    expect((await kit.app.pool.query(`SELECT count(*)::int AS n FROM trellis.task`)).rows[0].n).toBe(rows[0].n);
  });

  it('leaves the task unassigned when the record has no owner, and works without a record', async () => {
    const orphan = await kit.create('deal', { name: 'Orphan' });
    const result = await kit.run(task({}), { entity: 'deal', recordId: orphan });
    expect(result.description).toBe('Created task “Follow up Orphan” (unassigned) on deal “Orphan”');
    const scheduled = await kit.run(task({ title: 'Weekly review', assignee: owner }), {});
    expect(await stored((scheduled.output as { taskId: string }).taskId)).toMatchObject({ title: 'Weekly review', entity: null, record: null });
  });

  it('refuses an assignee that is no active user, a bad due date, an empty title', async () => {
    const bad = await failure(kit.run(task({ assignee: 'someone' }), { entity: 'deal', recordId: dealId }));
    expect(bad.message).toBe('Step "followUp" (createTask, setting "assignee"): expected a user id for the assignee, got "someone": give an expression such as {"var": "record.owner"}.');
    const date = await failure(kit.run(task({ dueAt: 'next week' }), { entity: 'deal', recordId: dealId }));
    expect(date.message).toBe('Step "followUp" (createTask, setting "dueAt"): expected a date (YYYY-MM-DD) or a date-time, got "next week".');
    const empty = await failure(kit.run(task({ title: '{{record.stage}}' }), { entity: 'deal', recordId: dealId }));
    expect(empty.message).toContain('setting "title"): the title is empty');
    const both = await failure(kit.run(task({ dueIn: { amount: 1, unit: 'days' }, dueAt: '2026-01-01' }), { entity: 'deal', recordId: dealId }));
    expect(both.code).toBe('STEP_CONFIG');
  });
});
