import { formatDuration, formatDurationLong, parseDuration } from './duration.js';

describe('parseDuration', () => {
  it.each([
    ['1h 30m', 5400],
    ['2d 4h', 187200],
    ['2d4h', 187200],
    ['45s', 45],
    ['1m 30s', 90],
    ['1.5h', 5400],
    ['1,5 h', 5400],
    ['90 min', 5400],
    ['2 hours and 15 minutes', 8100],
    ['1 day, 2 hrs', 93600],
    ['1w', 604800],
    ['1:30', 5400],
    ['0:01:30', 90],
    ['45', 2700],
    ['0', 0],
    ['-1h', -3600],
    ['  3H 5M  ', 11100],
  ])('reads %j as %d seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(['', '   ', 'soon', '1x', 'h', '1h foo', '1:75', '1h-2m', '--1h'])('does not read %j', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

describe('formatDuration', () => {
  it.each([
    [5400, '1h 30m'],
    [187200, '2d 4h'],
    [45, '45s'],
    [90, '1m 30s'],
    [93784, '1d 2h 3m 4s'],
    [0, '0m'],
    [-3600, '-1h'],
  ])('writes %d seconds as %j', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('writes nothing for no value, and round-trips through parseDuration', () => {
    expect(formatDuration(null)).toBe('');
    expect(formatDuration(undefined)).toBe('');
    for (const s of [1, 59, 60, 3599, 3600, 86399, 86400, 1234567]) expect(parseDuration(formatDuration(s))).toBe(s);
  });

  it('spells durations out for screen readers', () => {
    expect(formatDurationLong(5400)).toBe('1 hour 30 minutes');
    expect(formatDurationLong(86401)).toBe('1 day 1 second');
    expect(formatDurationLong(0)).toBe('0 minutes');
  });
});
