import { isBlankValue, sameValue, valueAtPath } from './values.js';

describe('sameValue', () => {
  it('treats blanks alike and blank vs value as different', () => {
    expect(sameValue(null, undefined)).toBe(true);
    expect(sameValue('', [])).toBe(true);
    expect(sameValue(null, 0)).toBe(false);
  });

  it('compares instants by time, lists as sets and compound values by the parts both carry', () => {
    expect(sameValue('2026-01-01T00:00:00Z', '2026-01-01T01:00:00+01:00')).toBe(true);
    expect(sameValue('2026-01-01', '2026-01-02')).toBe(false);
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(sameValue(['a'], ['a', 'a'])).toBe(false);
    expect(sameValue({ amount: 1, currency: 'EUR' }, { amount: 1 })).toBe(true);
    expect(sameValue({ amount: 1, currency: 'EUR' }, { amount: 1, currency: 'USD' })).toBe(false);
    expect(sameValue(1, '1')).toBe(false);
  });
});

describe('valueAtPath', () => {
  it('reads own properties along a dotted path only', () => {
    expect(valueAtPath({ record: { company: { name: 'Acme' } } }, 'record.company.name')).toBe('Acme');
    expect(valueAtPath({ record: null }, 'record.x')).toBeUndefined();
    expect(valueAtPath({ record: {} }, 'record.constructor')).toBeUndefined();
    expect(isBlankValue(valueAtPath({}, 'a.b'))).toBe(true);
  });
});
