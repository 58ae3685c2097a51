import { formatFireTime, nextFireTimes } from './cron-preview.js';

describe('schedule preview', () => {
  it('gives the next fire times in the time zone', () => {
    const preview = nextFireTimes('0 9 * * 1-5', 'Europe/Paris', new Date('2031-01-03T12:00:00Z'), 3);
    if (!preview.ok) throw new Error(preview.problem);
    expect(preview.times.map((t) => t.toISOString())).toEqual(['2031-01-06T08:00:00.000Z', '2031-01-07T08:00:00.000Z', '2031-01-08T08:00:00.000Z']);
    expect(formatFireTime(preview.times[0], 'Europe/Paris')).toBe('Mon, 6 Jan 2031, 09:00');
  });

  it('says why a schedule is wrong', () => {
    const preview = nextFireTimes('61 * * * *', undefined, new Date());
    expect(preview.ok).toBe(false);
    expect(nextFireTimes('0 9 * * *', 'Mars/Base', new Date())).toMatchObject({ ok: false });
  });
});
