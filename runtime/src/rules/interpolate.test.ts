import { compileMessage, formatValue, interpolateMessage } from './interpolate.js';

describe('message interpolation', () => {
  const ctx = { record: { name: 'Big deal', amount: { amount: 5000, currency: 'USD' }, tags: ['a', 'b'] }, previous: { stage: 'won' }, user: { id: 'u1' }, now: '2026-01-01T00:00:00.000Z' };

  it('fills record, previous, user and now placeholders', () => {
    expect(interpolateMessage('{{record.name}} was {{ previous.stage }} (by {{user.id}} at {{now}})', ctx)).toBe('Big deal was won (by u1 at 2026-01-01T00:00:00.000Z)');
  });

  it('turns missing values into the empty string, also when previous is null', () => {
    expect(interpolateMessage('[{{record.nope}}][{{previous.stage}}]', { record: {}, previous: null })).toBe('[][]');
  });

  it('formats compound values and lists readably', () => {
    expect(interpolateMessage('{{record.amount}} / {{record.tags}}', ctx)).toBe('5000 USD / a, b');
    expect(formatValue(true)).toBe('true');
  });

  it('leaves text without placeholders and malformed braces alone', () => {
    expect(compileMessage('Plain {{ not a path }}')(ctx)).toBe('Plain {{ not a path }}');
  });
});
