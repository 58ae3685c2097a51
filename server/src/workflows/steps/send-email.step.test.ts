import { jest } from '@jest/globals';
import type { SendEmailStep } from '@trellis/metadata';
import { failure, stepKit, type StepKit } from './testing/step-kit.js';
import { stepsDocument } from './testing/steps-document.js';

jest.setTimeout(120_000);

let kit: StepKit;
let ownerId: string;
let dealId: string;

beforeAll(async () => {
  kit = await stepKit(stepsDocument());
  ownerId = (await kit.app.createUser({ email: 'owner.person@mail.test', name: 'Olivia', roles: ['sales'] })).id;
  await kit.app.createUser({ email: 'seller.person@mail.test', name: 'Sam', roles: ['sales'] });
  dealId = await kit.create('deal', { name: 'Acme', email: 'buyer@acme.example', owner: ownerId });
});

afterAll(async () => {
  await kit?.close();
});

const email = (rest: Partial<SendEmailStep>): SendEmailStep => ({ key: 'mail', type: 'sendEmail', to: { var: 'record.email' }, subject: 'About {{record.name}}', body: 'Hello from {{record.name}}', ...rest });
const outbox = async (runId: string) =>
  (await kit.app.pool.query(`SELECT to_address, subject, body, status FROM trellis.mail_outbox WHERE workflow_run_id = $1 ORDER BY to_address`, [runId])).rows;

describe('sendEmail', () => {
  it('queues one pending mail per address: the to expression plus the recipients, each once', async () => {
    const runId = '00000000-0000-4000-8000-00000000000a';
    const result = await kit.run(email({ to: [{ var: 'record.email' }, 'Buyer@Acme.example'], recipients: { owner: true, roles: ['sales'] } }), { entity: 'deal', recordId: dealId, runId });
    expect((result.output as { mailIds: string[] }).mailIds).toHaveLength(3);
    expect(await outbox(runId)).toEqual([
      { to_address: 'buyer@acme.example', subject: 'About Acme', body: 'Hello from Acme', status: 'pending' },
      { to_address: 'owner.person@mail.test', subject: 'About Acme', body: 'Hello from Acme', status: 'pending' },
      { to_address: 'seller.person@mail.test', subject: 'About Acme', body: 'Hello from Acme', status: 'pending' },
    ]);
    expect(result.description).toBe('Queued “About Acme” for buyer@acme.example, owner.person@mail.test, seller.person@mail.test');
  });

  it('queues nothing in a dry run', async () => {
    const runId = '00000000-0000-4000-8000-00000000000b';
    const result = await kit.run(email({ subject: 'Line\nbreak' }), { entity: 'deal', recordId: dealId, runId, dryRun: true });
    expect(result).toMatchObject({ output: { mailIds: [] }, description: 'Would email “Line break” to buyer@acme.example' });
    expect(await outbox(runId)).toEqual([]);
  });

  it('refuses what is not an address (no header injection), and sends nothing when the address is blank', async () => {
    const bad = await failure(kit.run(email({ to: 'x@y.z\r\nBcc: all@corp.example' }), { entity: 'deal', recordId: dealId }));
    expect(bad.message).toMatch(/^Step "mail" \(sendEmail, setting "to"\): "x@y.z\\r\\nBcc: all@corp.example" is not an email address/);
    const blank = await kit.create('deal', { name: 'No email' });
    const nobody = await kit.run(email({}), { entity: 'deal', recordId: blank });
    expect(nobody).toMatchObject({ output: { mailIds: [] }, description: 'Emailed nobody: the step gave no address' });
  });
});
