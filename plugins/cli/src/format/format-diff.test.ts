import { formatDiffChange, formatValue } from './format-diff.js';

describe('formatDiffChange', () => {
  it.each([
    [{ kind: 'renameEntity', entity: 'client', from: 'company' }, '> entity client renamed from company'],
    [{ kind: 'renameField', entity: 'person', field: 'surname', from: 'lastName' }, '> field person.surname renamed from lastName'],
    [{ kind: 'changeEntity', entity: 'deal', property: 'layouts.form', from: undefined, to: { sections: [] } }, '~ entity deal: layouts.form (none) → {"sections":[]}'],
    [{ kind: 'removeEntity', entity: 'memo' }, '- entity memo'],
    [{ kind: 'changeOther', path: '/workflows/escalate', from: undefined, to: {} }, '+ workflow escalate'],
    [{ kind: 'changeOther', path: '/roles/salesRep', from: {}, to: undefined }, '- role salesRep'],
    [{ kind: 'changeOther', path: '/workflows/escalate', from: { a: 1 }, to: { a: 2 } }, '~ workflow escalate changed'],
  ] as const)('describes %j', (change, line) => {
    expect(formatDiffChange(change as Parameters<typeof formatDiffChange>[0])).toBe(line);
  });

  it('shortens long values', () => {
    expect(formatValue('x'.repeat(200))).toHaveLength(70);
    expect(formatValue('x'.repeat(200)).endsWith('…')).toBe(true);
  });
});
