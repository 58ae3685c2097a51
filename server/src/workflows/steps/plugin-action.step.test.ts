import { jest } from '@jest/globals';
import type { MetadataDocument, PluginActionStep } from '@trellis/metadata';
import { definePlugin, TransientActionError, type PluginActionContext } from '@trellis/plugin-sdk';
import { MetadataStoreService } from '../../metadata-store/metadata-store.service.js';
import { TransientStepError } from '../step-executor.js';
import { WorkflowActionRegistry } from './plugin-actions.js';
import { failure, stepKit, type StepKit } from './testing/step-kit.js';
import { stepsDocument } from './testing/steps-document.js';

jest.setTimeout(120_000);

const calls: { input: Record<string, unknown>; ctx: PluginActionContext }[] = [];

const smsPlugin = definePlugin({
  name: 'acme-sms',
  version: '1.0.0',
  actions: {
    sendSms: {
      label: 'Send an SMS',
      description: 'Texts a phone number',
      inputSchema: {
        type: 'object',
        properties: { to: { type: 'string', pattern: '^\\+' }, text: { type: 'string', maxLength: 40 }, meta: { type: 'object' } },
        required: ['to', 'text'],
        additionalProperties: false,
      },
      run: async (input: Record<string, unknown>, ctx: PluginActionContext) => {
        calls.push({ input, ctx });
        if (input['text'] === 'flaky') throw new TransientActionError('gateway busy');
        if (input['text'] === 'boom') throw new Error('number blocked');
        return { messageId: `m-${calls.length}`, at: new Date(0) };
      },
    },
  },
});

let kit: StepKit;
let dealId: string;

beforeAll(async () => {
  kit = await stepKit(stepsDocument(), { plugins: [smsPlugin] });
  dealId = await kit.create('deal', { name: 'Acme' });
});

afterAll(async () => {
  await kit?.close();
});

const sms = (input: PluginActionStep['input'], action = 'acme-sms.sendSms'): PluginActionStep => ({ key: 'text', type: 'pluginAction', action, input });

describe('pluginAction', () => {
  it('runs the action with the evaluated input and the step context; its JSON result is the output', async () => {
    const runId = '00000000-0000-4000-8000-0000000000bb';
    const result = await kit.run(sms({ to: '+15550100', text: { cat: ['Won: ', { var: 'record.name' }] }, meta: { deal: { var: 'record.id' } } }), { entity: 'deal', recordId: dealId, runId, attempt: 2 });
    expect(result.output).toEqual({ messageId: 'm-1', at: '1970-01-01T00:00:00.000Z' });
    expect(result.description).toBe('Ran “Send an SMS” (acme-sms.sendSms)');
    expect(calls[0]!.input).toEqual({ to: '+15550100', text: 'Won: Acme', meta: { deal: dealId } });
    expect(calls[0]!.ctx).toMatchObject({ workspace: 'main', workflow: 'testFlow', stepKey: 'text', runId, idempotencyKey: `${runId}:text`, attempt: 2, entity: 'deal', record: { name: 'Acme' } });
  });

  it('checks the input but does not call the action in a dry run', async () => {
    const before = calls.length;
    const result = await kit.run(sms({ to: '+1', text: 'hi' }), { dryRun: true });
    expect(result).toMatchObject({ output: null, description: 'Would run “Send an SMS” (acme-sms.sendSms)' });
    expect(calls.length).toBe(before);
  });

  it('refuses an evaluated input the schema rules out, naming what is wrong', async () => {
    const error = await failure(kit.run(sms({ to: { var: 'record.name' }, text: 'hi' }), { entity: 'deal', recordId: dealId }));
    expect(error.message).toBe('Step "text" (pluginAction, setting "input"): the input does not fit acme-sms.sendSms: to must match pattern "^\\+" (evaluated input: {"to":"Acme","text":"hi"}).');
  });

  it('retries a TransientActionError and stops on any other failure', async () => {
    expect(await failure(kit.run(sms({ to: '+1', text: 'flaky' }), {}))).toBeInstanceOf(TransientStepError);
    const error = await failure(kit.run(sms({ to: '+1', text: 'boom' }), {}));
    expect(error.message).toBe('Step "text" (pluginAction): the action acme-sms.sendSms failed: number blocked');
    expect(error.code).toBe('STEP_PLUGIN');
    const unknown = await failure(kit.run(sms({}, 'acme-sms.fax'), {}));
    expect(unknown.message).toBe('Step "text" (pluginAction, setting "action"): no plugin action "acme-sms.fax" is registered on this server (registered: acme-sms.sendSms): load the plugin, or change the step.');
  });

  it('lists the registered actions for the studio', () => {
    expect(kit.app.app.get(WorkflowActionRegistry).list()).toEqual([
      { type: 'acme-sms.sendSms', label: 'Send an SMS', description: 'Texts a phone number', plugin: 'acme-sms', schema: smsPlugin.actions.sendSms.inputSchema },
    ]);
  });

  it('refuses to publish unknown actions, missing or unknown inputs and literal inputs that fail the schema', async () => {
    const doc = (steps: PluginActionStep[]): MetadataDocument => ({
      ...stepsDocument(),
      workflows: { texting: { label: 'Texting', active: false, trigger: { type: 'manual', entity: 'deal' }, steps } },
    });
    const store = kit.app.app.get(MetadataStoreService);
    const problems = async (steps: PluginActionStep[]) =>
      (await store.preview('main', doc(steps))).problems.filter((p) => p.code.startsWith('UNKNOWN_PLUGIN') || p.code.startsWith('PLUGIN_'));
    expect(await problems([sms({ to: '+1', text: { var: 'record.name' } })])).toEqual([]);
    expect(await problems([{ ...sms({}, 'acme-sms.fax'), key: 'fax' }])).toEqual([
      {
        path: '/workflows/texting/steps/0/action',
        code: 'UNKNOWN_PLUGIN_ACTION',
        message: 'Unknown workflow action "acme-sms.fax": the registered actions are acme-sms.sendSms (a plugin registers them with definePlugin({ actions }) and is loaded through TRELLIS_PLUGINS).',
      },
    ]);
    expect(await problems([sms({ to: 'no plus', colour: 'red' })])).toEqual([
      { path: '/workflows/texting/steps/0/input', code: 'PLUGIN_ACTION_INPUT', message: 'acme-sms.sendSms needs the input text: add it.' },
      { path: '/workflows/texting/steps/0/input/to', code: 'PLUGIN_ACTION_INPUT', message: 'acme-sms.sendSms input "to": must match pattern "^\\+"' },
      { path: '/workflows/texting/steps/0/input/colour', code: 'PLUGIN_ACTION_INPUT', message: 'acme-sms.sendSms takes no input "colour" (its inputs: to, text, meta).' },
    ]);
    const publish = await failure(store.publish({ workspace: 'main', source: 'system', actor: { kind: 'system', id: 't', userId: null, roles: ['admin'], teams: [], attributes: {} } }, doc([{ ...sms({}, 'nope.x'), key: 'x' }]), { message: 'bad' }));
    expect(publish.message).toMatch(/Unknown workflow action "nope.x"/);
  });
});
