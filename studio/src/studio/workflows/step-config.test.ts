import { formSchemaOf, messagesAt, shortHelp, patchConfig, settingKind, settingOrder, stepConfig, uiSchemaOf, withConfig } from './step-config.js';

describe('step forms', () => {
  const schema = {
    type: 'object',
    required: ['type', 'key', 'strategy'],
    properties: { type: { const: 'assign' }, key: { type: 'string' }, label: { type: 'string' }, strategy: { enum: ['user', 'roundRobin', 'leastLoaded'] }, user: {}, team: { type: 'string' }, role: { type: 'string' } },
    oneOf: [{ required: ['team'] }, { required: ['role'] }],
  };

  it('keeps only the settings and drops combinators', () => {
    const form = formSchemaOf(schema);
    expect(Object.keys(form.properties as object)).toEqual(['strategy', 'user', 'team', 'role']);
    expect(form.required).toEqual(['strategy']);
    expect(form.oneOf).toBeUndefined();
    expect(settingOrder('assign', form)).toEqual(['strategy', 'user', 'team', 'role']);
    expect(uiSchemaOf('assign', form).team).toEqual({ 'ui:field': 'workflowSetting' });
  });

  it('picks an editor per setting', () => {
    expect(settingKind('assign', 'strategy', schema.properties.strategy)).toBe('enum');
    expect(settingKind('assign', 'user', {}, { strategy: 'user' })).toBe('expression');
    expect(settingKind('assign', 'user', {}, { strategy: 'roundRobin' })).toBe('hidden');
    expect(settingKind('assign', 'team', {}, { strategy: 'leastLoaded' })).toBe('pool');
    expect(settingKind('createTask', 'dueIn', {})).toBe('due');
    expect(settingKind('updateRecord', 'values', {})).toBe('values');
    expect(settingKind('somePlugin', 'x', {})).toBe('expression');
    expect(settingKind('httpRequest', 'timeoutMs', { type: 'integer' })).toBe('number');
    expect(settingKind('httpRequest', 'sign', { type: 'boolean' })).toBe('boolean');
    expect(settingKind('x', 'd', { type: 'object', properties: { amount: {}, unit: {} } })).toBe('duration');
  });

  it('keeps either/or settings exclusive', () => {
    expect(patchConfig('createTask', { title: 't', dueIn: { amount: 1, unit: 'days' } }, { dueAt: { var: 'record.closeDate' } })).toEqual({ title: 't', dueAt: { var: 'record.closeDate' } });
    expect(patchConfig('assign', { strategy: 'user', user: 'u1' }, { strategy: 'roundRobin' })).toEqual({ strategy: 'roundRobin' });
    expect(patchConfig('assign', { strategy: 'roundRobin', team: 'Sales' }, { role: 'rep' })).toEqual({ strategy: 'roundRobin', role: 'rep' });
    expect(patchConfig('notify', { title: 'x', body: 'y' }, { body: undefined })).toEqual({ title: 'x' });
  });

  it('splits a step into settings and back', () => {
    const step = { type: 'if' as const, key: 'k', label: 'L', condition: true, then: [], else: [] };
    expect(stepConfig(step)).toEqual({ condition: true, then: [], else: [] });
    expect(withConfig(step, { condition: false })).toEqual({ type: 'if', key: 'k', label: 'L', condition: false, then: [], else: [] });
  });

  it('finds messages inside a setting', () => {
    const problems = [{ rest: ['values', 'amunt'], message: 'unknown' }, { rest: ['title'], message: 'empty' }];
    expect(messagesAt(problems, ['values'])).toEqual(['unknown']);
    expect(messagesAt(problems, ['values'], true)).toEqual([]);
  });
});

describe('settings of other step types', () => {
  it('follows the catalog marks', () => {
    expect(settingKind('custom', 'greeting', { type: 'string' }, {}, { templates: ['greeting'] })).toBe('template');
    expect(settingKind('custom', 'score', { type: 'number' }, {}, { expressions: ['score'] })).toBe('expression');
  });
});

describe('setting help', () => {
  it('drops the catalog sentences the editors explain', () => {
    expect(shortHelp('A user id or a list of them. JSON Logic over { record, previous, user, now, trigger, steps }, e.g. {"var": "record.amount"}; a plain value is itself.')).toBe('A user id or a list of them.')
    expect(shortHelp('The task\'s title. Placeholders such as {{record.name}} are filled in when the step runs.')).toBe('The task\'s title.');
    expect(shortHelp('Field name → the value to write, each JSON Logic over { record }, e.g. x')).toBe('Field name → the value to write');
    expect(shortHelp(undefined)).toBeUndefined();
  });
});
