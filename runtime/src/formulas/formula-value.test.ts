import type { FieldDefinition } from '@trellis/metadata';
import { coerceFormulaValue, roundHalfAway } from './formula-value.js';

const f = (resultType: FieldDefinition['resultType'], extra: Partial<FieldDefinition> = {}): FieldDefinition => ({ type: 'formula', label: 'F', expression: 1, resultType, ...extra });
const value = (field: FieldDefinition, raw: unknown) => {
  const outcome = coerceFormulaValue(field, raw);
  return outcome.ok ? outcome.value : `error: ${outcome.reason}`;
};

describe('coerceFormulaValue', () => {
  it('gives no value for null, undefined, NaN and infinities (a division by zero)', () => {
    for (const type of ['text', 'integer', 'decimal', 'percent', 'boolean', 'date', 'dateTime'] as const) {
      expect([null, undefined, NaN, Infinity, -Infinity].map((raw) => value(f(type), raw))).toEqual([null, null, null, null, null]);
    }
  });

  it('rounds numbers half away from zero to the result type, like Postgres numeric', () => {
    expect(value(f('integer'), 2.5)).toBe(3);
    expect(value(f('integer'), -2.5)).toBe(-3);
    expect(value(f('integer'), '  41.6 ')).toBe(42);
    expect(value(f('integer'), true)).toBe(1);
    expect(value(f('decimal'), 1.005)).toBe(1.01);
    expect(value(f('decimal', { scale: 3 }), 2 / 3)).toBe(0.667);
    expect(value(f('percent'), 12.345678)).toBe(12.3457);
    expect(value(f('decimal'), '')).toBeNull();
    expect(roundHalfAway(-0.004, 2)).toBe(0);
    expect(roundHalfAway(1e-7, 2)).toBe(0);
  });

  it('refuses texts that are not numbers and values too large for the column', () => {
    expect(value(f('integer'), 'abc')).toBe('error: it gave "abc", which is not a whole number');
    expect(value(f('integer'), 2 ** 31)).toMatch(/^error: it gave 2147483648, which is too large for a whole number/);
    expect(value(f('decimal'), [1])).toBe('error: it gave a list, which is not a number');
    expect(value(f('percent'), 100000)).toMatch(/too large for a percentage/);
  });

  it('writes numbers and booleans as text, refuses lists and objects', () => {
    expect(value(f('text'), 'x')).toBe('x');
    expect(value(f('text'), 1.5)).toBe('1.5');
    expect(value(f('text'), false)).toBe('false');
    expect(value(f('text'), { a: 1 })).toBe('error: it gave an object, which is not a text');
  });

  it('uses JSON Logic truthiness for booleans', () => {
    expect([0, 1, '', 'x', [], [0], false].map((raw) => value(f('boolean'), raw))).toEqual([false, true, false, true, false, true, false]);
  });

  it('takes dates and date-times as ISO texts, normalized to UTC', () => {
    expect(value(f('date'), '2024-02-29')).toBe('2024-02-29');
    expect(value(f('date'), '2024-05-01T23:30:00-02:00')).toBe('2024-05-02');
    expect(value(f('date'), '2023-02-29')).toBe('error: it gave "2023-02-29", which is not a date');
    expect(value(f('date'), 20240101)).toBe('error: it gave 20240101, which is not a date');
    expect(value(f('dateTime'), '2024-05-01T10:00:00+02:00')).toBe('2024-05-01T08:00:00.000Z');
    expect(value(f('dateTime'), '2024-05-01')).toBe('2024-05-01T00:00:00.000Z');
    expect(value(f('dateTime'), 'soon')).toBe('error: it gave "soon", which is not a date-time');
  });
});
