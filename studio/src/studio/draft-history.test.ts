import { record, redo, startHistory, undo } from './draft-history.js';

describe('draft history', () => {
  it('undoes and redoes edits in order', () => {
    let h = startHistory('a');
    h = record(h, 'b', undefined, 0);
    h = record(h, 'c', undefined, 10_000);
    h = undo(h);
    expect(h.present).toBe('b');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(h.present).toBe('b');
  });

  it('collapses quick edits of the same input into one step', () => {
    let h = startHistory('');
    h = record(h, 'H', 'label', 0);
    h = record(h, 'He', 'label', 300);
    h = record(h, 'Hey', 'label', 600);
    expect(h.past).toEqual(['']);
    h = record(h, 'Hey!', 'other', 700);
    expect(h.past).toEqual(['', 'Hey']);
  });

  it('drops the redo stack on a new edit', () => {
    let h = record(startHistory(1), 2, undefined, 0);
    h = undo(h);
    h = record(h, 3, undefined, 5000);
    expect(h.future).toEqual([]);
    expect(h.past).toEqual([1]);
  });
});
