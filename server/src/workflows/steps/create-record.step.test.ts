import { jest } from '@jest/globals';
import type { CreateRecordStep } from '@trellis/metadata';
import { failure, stepKit, type StepKit } from './testing/step-kit.js';
import { stepsDocument } from './testing/steps-document.js';

jest.setTimeout(120_000);

let kit: StepKit;
let companyId: string;

beforeAll(async () => {
  kit = await stepKit(stepsDocument());
  companyId = await kit.create('company', { name: 'Acme', tier: 'gold' });
});

afterAll(async () => {
  await kit?.close();
});

const step = (entity: string, values: CreateRecordStep['values']): CreateRecordStep => ({ key: 'newDeal', type: 'createRecord', entity, values });
const dealsOf = async (company: string) =>
  (await kit.app.pool.query(`SELECT name, stage, created_by FROM main.deal WHERE company_id = $1 ORDER BY name`, [company])).rows;

describe('createRecord', () => {
  it('creates a record of another entity related to the trigger record, as the workflow actor', async () => {
    const result = await kit.run(
      step('deal', { name: { cat: ['Renewal for ', { var: 'record.name' }] }, stage: 'new', company: { var: 'record.id' } }),
      { entity: 'company', recordId: companyId },
    );
    const id = (result.output as { id: string }).id;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.input).toEqual({ name: 'Renewal for Acme', stage: 'new', company: companyId });
    expect(result.description).toBe('Created deal “Renewal for Acme”');
    expect(await dealsOf(companyId)).toEqual([{ name: 'Renewal for Acme', stage: 'new', created_by: 'workflow:testFlow' }]);
  });

  it('creates nothing in a dry run, and reports values that would be refused', async () => {
    const result = await kit.run(step('deal', { name: 'Dry', company: { var: 'record.id' } }), { entity: 'company', recordId: companyId, dryRun: true });
    expect(result).toMatchObject({ output: { id: null }, description: `Would create deal “Dry” with name = "Dry", company = "${companyId}"` });
    expect((await dealsOf(companyId)).map((d) => d.name)).toEqual(['Renewal for Acme']);
    const missing = await failure(kit.run(step('deal', { stage: 'new' }), { dryRun: true }));
    expect(missing.message).toMatch(/^Step "newDeal" \(createRecord, setting "values"\): the values would be refused — name: /);
  });

  it('works without a trigger record (scheduled and webhook workflows)', async () => {
    const result = await kit.run(step('tag', { label: 'From a webhook' }), {});
    expect(result.description).toBe('Created tag “From a webhook”');
  });

  it('names an unknown entity and refused writes', async () => {
    const unknown = await failure(kit.run(step('invoice', { name: 'x' }), {}));
    expect(unknown.message).toBe('Step "newDeal" (createRecord, setting "entity"): there is no entity "invoice" (entities: company, deal, tag).');
    const refused = await failure(kit.run(step('deal', { name: 'Neg', amount: -1 }), {}));
    expect(refused.code).toBe('VALIDATION_FAILED');
    expect(refused.message).toContain('Creating a deal failed — Validation failed — amount:');
    const forbidden = await failure(kit.run(step('tag', { label: 'x' }), { runAs: 'sales' }));
    expect(forbidden.code).toBe('FORBIDDEN');
  });
});
