import { insertByNeighbours, mergeOrder } from './merge-order.js';

const members = (...ids: string[]) => new Set(ids);

describe('mergeOrder', () => {
  it('inserts new items after their nearest placed predecessor, else before their nearest placed follower, else at the end', () => {
    const order = ['c', 'a'];
    insertByNeighbours(order, ['x', 'a', 'y', 'z', 'b', 'w'], members('c', 'a', 'x', 'y', 'z', 'w'));
    expect(order).toEqual(['c', 'x', 'a', 'y', 'z', 'w']);
    const empty: string[] = [];
    insertByNeighbours(empty, ['p', 'q'], members('p', 'q'));
    expect(empty).toEqual(['p', 'q']);
  });

  it('keeps the customer’s order and places the pack’s new items by their pack neighbours', () => {
    expect(mergeOrder(['a', 'b', 'c'], ['a', 'n', 'b', 'c'], ['c', 'b', 'a'], members('a', 'b', 'c', 'n'))).toEqual({ order: ['c', 'b', 'a', 'n'], packReorder: undefined });
  });

  it('takes the pack’s order when only the pack reordered, and places the customer’s new items by theirs', () => {
    expect(mergeOrder(['a', 'b', 'c'], ['c', 'b', 'a'], ['a', 'm', 'b', 'c'], members('a', 'b', 'c', 'm'))).toEqual({ order: ['c', 'b', 'a', 'm'], packReorder: 'applied' });
  });

  it('says whether a pack reordering was already there or dropped for the customer’s', () => {
    expect(mergeOrder(['a', 'b'], ['b', 'a'], ['b', 'a'], members('a', 'b')).packReorder).toBe('alreadyApplied');
    expect(mergeOrder(['a', 'b', 'c'], ['c', 'b', 'a'], ['b', 'c', 'a'], members('a', 'b', 'c'))).toEqual({ order: ['b', 'c', 'a'], packReorder: 'keptYours' });
  });

  it('ignores removed items when comparing orders', () => {
    expect(mergeOrder(['a', 'b', 'c'], ['a', 'c'], ['b', 'a', 'c'], members('a', 'c')).order).toEqual(['a', 'c']);
  });

  it('takes the pack’s reorder when the customer only moved an item the pack removed, and stays put when merged again', () => {
    const base = ['name', 'website', 'industry', 'employees'];
    const theirs = ['industry', 'name', 'website']; // reordered, employees removed
    const ours = ['employees', 'name', 'website', 'industry']; // only employees moved
    const members = new Set(['name', 'website', 'industry']);
    const first = mergeOrder(base, theirs, ours, members);
    expect(first).toEqual({ order: ['industry', 'name', 'website'], packReorder: 'applied' });
    expect(mergeOrder(base, theirs, first.order, members).order).toEqual(first.order);
  });
});

