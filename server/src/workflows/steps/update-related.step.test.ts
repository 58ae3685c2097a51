import { jest } from '@jest/globals';
import type { UpdateRelatedStep } from '@trellis/metadata';
import { failure, stepKit, type StepKit } from './testing/step-kit.js';
import { stepsDocument } from './testing/steps-document.js';

jest.setTimeout(120_000);

let kit: StepKit;
let acme: string;
let globex: string;
const deals: Record<string, string> = {};
const tags: Record<string, string> = {};

beforeAll(async () => {
  kit = await stepKit(stepsDocument());
  acme = await kit.create('company', { name: 'Acme' });
  globex = await kit.create('company', { name: 'Globex' });
  for (const label of ['vip', 'cold']) tags[label] = await kit.create('tag', { label });
  for (const [name, company, stage, tagged] of [
    ['A1', acme, 'open', ['vip', 'cold']],
    ['A2', acme, 'open', []],
    ['A3', acme, 'lost', []],
    ['G1', globex, 'open', []],
  ] as const) {
    deals[name] = await kit.create('deal', { name, company, stage, tags: tagged.map((t) => tags[t]) });
  }
});

afterAll(async () => {
  await kit?.close();
});

const step = (relation: string, values: UpdateRelatedStep['values'], filter?: UpdateRelatedStep['filter']): UpdateRelatedStep => ({
  key: 'cascade',
  type: 'updateRelated',
  relation,
  values,
  ...(filter !== undefined ? { filter } : {}),
});
const stages = async () => Object.fromEntries((await kit.app.pool.query(`SELECT name, stage FROM main.deal ORDER BY name`)).rows.map((r) => [r.name, r.stage]));

describe('updateRelated', () => {
  it('updates the oneToMany related records the filter selects (compiled to SQL), and only those', async () => {
    const result = await kit.run(step('deals', { stage: 'frozen' }, { '==': [{ var: 'record.stage' }, 'open'] }), { entity: 'company', recordId: acme });
    expect(result.output).toEqual({ count: 2, ids: [deals['A1'], deals['A2']].sort() });
    expect(result.description).toBe('Updated 2 deals linked to company “Acme” through deals: stage = "frozen"');
    expect(await stages()).toEqual({ A1: 'frozen', A2: 'frozen', A3: 'lost', G1: 'open' });
    const rows = await kit.app.pool.query(`SELECT DISTINCT updated_by FROM main.deal WHERE stage = 'frozen'`);
    expect(rows.rows).toEqual([{ updated_by: 'workflow:testFlow' }]);
  });

  it('follows a manyToOne relation to the one related record', async () => {
    const result = await kit.run(step('company', { tier: { cat: ['from ', { var: 'record.name' }] } }), { entity: 'deal', recordId: deals['G1'] });
    expect(result.output).toEqual({ count: 1, ids: [globex] });
    const { rows } = await kit.app.pool.query(`SELECT tier FROM main.company WHERE id = $1`, [globex]);
    expect(rows[0].tier).toBe('from G1');
  });

  it('follows a manyToMany relation', async () => {
    const result = await kit.run(step('tags', { hot: true }, { '!=': [{ var: 'record.label' }, 'cold'] }), { entity: 'deal', recordId: deals['A1'] });
    expect(result.output).toEqual({ count: 1, ids: [tags['vip']] });
    const { rows } = await kit.app.pool.query(`SELECT label, hot FROM main.tag ORDER BY label`);
    expect(rows).toEqual([{ label: 'cold', hot: null }, { label: 'vip', hot: true }]);
  });

  it('reports what it would update in a dry run, writing nothing', async () => {
    const before = await stages();
    const result = await kit.run(step('deals', { stage: 'won' }), { entity: 'company', recordId: acme, dryRun: true });
    expect(result.output).toEqual({ count: 3, ids: [deals['A1'], deals['A2'], deals['A3']].sort() });
    expect(result.description).toBe('Would update 3 deals linked to company “Acme” through deals: stage = "won"');
    expect(await stages()).toEqual(before);
  });

  it('updates nothing when nothing is linked', async () => {
    const lonely = await kit.create('company', { name: 'Lonely' });
    const result = await kit.run(step('deals', { stage: 'x' }), { entity: 'company', recordId: lonely });
    expect(result.output).toEqual({ count: 0, ids: [] });
  });

  it('names an unknown relation and a filter the compiler refuses', async () => {
    const unknown = await failure(kit.run(step('contacts', { stage: 'x' }), { entity: 'company', recordId: acme }));
    expect(unknown.message).toBe('Step "cascade" (updateRelated, setting "relation"): "contacts" is no relation field of company (its relations: deals).');
    const badFilter = await failure(kit.run(step('deals', { stage: 'x' }, { '==': [{ var: 'record.nope' }, 1] }), { entity: 'company', recordId: acme }));
    expect(badFilter.message).toMatch(/^Step "cascade" \(updateRelated, setting "filter"\): Reading the related deal records failed — .*nope/);
  });

  it('touches only the related records the runAs role may read and update', async () => {
    const error = await failure(kit.run(step('deals', { stage: 'x' }), { entity: 'company', recordId: globex, runAs: 'reader' }));
    expect(error.code).toBe('FORBIDDEN');
    expect(await stages()).toMatchObject({ G1: 'open' });
  });
});
