import { cronProblem, timeZoneProblem } from './cron.js';

describe('cronProblem', () => {
  it('accepts 5 fields, 6 with seconds, and nicknames, in a time zone', () => {
    expect(cronProblem('0 9 * * 1-5')).toBeNull();
    expect(cronProblem('0 0 9 * * MON', 'Europe/Paris')).toBeNull();
    expect(cronProblem('@weekly')).toBeNull();
  });

  it('refuses bad fields, dates, 7 fields, schedules that never fire, and empty text', () => {
    expect(cronProblem('0 25 * * *')).toMatch(/^"0 25 \* \* \*" is not a valid cron expression \(.*hour.*\); write 5 fields/);
    expect(cronProblem('2030-01-01T09:00:00')).toMatch(/not a valid cron expression/);
    expect(cronProblem('0 0 9 * * * 2030')).toMatch(/5 or 6 parts/);
    expect(cronProblem('0 0 31 4 *')).toMatch(/never fires/);
    expect(cronProblem('  ')).toMatch(/empty/);
  });

  it('reports an unknown time zone first', () => {
    expect(cronProblem('0 9 * * *', 'Europe/Nowhere')).toMatch(/'Europe\/Nowhere' is not a time zone/);
  });
});

describe('timeZoneProblem', () => {
  it('knows IANA zones and UTC', () => {
    expect(timeZoneProblem('UTC')).toBeNull();
    expect(timeZoneProblem('America/New_York')).toBeNull();
    expect(timeZoneProblem('GMT+25')).toMatch(/not a time zone/);
  });
});
