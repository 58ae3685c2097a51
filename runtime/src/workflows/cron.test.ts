import { cronProblem, nextCronTime } from './cron.js';

describe('nextCronTime', () => {
  it('gives the next fire time in the time zone, strictly after', () => {
    // 09:00 in Paris on weekdays; 2025-03-29 is a Saturday, and Paris is UTC+2 from March 30th.
    expect(nextCronTime('0 9 * * 1-5', 'Europe/Paris', new Date('2025-03-29T12:00:00Z'))?.toISOString()).toBe('2025-03-31T07:00:00.000Z');
    expect(nextCronTime('0 9 * * *', null, new Date('2025-01-01T09:00:00Z'))?.toISOString()).toBe('2025-01-02T09:00:00.000Z');
    expect(nextCronTime('*/10 * * * * *', 'UTC', new Date('2025-01-01T00:00:01Z'))?.toISOString()).toBe('2025-01-01T00:00:10.000Z');
  });

  it('is null for a schedule that never fires and throws on an invalid one', () => {
    expect(nextCronTime('0 0 30 2 *', 'UTC', new Date('2025-01-01T00:00:00Z'))).toBeNull();
    expect(() => nextCronTime('61 * * * *', 'UTC', new Date())).toThrow();
  });
});

describe('cronProblem', () => {
  it('accepts 5 and 6 fields and nicknames', () => {
    expect(cronProblem('0 9 * * 1-5', 'Europe/Paris')).toBeNull();
    expect(cronProblem('*/30 * * * * *')).toBeNull();
    expect(cronProblem('@daily')).toBeNull();
  });

  it('explains invalid expressions, dates, 7 fields, never-firing schedules and bad time zones', () => {
    expect(cronProblem('61 * * * *')).toMatch(/not a valid cron expression.*minute/);
    expect(cronProblem('2030-01-01T00:00:00')).toMatch(/not a valid cron expression/);
    expect(cronProblem('0 0 0 * * * 2030')).toMatch(/5 or 6 parts/);
    expect(cronProblem('0 0 30 2 *')).toMatch(/never fires/);
    expect(cronProblem('')).toMatch(/empty/);
    expect(cronProblem('0 9 * * *', 'Mars/Olympus')).toMatch(/'Mars\/Olympus' is not a time zone/);
  });
});
