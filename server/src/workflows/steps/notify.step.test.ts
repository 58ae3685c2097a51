import { jest } from '@jest/globals';
import type { NotifyStep } from '@trellis/metadata';
import { testPassword } from '../../testing/test-app.js';
import { failure, stepKit, type StepKit } from './testing/step-kit.js';
import { stepsDocument } from './testing/steps-document.js';

jest.setTimeout(120_000);

let kit: StepKit;
const people: Record<string, string> = {};
let dealId: string;

beforeAll(async () => {
  kit = await stepKit(stepsDocument());
  for (const [name, roles] of [
    ['Owen', ['sales']],
    ['Mia', ['reader']],
    ['Theo', ['sales']],
    ['Gone', ['reader']],
  ] as const) {
    people[name] = (await kit.app.createUser({ email: `${name.toLowerCase()}.person@notify.test`, name, roles: [...roles] })).id;
  }
  await kit.app.metadata(`mutation($input: TeamInput!) { createTeam(input: $input) { id } }`, { input: { name: 'Managers', memberIds: [people['Mia'], people['Owen']] } });
  await kit.app.pool.query(`UPDATE trellis."user" SET active = false WHERE id = $1`, [people['Gone']]);
  dealId = await kit.create('deal', { name: 'Acme', owner: people['Owen'], stage: 'won', closeDate: '2026-11-26' });
});

afterAll(async () => {
  await kit?.close();
});

const notify = (recipients: NotifyStep['recipients'], rest: Partial<NotifyStep> = {}): NotifyStep => ({ key: 'tell', type: 'notify', recipients, title: '{{record.name}} is {{record.stage}}', ...rest });
const notificationsOf = async (userId: string) =>
  (await kit.app.pool.query(`SELECT title, body, entity, record_id::text AS record FROM trellis.notification WHERE user_id = $1 ORDER BY created_at`, [userId])).rows;

describe('notify', () => {
  it('notifies owner, roles, teams and users once each, about the trigger record', async () => {
    const result = await kit.run(
      notify({ owner: true, roles: ['sales'], teams: ['Managers'], users: [people['Mia'], people['Gone']] }, { body: 'Owner: {{record.owner}}' }),
      { entity: 'deal', recordId: dealId },
    );
    const output = result.output as { count: number; userIds: string[] };
    expect(output.count).toBe(3);
    expect([...output.userIds].sort()).toEqual([people['Owen'], people['Mia'], people['Theo']].sort());
    expect(result.description).toMatch(/^Notified (Owen|Mia|Theo), (Owen|Mia|Theo) and (Owen|Mia|Theo) \(skipped 1 inactive or unknown user\): “Acme is won”$/);
    expect(await notificationsOf(people['Owen']!)).toEqual([{ title: 'Acme is won', body: `Owner: ${people['Owen']}`, entity: 'deal', record: dealId }]);
    expect(await notificationsOf(people['Mia']!)).toHaveLength(1);
    expect(await notificationsOf(people['Gone']!)).toEqual([]);
  });

  it('shows up in the recipient’s unread count', async () => {
    const mia = await kit.app.signIn('mia.person@notify.test', testPassword('mia.person@notify.test'));
    const count = await mia.metadata<{ unreadNotificationCount: number }>('{ unreadNotificationCount }');
    expect(count.data!.unreadNotificationCount).toBe(1);
  });

  it('writes nothing in a dry run', async () => {
    const result = await kit.run(notify({ users: { var: 'record.owner' } }), { entity: 'deal', recordId: dealId, dryRun: true });
    expect(result).toMatchObject({ output: { count: 1, userIds: [people['Owen']] }, description: 'Would notify Owen: “Acme is won”' });
    expect(await notificationsOf(people['Owen']!)).toHaveLength(1);
  });

  it('names a bad users value and an unknown team; an owner-less record notifies nobody', async () => {
    const bad = await failure(kit.run(notify({ users: { var: 'record.name' } }), { entity: 'deal', recordId: dealId }));
    expect(bad.message).toMatch(/^Step "tell" \(notify, setting "recipients.users"\): expected user ids, got "Acme"/);
    const team = await failure(kit.run(notify({ teams: ['Manegers'] }), { entity: 'deal', recordId: dealId }));
    expect(team.message).toBe('Step "tell" (notify, setting "recipients.teams"): no team named "Manegers" (teams are matched by name): fix the name or create the team.');
    const noRecord = await failure(kit.run(notify({ owner: true }), {}));
    expect(noRecord.message).toContain('setting "recipients.owner"');
    const orphan = await kit.create('deal', { name: 'Orphan' });
    const nobody = await kit.run(notify({ owner: true }), { entity: 'deal', recordId: orphan });
    expect(nobody).toMatchObject({ output: { count: 0, userIds: [] }, description: 'Notified nobody: the recipients include no active user' });
  });
});
