import { definePlugin, type PluginDefinition } from './index.js';
import { problemsOf } from './testing/definition-problems.js';

const minimal: PluginDefinition = { name: 'starter-sales', version: '0.1.0' };

describe('definePlugin', () => {
  it('returns a valid definition unchanged, keeping its literal type', () => {
    const plugin = definePlugin({
      ...minimal,
      description: 'Companies, people and deals',
      packs: ['/opt/trellis/plugins/starter-sales/pack'],
      operations: { double: (n: number) => n * 2 },
    });
    expect(plugin.name).toBe('starter-sales');
    expect(plugin.operations.double(2)).toBe(4);
  });

  it.each(['1.0.0', '0.1.0-beta.2', '2.3.4+build.7', '10.20.30-rc.1+sha.5114f85'])('accepts the semantic version %s', (version) => {
    expect(problemsOf({ ...minimal, version })).toEqual([]);
  });

  it.each(['1.0', 'v1.0.0', '01.0.0', '1.0.0-', 'latest', ''])('refuses the version %p with a clear message', (version) => {
    expect(problemsOf({ ...minimal, version })).toEqual([`version ${JSON.stringify(version)} must be a semantic version like '1.2.3'`]);
  });

  it.each(['Starter', 'starter_sales', '-sales', 'sales-', 'a--b', '', 'x'.repeat(61)])('refuses the name %p', (name) => {
    expect(problemsOf({ ...minimal, name })).toEqual([
      `name ${JSON.stringify(name)} must be 1-60 lowercase letters, digits and single hyphens, starting with a letter (e.g. 'starter-sales')`,
    ]);
  });

  it('reports every problem at once in the error message', () => {
    expect(() => definePlugin({ name: 'Bad Name', version: 'one' } as PluginDefinition)).toThrow(
      /Invalid plugin 'Bad Name':\n- name "Bad Name" must be[^\n]*\n- version "one" must be a semantic version/,
    );
  });

  it('refuses a field type defined twice or missing its functions', () => {
    const ft = { name: 'rating', columns: () => [], graphql: () => ({ output: 'Int', input: 'Int' }), jsonSchema: () => ({}) };
    expect(problemsOf({ ...minimal, fieldTypes: [ft, ft, { name: 'stars' }] })).toEqual([
      "fieldTypes[1]: field type 'rating' is defined twice",
      "fieldTypes[2] ('stars') must define columns(field)",
      "fieldTypes[2] ('stars') must define graphql(field)",
      "fieldTypes[2] ('stars') must define jsonSchema(field)",
    ]);
  });

  it('refuses operations that are not functions or have bad names', () => {
    expect(problemsOf({ ...minimal, operations: { 'a.b': () => 1, twice: 2 } })).toEqual([
      "operations.a.b: operation names are identifiers (letters, digits, '_')",
      'operations.twice must be a function or { evaluate, minArgs, result, description }',
    ]);
  });

  it('takes pack folders as absolute paths only', () => {
    expect(problemsOf({ ...minimal, packs: ['/srv/packs/a', 'C:\\packs\\b', 'packs/c', 3] as never })).toEqual([
      "packs[2] must be an absolute folder path, e.g. fileURLToPath(new URL('../packs/my-pack', import.meta.url))",
      "packs[3] must be an absolute folder path, e.g. fileURLToPath(new URL('../packs/my-pack', import.meta.url))",
    ]);
    expect(problemsOf({ ...minimal, packs: 'packs' as never })).toEqual(['packs must be an array of pack folder paths']);
  });
});

describe('definePlugin actions', () => {
  const sendSms = {
    label: 'Send an SMS',
    description: 'Texts a phone number',
    inputSchema: { type: 'object', properties: { to: { type: 'string' }, text: { type: 'string', maxLength: 160 } }, required: ['to', 'text'] },
    run: async (input: { to: string; text: string }) => ({ sent: input.to }),
  };

  it('accepts actions with a label, an object input schema and run, typed by their input', async () => {
    const plugin = definePlugin({ ...minimal, actions: { sendSms } });
    expect(await plugin.actions.sendSms.run({ to: '+1555', text: 'hi' })).toEqual({ sent: '+1555' });
  });

  it('names every problem of an action', () => {
    expect(
      problemsOf({
        ...minimal,
        actions: {
          'send-sms': sendSms,
          broken: { label: '', inputSchema: { type: 'string' }, run: 'nope' },
          noSchema: { label: 'No schema', run: () => 1 },
          notAnObject: 3,
        },
      }),
    ).toEqual([
      "actions.send-sms: action names are camelCase identifiers (e.g. 'sendSms'), up to 60 characters",
      'actions.broken.label must be a non-empty string',
      'actions.broken.run must be a function (input, ctx) => result',
      'actions.broken.inputSchema.type must be "object": an action\'s input is a map of named values',
      'actions.noSchema.inputSchema must be a JSON Schema object, e.g. { "type": "object", "properties": { "to": { "type": "string" } } }',
      'actions.notAnObject must be an object { label, description?, inputSchema, run(input, ctx) }',
    ]);
    expect(problemsOf({ ...minimal, actions: [] })).toEqual(['actions must be an object of { label, inputSchema, run } by action name']);
    expect(problemsOf({ ...minimal, actions: { a: { ...sendSms, inputSchema: { properties: [], required: 'to' } } } })).toEqual([
      'actions.a.inputSchema.properties must be an object of property schemas',
      'actions.a.inputSchema.required must be a list of property names',
    ]);
  });
});
