import { jest } from '@jest/globals';
import type { UpdateRecordStep } from '@trellis/metadata';
import { failure, stepKit, type StepKit } from './testing/step-kit.js';
import { stepsDocument } from './testing/steps-document.js';

jest.setTimeout(120_000);

let kit: StepKit;
let dealId: string;

beforeAll(async () => {
  kit = await stepKit(stepsDocument());
  dealId = await kit.create('deal', { name: 'Acme renewal', stage: 'open', amount: 100 });
});

afterAll(async () => {
  await kit?.close();
});

const step = (values: UpdateRecordStep['values']): UpdateRecordStep => ({ key: 'markWon', type: 'updateRecord', values });
const stored = async () => (await kit.app.pool.query(`SELECT stage, amount::float AS amount, close_date::text AS close_date, updated_by FROM main.deal WHERE id = $1`, [dealId])).rows[0];

describe('updateRecord', () => {
  it('writes evaluated values to the trigger record as the workflow actor and returns the refreshed record', async () => {
    const result = await kit.run(step({ stage: 'won', closeDate: '2026-11-26', amount: { '*': [{ var: 'record.amount' }, 2] } }), { entity: 'deal', recordId: dealId });
    expect(result.output).toEqual({ id: dealId });
    expect(result.input).toEqual({ stage: 'won', closeDate: '2026-11-26', amount: 200 });
    expect(result.description).toBe('Updated deal “Acme renewal”: stage = "won", closeDate = "2026-11-26", amount = 200');
    expect(result.record).toMatchObject({ id: dealId, stage: 'won', amount: 200, closeDate: '2026-11-26' });
    expect(await stored()).toEqual({ stage: 'won', amount: 200, close_date: '2026-11-26', updated_by: 'workflow:testFlow' });
  });

  it('describes and checks the values in a dry run without writing', async () => {
    const before = await stored();
    const result = await kit.run(step({ stage: 'lost' }), { entity: 'deal', recordId: dealId, dryRun: true });
    expect(result.description).toBe('Would update deal “Acme renewal”: stage = "lost"');
    expect(result.record).toMatchObject({ stage: 'lost' });
    expect(await stored()).toEqual(before);
    const invalid = await failure(kit.run(step({ amount: -5 }), { entity: 'deal', recordId: dealId, dryRun: true }));
    expect(invalid.message).toMatch(/^Step "markWon" \(updateRecord, setting "values"\): the values would be refused — amount: /);
  });

  it('fails with the step, the rule and the field when validation refuses the write', async () => {
    const other = await kit.create('deal', { name: 'No date', stage: 'open' });
    const error = await failure(kit.run({ ...step({ stage: 'won' }), label: 'Mark as won' }, { entity: 'deal', recordId: other }));
    expect(error.message).toContain('Step "Mark as won" (updateRecord): Updating the deal “No date” failed');
    expect(error.message).toContain('closeDate: A won deal needs a close date');
    expect(error.code).toBe('VALIDATION_FAILED');
  });

  it('acts with the permissions of its runAs role', async () => {
    const error = await failure(kit.run(step({ stage: 'lost' }), { entity: 'deal', recordId: dealId, runAs: 'reader' }));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toMatch(/^Step "markWon" \(updateRecord\): Updating the deal “Acme renewal” failed — /);
  });

  it('names the field whose expression cannot be evaluated, and needs a trigger record', async () => {
    const bad = await failure(kit.run(step({ amount: { regexMatch: ['(', 'x'] } }), { entity: 'deal', recordId: dealId }));
    expect(bad.message).toMatch(/^Step "markWon" \(updateRecord, setting "values"\): The value of 'amount' could not be evaluated/);
    const none = await failure(kit.run(step({ stage: 'x' }), {}));
    expect(none.code).toBe('STEP_NO_RECORD');
  });
});
