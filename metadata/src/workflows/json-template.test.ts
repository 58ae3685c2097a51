import { registerOperationSignature, unregisterOperationSignature } from '../rules/operations.js';
import { isTemplateOperation, templateExpressions } from './json-template.js';

describe('JSON templates', () => {
  it('an object is an operation only when its one key is a known operator', () => {
    expect(isTemplateOperation({ var: 'record.id' })).toBe(true);
    expect(isTemplateOperation({ regexMatch: ['^a', 'abc'] })).toBe(true);
    expect(isTemplateOperation({ dealId: { var: 'record.id' } })).toBe(false);
    expect(isTemplateOperation({ var: 'a', other: 1 })).toBe(false);
    expect(isTemplateOperation({})).toBe(false);
    expect(isTemplateOperation([{ var: 'a' }])).toBe(false);
    expect(isTemplateOperation('x')).toBe(false);
  });

  it('lists the operations inside literal objects and arrays, with where they are', () => {
    const template = { dealId: { var: 'record.id' }, n: 1, tags: ['a', { var: 'record.stage' }, [{ cat: ['x', 'y'] }]], deep: { a: { b: null } }, odd: { nope: { '!': true } } };
    expect(templateExpressions(template)).toEqual([
      { segments: ['dealId'], expr: { var: 'record.id' } },
      { segments: ['tags', 1], expr: { var: 'record.stage' } },
      { segments: ['tags', 2, 0], expr: { cat: ['x', 'y'] } },
      { segments: ['odd', 'nope'], expr: { '!': true } },
    ]);
    // The whole value is one operation: its own arguments are the operation's business.
    expect(templateExpressions({ merge: [[1], { var: 'x' }] })).toEqual([{ segments: [], expr: { merge: [[1], { var: 'x' }] } }]);
    expect(templateExpressions('text')).toEqual([]);
    expect(templateExpressions(null)).toEqual([]);
  });

  it('knows plugin operations once their signature is registered', () => {
    expect(isTemplateOperation({ scoreOf: [1] })).toBe(false);
    registerOperationSignature({ name: 'scoreOf', minArgs: 1, maxArgs: 1, result: 'number', description: 'A score.' });
    try {
      expect(isTemplateOperation({ scoreOf: [1] })).toBe(true);
    } finally {
      unregisterOperationSignature('scoreOf');
    }
  });
});
