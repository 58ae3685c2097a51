import { definePlugin, hookRejection, type PluginDefinition } from './index.js';
import { problemsOf } from './testing/definition-problems.js';

const minimal: PluginDefinition = { name: 'audit-tools', version: '0.1.0' };

describe('definePlugin hooks', () => {
  it('accepts before and after hooks on an entity or on every entity', () => {
    const plugin = definePlugin({
      ...minimal,
      hooks: [
        { entity: 'opportunity', on: 'beforeUpdate', run: ({ record }) => (record['amount'] === 0 ? { reject: 'no free deals' } : undefined) },
        { entity: '*', on: 'afterDelete', run: async () => undefined },
      ],
    });
    expect(plugin.hooks).toHaveLength(2);
    expect(plugin.hooks[0]!.run({ entity: 'opportunity', record: { amount: 0 }, previous: null, user: {}, now: '2026-01-01T00:00:00Z' })).toEqual({ reject: 'no free deals' });
  });

  it('refuses hooks with a bad entity, event or run', () => {
    expect(problemsOf({ ...minimal, hooks: [{ entity: 'Opportunity', on: 'beforeSave', run: 1 }, null] })).toEqual([
      "hooks[0].entity must be an entity name or '*'",
      'hooks[0].on "beforeSave" must be one of beforeCreate, beforeUpdate, beforeDelete, afterCreate, afterUpdate, afterDelete',
      'hooks[0].run must be a function',
      'hooks[1] must be an object { entity, on, run }',
    ]);
    expect(problemsOf({ ...minimal, hooks: {} })).toEqual(['hooks must be an array of { entity, on, run }']);
  });

  it('reads a rejection from a hook result', () => {
    expect(hookRejection(undefined)).toBeUndefined();
    expect(hookRejection({ reject: 'Closed deals are locked' })).toBe('Closed deals are locked');
    expect(hookRejection({ reject: '' })).toBe('Refused by a plugin hook');
    expect(hookRejection({ other: 1 })).toBeUndefined();
  });
});
