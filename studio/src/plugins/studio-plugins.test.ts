import { findFieldType, getFieldType, unregisterFieldType } from '@trellis/metadata';
import { evaluateRule, unregisterOperation } from '@trellis/runtime';
import { loadStudioPlugins, pluginWidget } from './studio-plugins.js';

const widget = () => null;
const mood = { ...getFieldType('integer'), name: 'studioMood', label: 'Mood', widget: 'moodPicker' };

afterAll(() => {
  if (findFieldType('studioMood')) unregisterFieldType('studioMood');
  unregisterOperation('studioTwice');
});

describe('loadStudioPlugins', () => {
  it('registers field types, operations and widgets, and leaves out a failing plugin with one line each', async () => {
    const lines: string[] = [];
    const active = await loadStudioPlugins(
      [
        {
          source: '@acme/moods',
          load: async () => ({
            default: {
              name: 'moods',
              fieldTypes: [mood],
              operations: { studioTwice: { evaluate: (n: number) => n * 2, minArgs: 1, result: 'number', description: 'Twice.' } },
              widgets: { moodPicker: widget },
            },
          }),
        },
        { source: '@acme/throws', load: async () => { throw new Error('boom at import'); } },
        { source: '@acme/bad', load: async () => ({ default: { name: 'bad', widgets: { moodPicker: widget } } }) },
        { source: '@acme/invalid', load: async () => ({ default: { name: 'Invalid' } }) },
      ],
      (line) => lines.push(line),
    );
    expect(active).toEqual(['moods']);
    expect(findFieldType('studioMood')?.label).toBe('Mood');
    expect(evaluateRule({ studioTwice: [4] })).toBe(8);
    expect(pluginWidget('moodPicker')).toBe(widget);
    expect(pluginWidget('nothing')).toBeUndefined();
    expect(lines).toEqual([
      'Plugin "@acme/throws" left out of the studio: boom at import',
      'Plugin "@acme/bad" left out of the studio: its widget "moodPicker" is already provided by another plugin',
      expect.stringMatching(/^Plugin "@acme\/invalid" left out of the studio: Invalid studio plugin 'Invalid': - name "Invalid" must be/),
    ]);
  });
});
