import { durationMs } from './durations.js';

describe('durationMs', () => {
  it('converts each unit', () => {
    expect(durationMs({ amount: 5, unit: 'minutes' })).toBe(300_000);
    expect(durationMs({ amount: 2, unit: 'hours' })).toBe(7_200_000);
    expect(durationMs({ amount: 3, unit: 'days' })).toBe(259_200_000);
    expect(durationMs({ amount: 1, unit: 'weeks' })).toBe(604_800_000);
  });

  it('refuses an unknown unit', () => {
    expect(() => durationMs({ amount: 1, unit: 'months' as never })).toThrow(/Unknown duration unit 'months'/);
  });
});
