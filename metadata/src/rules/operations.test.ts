import {
  describeArity,
  findOperationSignature,
  JSON_LOGIC_OPERATORS,
  listOperationSignatures,
  registerOperationSignature,
  resultTypeOf,
  TRELLIS_OPERATORS,
  unregisterOperationSignature,
} from './operations.js';

describe('operation signatures', () => {
  it('knows every json-logic-js operator and every Trellis extra', () => {
    const standard = ['var', 'missing', 'missing_some', 'if', '?:', '==', '===', '!=', '!==', '!', '!!', 'or', 'and', '>', '>=', '<', '<=',
      'max', 'min', '+', '-', '*', '/', '%', 'map', 'reduce', 'filter', 'all', 'none', 'some', 'merge', 'in', 'cat', 'substr', 'log'];
    const extras = ['changed', 'isBlank', 'addDays', 'daysBetween', 'lower', 'upper', 'regexMatch', 'round'];
    expect([...JSON_LOGIC_OPERATORS].sort()).toEqual([...standard].sort());
    expect([...TRELLIS_OPERATORS].sort()).toEqual([...extras].sort());
    expect(listOperationSignatures().map((s) => s.name)).toEqual([...JSON_LOGIC_OPERATORS, ...TRELLIS_OPERATORS]);
    for (const s of listOperationSignatures()) expect([s.name, typeof s.description]).toEqual([s.name, 'string']);
  });

  it('gives arity bounds and result types', () => {
    expect(findOperationSignature('<')).toMatchObject({ minArgs: 2, maxArgs: 3, result: 'boolean', origin: 'jsonLogic' });
    expect(findOperationSignature('round')).toMatchObject({ minArgs: 1, maxArgs: 2, result: 'number', origin: 'trellis' });
    expect(findOperationSignature('cat')?.maxArgs).toBeUndefined();
    expect(describeArity(findOperationSignature('==')!)).toBe('2 arguments');
    expect(describeArity(findOperationSignature('substr')!)).toBe('2 to 3 arguments');
    expect(describeArity(findOperationSignature('and')!)).toBe('at least 1 argument');
  });

  it('infers the result of if from its branches, and of addDays from its date', () => {
    const ifSig = findOperationSignature('if')!;
    expect(resultTypeOf(ifSig, ['boolean', 'number', 'number'])).toBe('number');
    expect(resultTypeOf(ifSig, ['boolean', 'number', 'string'])).toBe('any');
    expect(resultTypeOf(ifSig, ['boolean', 'boolean'])).toBe('boolean');
    expect(resultTypeOf(ifSig, ['boolean', 'number'])).toBe('any');
    expect(resultTypeOf(findOperationSignature('addDays')!, ['dateTime', 'number'])).toBe('dateTime');
    expect(resultTypeOf(findOperationSignature('addDays')!, ['date', 'number'])).toBe('date');
    expect(resultTypeOf(findOperationSignature('and')!, ['boolean', 'boolean'])).toBe('boolean');
  });

  it('lets plugins register, replace and remove signatures, but not built-in ones', () => {
    registerOperationSignature({ name: 'startsWith', minArgs: 2, maxArgs: 2, result: 'boolean', description: 'Prefix test.' });
    expect(findOperationSignature('startsWith')).toMatchObject({ origin: 'plugin', result: 'boolean' });
    expect(listOperationSignatures().at(-1)?.name).toBe('startsWith');
    registerOperationSignature({ name: 'startsWith', minArgs: 2, result: 'any', description: 'Replaced.' });
    expect(findOperationSignature('startsWith')?.result).toBe('any');
    expect(unregisterOperationSignature('startsWith')).toBe(true);
    expect(findOperationSignature('startsWith')).toBeUndefined();
    expect(() => registerOperationSignature({ name: 'round', minArgs: 1, result: 'number', description: '' })).toThrow(/built-in/);
    expect(() => registerOperationSignature({ name: '==', minArgs: 2, result: 'boolean', description: '' })).toThrow(/names are letters/);
    expect(() => registerOperationSignature({ name: 'x', minArgs: 2, maxArgs: 1, result: 'boolean', description: '' })).toThrow(/maxArgs/);
  });
});
