import { evaluateRule, workflowContext } from '@trellis/runtime';
import { evaluateJsonTemplate, isOperation } from './json-template.js';

const ctx = workflowContext({ trigger: { type: 'manual' }, record: { name: 'Acme', amount: 21, tags: ['a', 'b'] }, now: '2026-01-01T00:00:00.000Z' });

describe('evaluateJsonTemplate', () => {
  it('evaluates operations anywhere inside literal objects and arrays', () => {
    expect(
      evaluateJsonTemplate({ deal: { name: { var: 'record.name' }, doubled: { '*': [{ var: 'record.amount' }, 2] }, list: ['x', { var: 'record.tags' }] }, n: 1, none: null }, ctx),
    ).toEqual({ deal: { name: 'Acme', doubled: 42, list: ['x', ['a', 'b']] }, n: 1, none: null });
  });

  it('keeps a one-key object whose key is no operator as a literal', () => {
    expect(evaluateJsonTemplate({ a: 1 }, ctx)).toEqual({ a: 1 });
    expect(evaluateJsonTemplate({ upper: { var: 'record.name' } }, ctx)).toBe('ACME'); // a registered Trellis operation
  });

  it('knows exactly the operators json-logic-js has', () => {
    for (const op of ['var', 'if', 'cat', 'merge', 'substr', 'missing_some', '!!', '%']) {
      expect(isOperation({ [op]: [] })).toBe(true);
      expect(() => evaluateRule({ [op]: [] }, {})).not.toThrow(/Unrecognized operation/);
    }
    expect(isOperation({ nope: [] })).toBe(false);
  });
});
