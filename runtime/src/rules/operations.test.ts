import { evaluateRule, listOperations } from '../json-logic.js';
import { addDays, changed, daysBetween, isBlank, lower, MAX_REGEX_INPUT, regexMatch, round, upper } from './operations.js';

const ctx = (record: Record<string, unknown>, previous: Record<string, unknown> | null = null) => ({ record, previous, user: null, now: '2026-03-01T12:00:00.000Z' });

describe('rule operations', () => {
  it('are registered in the JSON Logic registry when the module loads', () => {
    expect(listOperations()).toEqual(expect.arrayContaining(['changed', 'isBlank', 'addDays', 'daysBetween', 'lower', 'upper', 'regexMatch', 'round']));
  });
});

describe('changed', () => {
  it('compares record and previous values of the named field', () => {
    expect(evaluateRule({ changed: 'stage' }, ctx({ stage: 'won' }, { stage: 'open' }))).toBe(true);
    expect(evaluateRule({ changed: 'stage' }, ctx({ stage: 'won' }, { stage: 'won' }))).toBe(false);
  });

  it('accepts the field with the record. prefix', () => {
    expect(evaluateRule({ changed: 'record.stage' }, ctx({ stage: 'won' }, { stage: 'open' }))).toBe(true);
  });

  it('treats re-sent equal values as unchanged (instants, lists as sets, partial compound values)', () => {
    expect(evaluateRule({ changed: 'at' }, ctx({ at: '2026-01-01T10:00:00Z' }, { at: '2026-01-01T10:00:00.000Z' }))).toBe(false);
    expect(evaluateRule({ changed: 'tags' }, ctx({ tags: ['b', 'a'] }, { tags: ['a', 'b'] }))).toBe(false);
    expect(evaluateRule({ changed: 'amount' }, ctx({ amount: { amount: 5 } }, { amount: { amount: 5, currency: 'USD' } }))).toBe(false);
    expect(evaluateRule({ changed: 'amount' }, ctx({ amount: { amount: 6 } }, { amount: { amount: 5, currency: 'USD' } }))).toBe(true);
    expect(evaluateRule({ changed: 'note' }, ctx({ note: '' }, { note: null }))).toBe(false);
  });

  it('on create (no previous) is true exactly when the value is not blank', () => {
    expect(evaluateRule({ changed: 'stage' }, ctx({ stage: 'new' }))).toBe(true);
    expect(evaluateRule({ changed: 'stage' }, ctx({ stage: null }))).toBe(false);
    expect(evaluateRule({ changed: 'stage' }, ctx({}))).toBe(false);
  });

  it('throws without a field name', () => {
    expect(() => changed.call(ctx({}), 3)).toThrow(/expects a field name/);
  });
});

describe('isBlank', () => {
  it('is true for null, missing, empty or whitespace-only text and empty lists only', () => {
    expect([undefined, null, '', ' \t\n', []].map(isBlank)).toEqual([true, true, true, true, true]);
    expect([0, false, ' a ', ['a'], { amount: 0 }].map(isBlank)).toEqual([false, false, false, false, false]);
    expect(evaluateRule({ isBlank: { var: 'record.closeDate' } }, ctx({}))).toBe(true);
  });
});

describe('addDays', () => {
  it('moves a date and returns a date', () => {
    expect(addDays('2026-01-30', 3)).toBe('2026-02-02');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-01-01', '10')).toBe('2026-01-11');
  });

  it('moves an instant and returns an ISO instant in UTC', () => {
    expect(addDays('2026-01-31T23:30:00+01:00', 1)).toBe('2026-02-01T22:30:00.000Z');
    expect(addDays('2026-01-01T00:00:00Z', 0.5)).toBe('2026-01-01T12:00:00.000Z');
  });

  it('returns null for a blank date or number of days and throws for bad input', () => {
    expect(addDays(null, 3)).toBeNull();
    expect(addDays('2026-01-01', null)).toBeNull();
    expect(() => addDays('2026-02-30', 1)).toThrow(/is not a date/);
    expect(() => addDays('yesterday', 1)).toThrow(/is not a date/);
    expect(() => addDays('2026-01-01', 'x')).toThrow(/days must be a number/);
    expect(() => addDays('2026-01-01', 1.5)).toThrow(/whole number/);
  });

  it('composes with other operations in a rule', () => {
    const rule = { '>': [{ var: 'record.closeDate' }, { addDays: [{ var: 'now' }, 30] }] };
    expect(evaluateRule(rule, ctx({ closeDate: '2026-04-15T00:00:00.000Z' }))).toBe(true);
  });
});

describe('daysBetween', () => {
  it('counts whole days from the first to the second, negative when earlier', () => {
    expect(daysBetween('2026-01-01', '2026-01-31')).toBe(30);
    expect(daysBetween('2026-01-31', '2026-01-01')).toBe(-30);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });

  it('truncates partial days of instants toward zero and treats dates as midnight UTC', () => {
    expect(daysBetween('2026-01-01T00:00:00Z', '2026-01-02T23:59:00Z')).toBe(1);
    expect(daysBetween('2026-01-02T23:59:00Z', '2026-01-01T00:00:00Z')).toBe(-1);
    expect(daysBetween('2026-01-01', '2026-01-01T18:00:00Z')).toBe(0);
    expect(Object.is(daysBetween('2026-01-01T18:00:00Z', '2026-01-01'), 0)).toBe(true);
  });

  it('is null when either side is blank and throws on non-dates', () => {
    expect(daysBetween(null, '2026-01-01')).toBeNull();
    expect(daysBetween('2026-01-01', '')).toBeNull();
    expect(() => daysBetween('2026-01-01', 5)).toThrow(/is not a date/);
  });
});

describe('lower and upper', () => {
  it('change the case of text, keep null, and stringify numbers and booleans', () => {
    expect(lower('WoN')).toBe('won');
    expect(upper('ÄbC')).toBe('ÄBC');
    expect(lower(null)).toBeNull();
    expect(upper(undefined)).toBeNull();
    expect(lower(12)).toBe('12');
    expect(upper(true)).toBe('TRUE');
  });

  it('refuse lists and objects', () => {
    expect(() => lower(['a'])).toThrow(/expects text/);
    expect(() => upper({ a: 1 })).toThrow(/expects text/);
  });
});

describe('regexMatch', () => {
  it('matches a value against a pattern', () => {
    expect(regexMatch('^[A-Z]{2}-\\d{4}$', 'AB-1234')).toBe(true);
    expect(regexMatch('^[A-Z]{2}-\\d{4}$', 'ab-1234')).toBe(false);
    expect(evaluateRule({ regexMatch: ['@example\\.com$', { var: 'record.email' }] }, ctx({ email: 'a@example.com' }))).toBe(true);
  });

  it('does not match a blank value and stringifies numbers', () => {
    expect(regexMatch('.*', null)).toBe(false);
    expect(regexMatch('.*', '')).toBe(false);
    expect(regexMatch('^\\d+$', 12345)).toBe(true);
  });

  it('looks only at the first 10 000 characters', () => {
    const long = 'a'.repeat(MAX_REGEX_INPUT) + 'b';
    expect(regexMatch('b', long)).toBe(false);
    expect(regexMatch('^a+$', long)).toBe(true);
  });

  it('refuses unsafe and invalid patterns by throwing, every time', () => {
    expect(() => regexMatch('(a+)+$', 'aaaa')).toThrow(/refused: .*nested quantifier/);
    expect(() => regexMatch('(a+)+$', 'aaaa')).toThrow(/refused/);
    expect(() => regexMatch('(a)\\1', 'aa')).toThrow(/backreference/);
    expect(() => regexMatch('(', 'x')).toThrow(/not a valid regular expression/);
    expect(() => regexMatch('a'.repeat(201), 'a')).toThrow(/at most 200/);
    expect(() => regexMatch(5, 'x')).toThrow(/pattern must be text/);
  });

  it('refuses lists', () => {
    expect(() => regexMatch('a', ['a'])).toThrow(/expects text/);
  });
});

describe('round', () => {
  it('rounds to the given digits, halves away from zero, without binary surprises', () => {
    expect(round(1.005, 2)).toBe(1.01);
    expect(round(2.5)).toBe(3);
    expect(round(-2.5)).toBe(-3);
    expect(round(1234.5678, 1)).toBe(1234.6);
    expect(round(1234.5678, -2)).toBe(1200);
    expect(round(1e-7, 2)).toBe(0);
    expect(Object.is(round(-0.001, 2), 0)).toBe(true);
    expect(round('3.14159', 3)).toBe(3.142);
  });

  it('keeps null and refuses non-numbers and bad digits', () => {
    expect(round(null, 2)).toBeNull();
    expect(() => round('abc')).toThrow(/must be a number/);
    expect(() => round(1, 1.5)).toThrow(/digits must be a whole number/);
    expect(() => round(1, 16)).toThrow(/digits must be a whole number/);
  });

  it('works inside a rule with evaluated arguments', () => {
    expect(evaluateRule({ round: [{ '*': [{ var: 'record.amount' }, 0.075] }, 2] }, ctx({ amount: 19.99 }))).toBe(1.5);
  });
});
