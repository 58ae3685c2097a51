import { dateRelativeFireAt } from './date-relative.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('dateRelativeFireAt', () => {
  it('takes a date at 09:00 in the trigger or default time zone, days moving the calendar date', () => {
    const trigger = { offset: { amount: 3, unit: 'days' as const }, direction: 'before' as const };
    expect(iso(dateRelativeFireAt(trigger, '2026-03-10'))).toBe('2026-03-07T09:00:00.000Z');
    expect(iso(dateRelativeFireAt(trigger, '2026-03-10', 'Europe/Paris'))).toBe('2026-03-07T08:00:00.000Z');
    expect(iso(dateRelativeFireAt({ ...trigger, timeZone: 'America/New_York', time: '14:30' }, '2026-03-10', 'Europe/Paris'))).toBe('2026-03-07T19:30:00.000Z');
  });

  it('keeps the wall-clock time across a DST change and handles weeks and after', () => {
    // Paris switches to summer time on 2025-03-30: 3 days after March 28th at 09:00 is 07:00Z on the 31st.
    expect(iso(dateRelativeFireAt({ offset: { amount: 3, unit: 'days' }, direction: 'after' }, '2025-03-28', 'Europe/Paris'))).toBe('2025-03-31T07:00:00.000Z');
    expect(iso(dateRelativeFireAt({ offset: { amount: 1, unit: 'weeks' }, direction: 'after' }, '2026-12-28'))).toBe('2027-01-04T09:00:00.000Z');
  });

  it('adds hours and minutes to the date at its time', () => {
    expect(iso(dateRelativeFireAt({ offset: { amount: 2, unit: 'hours' }, direction: 'before', time: '08:00' }, '2026-03-10'))).toBe('2026-03-10T06:00:00.000Z');
  });

  it('offsets a dateTime value directly', () => {
    expect(iso(dateRelativeFireAt({ offset: { amount: 30, unit: 'minutes' }, direction: 'before' }, '2026-03-10T15:00:00Z', 'Europe/Paris'))).toBe('2026-03-10T14:30:00.000Z');
  });

  it('is null for blank or unparsable values', () => {
    const trigger = { offset: { amount: 1, unit: 'days' as const }, direction: 'after' as const };
    expect(dateRelativeFireAt(trigger, null)).toBeNull();
    expect(dateRelativeFireAt(trigger, '')).toBeNull();
    expect(dateRelativeFireAt(trigger, 'soon')).toBeNull();
  });

  it('refuses a malformed time', () => {
    expect(() => dateRelativeFireAt({ offset: { amount: 1, unit: 'days' }, direction: 'after', time: '9am' }, '2026-01-01')).toThrow(/HH:MM/);
  });
});
