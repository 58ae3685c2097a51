import { diffableJson, diffLines, diffStats, foldUnchanged } from './line-diff.js';

describe('line diff', () => {
  it('marks added and removed lines with their numbers', () => {
    const lines = diffLines('a\nb\nc', 'a\nc\nd');
    expect(lines).toEqual([
      { kind: 'same', text: 'a', oldLine: 1, newLine: 1 },
      { kind: 'removed', text: 'b', oldLine: 2 },
      { kind: 'same', text: 'c', oldLine: 3, newLine: 2 },
      { kind: 'added', text: 'd', newLine: 3 },
    ]);
    expect(diffStats(lines)).toEqual({ added: 1, removed: 1 });
  });

  it('handles empty sides', () => {
    expect(diffLines('', 'x').map((l) => l.kind)).toEqual(['added']);
    expect(diffLines('x', '').map((l) => l.kind)).toEqual(['removed']);
    expect(diffLines('', '')).toEqual([]);
  });

  it('folds long unchanged runs', () => {
    const a = Array.from({ length: 20 }, (_, i) => `l${i}`).join('\n');
    const b = a.replace('l10', 'L10');
    const rows = foldUnchanged(diffLines(a, b), 2);
    expect(rows.map((r) => (r.kind === 'fold' ? `fold${r.count}` : r.kind))).toEqual(['fold8', 'same', 'same', 'removed', 'added', 'same', 'same', 'fold7']);
  });

  it('ignores key order', () => {
    expect(diffableJson({ b: 1, a: { d: 1, c: 2 } })).toBe(diffableJson({ a: { c: 2, d: 1 }, b: 1 }));
    expect(diffableJson(undefined)).toBe('');
  });
});
