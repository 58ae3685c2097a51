import { TokenBuckets } from './rate-limit.js';

describe('TokenBuckets', () => {
  it('allows perMinute requests at once, then one more per refill interval, per key', () => {
    let now = 0;
    const buckets = new TokenBuckets(60, () => now); // one token a second
    for (let i = 0; i < 60; i++) expect(buckets.take('u1')).toBe(0);
    expect(buckets.take('u1')).toBe(1);
    expect(buckets.take('u2')).toBe(0);
    now += 1000;
    expect(buckets.take('u1')).toBe(0);
    expect(buckets.take('u1')).toBe(1);
    now += 60_000;
    for (let i = 0; i < 60; i++) expect(buckets.take('u1')).toBe(0);
  });

  it('tells how long to wait', () => {
    let now = 0;
    const buckets = new TokenBuckets(2, () => now); // one token per 30 s
    buckets.take('k');
    buckets.take('k');
    expect(buckets.take('k')).toBe(30);
    now += 20_000;
    expect(buckets.take('k')).toBe(10);
  });

  it('says how long to wait without taking a token', () => {
    let now = 0;
    const buckets = new TokenBuckets(2, () => now);
    expect(buckets.wait('k')).toBe(0);
    buckets.take('k');
    expect(buckets.wait('k')).toBe(0);
    buckets.take('k');
    expect(buckets.wait('k')).toBe(30);
    expect(buckets.wait('k')).toBe(30); // waiting took nothing
    now += 30_000;
    expect(buckets.wait('k')).toBe(0);
    expect(new TokenBuckets(0).wait('x')).toBe(0);
  });

  it('never limits with perMinute 0, and stays bounded in keys', () => {
    expect(new TokenBuckets(0).take('x')).toBe(0);
    const buckets = new TokenBuckets(10, () => 0, 4);
    for (let i = 0; i < 100; i++) buckets.take(`ip${i}`);
    expect((buckets as unknown as { buckets: Map<string, unknown> }).buckets.size).toBeLessThanOrEqual(4);
  });
});
