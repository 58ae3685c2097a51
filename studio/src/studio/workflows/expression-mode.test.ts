import { expressionMode, readPath } from './expression-mode.js';

describe('expression modes', () => {
  it('tells values, fields and formulas apart', () => {
    expect(expressionMode(undefined)).toBe('value');
    expect(expressionMode('won')).toBe('value');
    expect(expressionMode(['hot', 'new'])).toBe('value');
    expect(expressionMode({ var: 'record.owner' })).toBe('field');
    expect(expressionMode({ var: ['record.owner', 'x'] })).toBe('formula');
    expect(expressionMode({ '+': [1, { var: 'record.amount' }] })).toBe('formula');
    expect(expressionMode([{ var: 'user.id' }])).toBe('formula');
    expect(readPath({ var: 'steps.a.id' })).toBe('steps.a.id');
    expect(readPath('x')).toBeUndefined();
  });
});
