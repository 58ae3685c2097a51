import { applyChanges, buildRuleContext, systemClock, type Clock } from './rule-context.js';

describe('buildRuleContext', () => {
  it('builds { record, previous, user, now } with now as an ISO string from the clock', () => {
    const clock: Clock = () => new Date('2026-03-01T12:00:00Z');
    const ctx = buildRuleContext({ record: { a: 1 }, user: { id: 'u1', kind: 'user' }, now: clock() });
    expect(ctx).toEqual({ record: { a: 1 }, previous: null, user: { id: 'u1', kind: 'user' }, now: '2026-03-01T12:00:00.000Z' });
  });

  it('keeps an ISO string and a previous record as given', () => {
    const ctx = buildRuleContext({ record: {}, previous: { a: 1 }, now: '2026-01-01T00:00:00.000Z' });
    expect(ctx.previous).toEqual({ a: 1 });
    expect(ctx.user).toBeNull();
    expect(ctx.now).toBe('2026-01-01T00:00:00.000Z');
  });

  it('has a system clock returning the current time', () => {
    expect(Math.abs(systemClock().getTime() - Date.now())).toBeLessThan(1000);
  });
});

describe('applyChanges', () => {
  it('merges the changes over the stored values, skipping undefined and keeping null', () => {
    expect(applyChanges({ a: 1, b: 2, c: 3 }, { b: null, c: undefined, d: 4 })).toEqual({ a: 1, b: null, c: 3, d: 4 });
  });
});
