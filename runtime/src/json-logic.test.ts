import { evaluateCondition, evaluateRule, isTruthy, listOperations, registerOperation, unregisterOperation } from './json-logic.js';

describe('evaluateRule', () => {
  it('reads values from the rule context', () => {
    const rule = { and: [{ '==': [{ var: 'record.stage' }, 'won'] }, { '!': { var: 'record.closeDate' } }] };
    expect(evaluateRule(rule, { record: { stage: 'won', closeDate: null } })).toBe(true);
    expect(evaluateRule(rule, { record: { stage: 'won', closeDate: '2026-01-31' } })).toBe(false);
  });

  it('returns primitives unchanged and evaluates arithmetic', () => {
    expect(evaluateRule(42)).toBe(42);
    expect(evaluateRule({ '*': [{ var: 'record.amount' }, 0.5] }, { record: { amount: 10 } })).toBe(5);
  });

  it('throws on an unknown operator', () => {
    expect(() => evaluateRule({ nope: [1] })).toThrow(/Unrecognized operation nope/);
  });
});

describe('evaluateCondition', () => {
  it('uses JSON Logic truthiness, where an empty array is false', () => {
    expect(evaluateCondition({ var: 'tags' }, { tags: [] })).toBe(false);
    expect(evaluateCondition({ var: 'tags' }, { tags: ['a'] })).toBe(true);
    expect(isTruthy(0)).toBe(false);
    expect(isTruthy('x')).toBe(true);
  });
});

describe('registerOperation', () => {
  afterEach(() => {
    unregisterOperation('daysBetween');
  });

  it('makes a custom operation usable in rules and removable again', () => {
    registerOperation('daysBetween', (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000);
    expect(listOperations()).toContain('daysBetween');
    expect(evaluateRule({ daysBetween: ['2026-01-01', { var: 'd' }] }, { d: '2026-01-31' })).toBe(30);
    expect(unregisterOperation('daysBetween')).toBe(true);
    expect(listOperations()).not.toContain('daysBetween');
    expect(() => evaluateRule({ daysBetween: ['2026-01-01', '2026-01-02'] })).toThrow(/Unrecognized operation/);
  });

  it('refuses to replace a built-in operator', () => {
    expect(() => registerOperation('var', () => 1)).toThrow(/built-in operator/);
    expect(evaluateRule({ var: 'x' }, { x: 3 })).toBe(3);
  });

  it('refuses names that are not identifiers', () => {
    expect(() => registerOperation('a.b', () => 1)).toThrow(/names are letters/);
  });

  it('reports false when removing an operation that was never registered', () => {
    expect(unregisterOperation('neverRegistered')).toBe(false);
  });
});
