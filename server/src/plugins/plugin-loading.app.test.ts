/**
 * Plugin isolation on the real app: a plugin that throws at load time (bad definition, an operation that cannot
 * register, a package that cannot be imported) is disabled with one log line and the server still starts,
 * serving the plugins that loaded.
 */
import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { definePlugin, type PluginDefinition } from '@trellis/plugin-sdk';
import { evaluateRule, unregisterOperation } from '@trellis/runtime';
import { withTestApp, type TestApp } from '../testing/test-app.js';
import { rulesDocument } from '../records/testing/rules-fixture.js';

jest.setTimeout(120_000);

let app: TestApp;
const errors: string[] = [];
let previousEnv: string | undefined;

const working = definePlugin({
  name: 'working',
  version: '1.0.0',
  operations: { appTestShout: (s: string) => `${s}!` },
  hooks: [{ entity: 'deal', on: 'beforeCreate', run: () => ({ reject: 'working plugin says no' }) }],
});
const brokenOperation = { name: 'broken-op', version: '1.0.0', operations: { and: () => true } } as PluginDefinition;
const brokenHooks = { name: 'broken-hooks', version: '1.0.0', hooks: [{ entity: 'deal', on: 'beforeCreate', run: () => ({ reject: 'never' }) }, { entity: 'deal', on: 'whenever' }] } as unknown as PluginDefinition;

beforeAll(async () => {
  jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => void errors.push(String(message)));
  previousEnv = process.env['TRELLIS_PLUGINS'];
  process.env['TRELLIS_PLUGINS'] = '@trellis/no-such-plugin';
  app = await withTestApp(rulesDocument(), { plugins: [brokenOperation, working, brokenHooks] });
});

afterAll(async () => {
  if (previousEnv === undefined) delete process.env['TRELLIS_PLUGINS'];
  else process.env['TRELLIS_PLUGINS'] = previousEnv;
  jest.restoreAllMocks();
  unregisterOperation('appTestShout');
  await app?.close();
});

describe('plugin loading', () => {
  it('starts without the plugins that throw at load, each disabled with one log line', () => {
    const disabled = errors.filter((line) => line.includes(' disabled: '));
    expect(disabled).toEqual([
      "Plugin \"broken-op\" disabled: Cannot register JSON Logic operation 'and': it is a built-in operator",
      expect.stringMatching(/^Plugin "broken-hooks" disabled: Invalid plugin 'broken-hooks': - hooks\[1\]\.on "whenever" must be one of /),
      expect.stringMatching(/^Plugin "@trellis\/no-such-plugin" disabled: "@trellis\/no-such-plugin" could not be imported: /),
    ]);
  });

  it('serves the plugins that loaded: their operations and hooks work, the disabled ones do not run', async () => {
    expect(evaluateRule({ appTestShout: ['hi'] }, {})).toBe('hi!');
    const response = await app.graphql('mutation { createDeal(data: { title: "x" }) { id } }');
    expect(response.errors?.[0]?.extensions?.['fieldErrors']).toEqual([{ field: '_record', message: 'Plugin "working": working plugin says no', rule: 'plugin:working' }]);
  });
});
