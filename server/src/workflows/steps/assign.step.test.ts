import { jest } from '@jest/globals';
import type { AssignStep } from '@trellis/metadata';
import { failure, stepKit, type StepKit } from './testing/step-kit.js';
import { stepsDocument } from './testing/steps-document.js';

jest.setTimeout(120_000);

let kit: StepKit;
const people: Record<string, string> = {};
let salesMembers: string[]; // active members of team Sales, in id (= turn) order

beforeAll(async () => {
  kit = await stepKit(stepsDocument());
  for (const [name, roles] of [
    ['Ann', ['sales']],
    ['Carl', ['sales']],
    ['Dora', ['sales']],
    ['Gone', ['sales']],
    ['Lone', ['reader']],
  ] as const) {
    people[name] = (await kit.app.createUser({ email: `${name.toLowerCase()}.person@assign.test`, name, roles: [...roles] })).id;
  }
  const team = await kit.app.metadata(`mutation($input: TeamInput!) { createTeam(input: $input) { id } }`, {
    input: { name: 'Sales', memberIds: [people['Ann'], people['Carl'], people['Dora'], people['Gone']] },
  });
  expect(team.errors).toBeUndefined();
  await kit.app.metadata(`mutation($input: TeamInput!) { createTeam(input: $input) { id } }`, { input: { name: 'Empty', memberIds: [people['Gone']] } });
  await kit.app.pool.query(`UPDATE trellis."user" SET active = false WHERE id = $1`, [people['Gone']]);
  salesMembers = [people['Ann']!, people['Carl']!, people['Dora']!].sort();
});

afterAll(async () => {
  await kit?.close();
});

const ownerOf = async (id: string) => (await kit.app.pool.query(`SELECT owner_id::text AS owner FROM main.deal WHERE id = $1`, [id])).rows[0].owner as string | null;
const newDeal = (name = 'Lead') => kit.create('deal', { name });
const assign = (rest: Partial<AssignStep>): AssignStep => ({ key: 'route', type: 'assign', strategy: 'roundRobin', ...rest });
const nameOf = (id: string) => Object.entries(people).find(([, v]) => v === id)?.[0];

describe('assign', () => {
  it('assigns the user an expression gives, and refuses a non-user or an inactive one', async () => {
    const deal = await newDeal('Direct');
    const result = await kit.run(assign({ strategy: 'user', user: people['Lone'] }), { entity: 'deal', recordId: deal });
    expect(result.output).toEqual({ userId: people['Lone'] });
    expect(result.description).toBe('Assigned deal “Direct” to Lone');
    expect(result.record).toMatchObject({ owner: people['Lone'] });
    expect(await ownerOf(deal)).toBe(people['Lone']);
    const inactive = await failure(kit.run(assign({ strategy: 'user', user: people['Gone'] }), { entity: 'deal', recordId: deal }));
    expect(inactive.message).toMatch(/^Step "route" \(assign, setting "user"\): no active user with id /);
    const notAnId = await failure(kit.run(assign({ strategy: 'user', user: { var: 'record.name' } }), { entity: 'deal', recordId: deal }));
    expect(notAnId.message).toBe('Step "route" (assign, setting "user"): expected a user id, got "Direct": give a user\'s id or an expression such as {"var": "record.createdBy"}.');
  });

  it('round-robins through the active team members in turn, skipping deactivated ones', async () => {
    const picked: string[] = [];
    for (let i = 0; i < 6; i++) {
      const deal = await newDeal(`RR ${i}`);
      const result = await kit.run(assign({ team: 'Sales' }), { entity: 'deal', recordId: deal });
      picked.push((result.output as { userId: string }).userId);
      expect(await ownerOf(deal)).toBe(picked.at(-1));
    }
    expect(picked).toEqual([...salesMembers, ...salesMembers]);
    expect(picked).not.toContain(people['Gone']);
  });

  it('stays fair when runs assign concurrently (the turn is locked in each step transaction)', async () => {
    const deals = await Promise.all(Array.from({ length: 9 }, (_, i) => newDeal(`Concurrent ${i}`)));
    const results = await Promise.all(deals.map((id) => kit.run(assign({ role: 'sales' }), { entity: 'deal', recordId: id })));
    const counts = new Map<string, number>();
    for (const r of results) counts.set((r.output as { userId: string }).userId, (counts.get((r.output as { userId: string }).userId) ?? 0) + 1);
    expect(Object.fromEntries([...counts].map(([id, n]) => [nameOf(id), n]))).toEqual({ Ann: 3, Carl: 3, Dora: 3 });
  });

  it('picks the least loaded user (fewest deals owned), ties in turn', async () => {
    await kit.app.pool.query(`DELETE FROM main.deal`);
    const owned = async (name: string, count: number) => {
      for (let i = 0; i < count; i++) await kit.create('deal', { name: `${name} ${i}`, owner: people[name] });
    };
    await owned('Ann', 3);
    await owned('Carl', 1);
    await owned('Dora', 1);
    const picks: string[] = [];
    for (let i = 0; i < 4; i++) {
      const deal = await newDeal(`LL ${i}`);
      const result = await kit.run(assign({ strategy: 'leastLoaded', team: 'Sales' }), { entity: 'deal', recordId: deal });
      picks.push(nameOf((result.output as { userId: string }).userId)!);
      if (i === 0) expect(result.description).toMatch(/^Assigned deal “LL 0” to (Carl|Dora) \(least loaded in team Sales, who owns 1 other one\)$/);
    }
    // Carl and Dora (1 each) take turns until they catch up with Ann (3), then all three are tied.
    expect(picks.slice(0, 4).sort()).toEqual(['Carl', 'Carl', 'Dora', 'Dora']);
    const fifth = await kit.run(assign({ strategy: 'leastLoaded', team: 'Sales' }), { entity: 'deal', recordId: await newDeal('LL 4') });
    expect(fifth.output).toEqual({ userId: expect.any(String) });
  });

  it('moves neither the owner nor the turn in a dry run', async () => {
    const deal = await newDeal('Dry');
    const first = await kit.run(assign({ team: 'Sales' }), { entity: 'deal', recordId: deal, dryRun: true });
    const second = await kit.run(assign({ team: 'Sales' }), { entity: 'deal', recordId: deal, dryRun: true });
    expect(second.output).toEqual(first.output);
    expect(first.description).toMatch(/^Would assign deal “Dry” to \w+ \(round robin in team Sales\)$/);
    expect(await ownerOf(deal)).toBeNull();
  });

  it('explains a pool it cannot pick from', async () => {
    const deal = await newDeal('Nobody');
    const empty = await failure(kit.run(assign({ team: 'Empty' }), { entity: 'deal', recordId: deal }));
    expect(empty.message).toBe('Step "route" (assign, setting "team"): the team Empty has no active user to assign to: add members or pick another team.');
    const unknown = await failure(kit.run(assign({ team: 'Nope' }), { entity: 'deal', recordId: deal }));
    expect(unknown.message).toContain('no team named "Nope"');
    const both = await failure(kit.run(assign({ team: 'Sales', role: 'sales' }), { entity: 'deal', recordId: deal }));
    expect(both.message).toContain('set exactly one of "team" and "role"');
    expect(both.code).toBe('STEP_CONFIG');
  });
});
