import { findFieldType, findOperationSignature, getFieldType, validateDocument, type FieldTypeDefinition } from '@trellis/metadata';
import { evaluateRule, listOperations } from '@trellis/runtime';
import { registerContributions } from './contributions.js';
import { defineStudioPlugin } from './studio.js';

const mood: FieldTypeDefinition = { ...getFieldType('integer'), name: 'mood', label: 'Mood' };
const twice = { evaluate: (n: number) => n * 2, minArgs: 1, maxArgs: 1, result: 'number' as const, description: 'Twice the number.' };

describe('registerContributions', () => {
  it('registers field types and operations (implementation and signature) and removes them again', () => {
    const undo = registerContributions({ name: 'moods', fieldTypes: [mood], operations: { twice } });
    try {
      expect(findFieldType('mood')?.label).toBe('Mood');
      expect(evaluateRule({ twice: [21] })).toBe(42);
      expect(findOperationSignature('twice')).toMatchObject({ minArgs: 1, maxArgs: 1, result: 'number', origin: 'plugin' });
      // The signature is what lets a published rule use the operation.
      const doc = {
        entities: {
          thing: {
            label: 'Thing', pluralLabel: 'Things', plural: 'things',
            fields: { n: { type: 'mood', label: 'N' } },
            rules: { small: { invalidWhen: { '>': [{ twice: [{ var: 'record.n' }] }, 10] }, message: 'Too big' } },
          },
        },
      };
      expect(validateDocument(doc as never)).toEqual([]);
    } finally {
      undo();
    }
    expect(findFieldType('mood')).toBeUndefined();
    expect(listOperations()).not.toContain('twice');
    expect(findOperationSignature('twice')).toBeUndefined();
  });

  it('gives a bare function the loosest signature', () => {
    const undo = registerContributions({ name: 'loose', operations: { shout: (s: string) => `${s}!` } });
    try {
      expect(evaluateRule({ shout: ['hi'] })).toBe('hi!');
      expect(findOperationSignature('shout')).toMatchObject({ minArgs: 0, result: 'any' });
    } finally {
      undo();
    }
  });

  it('is all or nothing and names the plugin that owns a clashing name', () => {
    const undo = registerContributions({ name: 'first', operations: { twice } });
    try {
      expect(() => registerContributions({ name: 'second', fieldTypes: [mood], operations: { twice } })).toThrow(
        'its operation "twice" is already registered by the plugin "first"',
      );
      expect(findFieldType('mood')).toBeUndefined();
      expect(() => registerContributions({ name: 'third', fieldTypes: [{ ...mood, name: 'text' }] })).toThrow(/has the name of a built-in type/);
    } finally {
      undo();
    }
  });
});

describe('defineStudioPlugin', () => {
  it('lists every problem: name, operation signature, widget not provided', () => {
    expect(() =>
      defineStudioPlugin({
        name: 'Geo',
        operations: { near: { evaluate: () => 1, minArgs: -1, result: 'point' as never, description: '' } },
        fieldTypes: [{ ...mood, widget: 'moodPicker' }],
      }),
    ).toThrow(
      [
        "Invalid studio plugin 'Geo':",
        '- name "Geo" must be the plugin\'s name (lowercase letters, digits and hyphens)',
        '- operations.near.minArgs must be an integer ≥ 0',
        '- operations.near.result must be one of boolean, number, string, date, dateTime, array, any',
        '- operations.near.description must say in one sentence what it computes',
        '- field type "mood" names the widget "moodPicker", which neither this plugin nor the studio provides: add it to widgets',
      ].join('\n'),
    );
  });

  it('refuses a widget named like one of the studio’s own', () => {
    expect(() => defineStudioPlugin({ name: 'moods', widgets: { rating: () => null } })).toThrow(
      'widgets.rating: "rating" is a widget of the studio itself; give the plugin\'s widget another name',
    );
  });

  it('accepts a plugin whose types use its own or built-in widgets', () => {
    const widget = () => null;
    const def = { name: 'moods', fieldTypes: [{ ...mood, widget: 'moodPicker' }], widgets: { moodPicker: widget } };
    expect(defineStudioPlugin(def)).toBe(def);
  });
});

describe('registering a plugin again', () => {
  it('replaces what the same plugin registered before', () => {
    registerContributions({ name: 'again', fieldTypes: [mood], operations: { twice } });
    const undo = registerContributions({ name: 'again', fieldTypes: [{ ...mood, label: 'Mood 2' }], operations: { twice } });
    expect(findFieldType('mood')?.label).toBe('Mood 2');
    undo();
    expect(findFieldType('mood')).toBeUndefined();
  });
});
