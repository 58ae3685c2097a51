import { formatDate, formatMoney, formatPercent, isoToLocalInput, localInputToIso, relativeTime } from './format.js';

describe('formatting', () => {
  it('formats money with its currency', () => {
    expect(formatMoney({ amount: 1234.5, currency: 'USD' }, 'en-US')).toBe('$1,234.50');
    expect(formatMoney({ amount: 10, currency: 'EUR' }, 'en-US')).toBe('€10.00');
    expect(formatMoney(null)).toBe('');
  });

  it('formats percent points and dates without shifting the day', () => {
    expect(formatPercent(12.5, 'en-US')).toBe('12.5%');
    expect(formatDate('2025-01-31', 'en-US')).toBe('Jan 31, 2025');
  });

  it('round-trips datetime-local values through ISO', () => {
    const iso = localInputToIso('2025-03-04T05:06')!;
    expect(isoToLocalInput(iso)).toBe('2025-03-04T05:06');
    expect(localInputToIso('')).toBeUndefined();
    expect(isoToLocalInput(null)).toBe('');
  });

  it('says how long ago something happened', () => {
    const now = Date.parse('2025-01-10T12:00:00Z');
    expect(relativeTime('2025-01-10T11:57:00Z', now, 'en')).toBe('3 minutes ago');
    expect(relativeTime('2025-01-09T12:00:00Z', now, 'en')).toBe('yesterday');
  });
});
