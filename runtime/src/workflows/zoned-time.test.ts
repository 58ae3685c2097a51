import { zonedTimeToInstant, zoneOffsetMs } from './zoned-time.js';

describe('zonedTimeToInstant', () => {
  it('converts wall-clock time in a zone to the instant', () => {
    expect(zonedTimeToInstant(2026, 1, 15, 9, 0, 'Europe/Paris').toISOString()).toBe('2026-01-15T08:00:00.000Z');
    expect(zonedTimeToInstant(2026, 7, 15, 9, 0, 'Europe/Paris').toISOString()).toBe('2026-07-15T07:00:00.000Z');
    expect(zonedTimeToInstant(2026, 7, 15, 9, 30, 'America/New_York').toISOString()).toBe('2026-07-15T13:30:00.000Z');
    expect(zonedTimeToInstant(2026, 7, 15, 9, 0, 'UTC').toISOString()).toBe('2026-07-15T09:00:00.000Z');
  });

  it('moves a wall time in a DST gap past the jump, and takes the earlier of two ambiguous instants', () => {
    // Paris: 2025-03-30 02:00 → 03:00; 2025-10-26 03:00 → 02:00.
    expect(zonedTimeToInstant(2025, 3, 30, 2, 30, 'Europe/Paris').toISOString()).toBe('2025-03-30T01:30:00.000Z');
    expect(zonedTimeToInstant(2025, 10, 26, 2, 30, 'Europe/Paris').toISOString()).toBe('2025-10-26T00:30:00.000Z');
  });

  it('zoneOffsetMs gives the offset ahead of UTC', () => {
    expect(zoneOffsetMs(Date.parse('2026-01-15T12:00:00Z'), 'Asia/Kolkata')).toBe(5.5 * 3_600_000);
  });
});
