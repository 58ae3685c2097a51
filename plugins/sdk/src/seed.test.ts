import { isSeedLookup } from './seed.js';

describe('isSeedLookup', () => {
  it('recognises a $lookup reference by natural key', () => {
    expect(isSeedLookup({ $lookup: { name: 'Acme Corp' } })).toBe(true);
  });

  it.each([null, 'Acme', ['x'], { name: 'Acme' }, { $lookup: 'Acme' }, { $lookup: { name: 'A' }, other: 1 }])('rejects %p', (value) => {
    expect(isSeedLookup(value)).toBe(false);
  });
});
