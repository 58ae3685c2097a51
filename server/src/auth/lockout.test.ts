import { lockDuration, UnknownEmailLockout } from './lockout.js';

const settings = { lockoutThreshold: 5, lockoutBaseMs: 60_000, lockoutMaxMs: 3_600_000 };

describe('lockDuration', () => {
  it('locks after 5 failures in a row for 1 minute, doubling with each further failure up to 1 hour', () => {
    expect([1, 2, 3, 4].map((n) => lockDuration(n, settings))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8].map((n) => lockDuration(n, settings) / 60_000)).toEqual([1, 2, 4, 8]);
    expect(lockDuration(11, settings)).toBe(3_600_000);
    expect(lockDuration(500, settings)).toBe(3_600_000);
  });
});

describe('UnknownEmailLockout', () => {
  it('locks an email no user has exactly like a known one', () => {
    const lockout = new UnknownEmailLockout(settings);
    const now = 1_000_000;
    for (let i = 0; i < 4; i++) expect(lockout.fail('ghost@x.test', now)).toBeNull();
    expect(lockout.fail('ghost@x.test', now)).toBe(now + 60_000);
    expect(lockout.lockedUntil('ghost@x.test', now + 59_000)).toBe(now + 60_000);
    expect(lockout.lockedUntil('ghost@x.test', now + 60_000)).toBeNull();
    expect(lockout.fail('ghost@x.test', now + 61_000)).toBe(now + 61_000 + 120_000);
    expect(lockout.lockedUntil('other@x.test', now)).toBeNull();
  });

  it('forgets the oldest emails beyond its bound', () => {
    const lockout = new UnknownEmailLockout(settings, 2);
    for (let i = 0; i < 5; i++) lockout.fail('a', 0);
    lockout.fail('b', 0);
    lockout.fail('c', 0);
    expect(lockout.lockedUntil('a', 1)).toBeNull();
  });
});
