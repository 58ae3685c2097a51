import { moveField, removeSection } from './layout-edits.js';

const layout = () => ({
  sections: [
    { label: 'A', columns: 2, fields: ['a1', 'a2'] },
    { label: 'B', columns: 1, fields: ['b1'] },
  ],
});

describe('form layout moves', () => {
  it('swaps neighbours inside a section', () => {
    expect(moveField(layout(), 'a2', -1).sections[0].fields).toEqual(['a2', 'a1']);
  });

  it('crosses into the next or previous section at the edges', () => {
    const down = moveField(layout(), 'a2', 1);
    expect(down.sections.map((s) => s.fields)).toEqual([['a1'], ['a2', 'b1']]);
    const up = moveField(layout(), 'b1', -1);
    expect(up.sections.map((s) => s.fields)).toEqual([['a1', 'a2', 'b1'], []]);
  });

  it('stays put at the very top and bottom, and for unknown fields', () => {
    const l = layout();
    expect(moveField(l, 'a1', -1)).toBe(l);
    expect(moveField(l, 'b1', 1)).toBe(l);
    expect(moveField(l, 'zz', 1)).toBe(l);
  });

  it('keeps the fields of a removed section', () => {
    expect(removeSection(layout(), 1).sections).toEqual([{ label: 'A', columns: 2, fields: ['a1', 'a2', 'b1'] }]);
    expect(removeSection(layout(), 0).sections).toEqual([{ label: 'B', columns: 1, fields: ['b1', 'a1', 'a2'] }]);
  });
});
