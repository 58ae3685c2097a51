import { analyzeJsonLogic, resultTypeProblem } from './analyze.js';
import { expressionScope } from './expression-sites.js';
import { ensureComputedFieldTypes, rulesDocument } from './rules-document.fixture.js';
import type { AnalysisScope } from './var-paths.js';

ensureComputedFieldTypes();
const doc = rulesDocument();
const rule: AnalysisScope = expressionScope(doc, 'opportunity', 'rule');
const analyze = (expr: unknown, scope: AnalysisScope = rule) => analyzeJsonLogic(expr, scope);
const codes = (expr: unknown, scope?: AnalysisScope) => analyze(expr, scope).problems.map((p) => [p.path, p.code]);
const v = (path: string) => ({ var: path });

describe('analyzeJsonLogic', () => {
  it('accepts a valid rule, infers a condition and lists what it reads', () => {
    const result = analyze({ and: [{ '==': [v('record.stage'), 'won'] }, { '!': v('record.closeDate') }] });
    expect(result.problems).toEqual([]);
    expect(result.resultType).toBe('boolean');
    expect(result.references).toEqual([
      { root: 'record', path: ['stage'], pointer: '/and/0/==/0/var' },
      { root: 'record', path: ['closeDate'], pointer: '/and/1/!/var' },
    ]);
  });

  it('reports an object that is not one operation', () => {
    expect(analyze({ '==': [1, 1], '!=': [1, 2] }).problems).toEqual([
      { path: '', code: 'malformed-expression', message: 'An operation is an object with exactly one key, the operator, e.g. {"==": [a, b]}; this object has 2 keys ("==", "!=")' },
    ]);
    expect(codes({ and: [true, {}] })).toEqual([['/and/1', 'malformed-expression']]);
  });

  it('reports an unknown operator with a suggestion, and keeps checking its arguments', () => {
    const result = analyze({ '=': [v('record.nope'), 1] });
    expect(result.problems.map((p) => [p.path, p.code])).toEqual([['/=', 'unknown-operator'], ['/=/0/var', 'unknown-field']]);
    expect(result.problems[0]!.message).toMatch(/^Unknown operator "="; did you mean "=="\?/);
  });

  it('reports the wrong number of arguments', () => {
    expect(analyze({ '==': [1] }).problems).toEqual([{ path: '/==', code: 'wrong-arity', message: '"==" takes 2 arguments, not 1' }]);
    expect(codes({ '!': [true, false] })).toEqual([['/!', 'wrong-arity']]);
    expect(codes({ round: [1, 2, 3] })).toEqual([['/round', 'wrong-arity']]);
    expect(codes({ '<': [1, 2, 3] })).toEqual([]);
  });

  describe('var paths', () => {
    it('resolves fields, system fields, currency parts, related fields, user and now', () => {
      expect(analyze(v('record.amount.amount')).resultType).toBe('number');
      expect(analyze(v('record.closeDate')).resultType).toBe('date');
      expect(analyze(v('record.createdAt')).resultType).toBe('dateTime');
      expect(analyze(v('previous.stage')).resultType).toBe('string');
      expect(analyze(v('record.company.employees')).resultType).toBe('number');
      expect(analyze(v('record.company.createdBy')).resultType).toBe('string');
      expect(analyze(v('user.email')).resultType).toBe('string');
      expect(analyze(v('now')).resultType).toBe('dateTime');
      expect(analyze(v('record.tags')).resultType).toBe('array');
      expect(analyze(v('record.companyEmployees')).resultType).toBe('number');
      expect(analyze({ var: ['record.probability', 0] }).references).toEqual([{ root: 'record', path: ['probability'], pointer: '/var/0' }]);
    });

    it('reports a field the entity does not have, with a suggestion', () => {
      const [problem] = analyze({ '!': { var: 'record.closeDat' } }).problems;
      expect(problem).toEqual({
        path: '/!/var',
        code: 'unknown-field',
        message: '"record.closeDat": opportunity has no field "closeDat"; did you mean "closeDate"?',
        entity: 'opportunity',
        field: 'closeDat',
      });
      expect(analyze(v('record.company.revenue')).problems[0]).toMatchObject({ code: 'unknown-field', entity: 'company', field: 'revenue' });
    });

    it('reports paths that are not in the rule context', () => {
      expect(analyze(v('stage')).problems[0]).toMatchObject({ code: 'unknown-variable', message: expect.stringContaining('did you mean "record.stage"?') });
      expect(codes(v('user.password'))).toEqual([['/var', 'unknown-variable']]);
      expect(codes(v('now.year'))).toEqual([['/var', 'unknown-variable']]);
      expect(codes(v('record'))).toEqual([['/var', 'unknown-variable']]);
    });

    it('reports paths that go too deep or through something that is not a manyToOne relation', () => {
      expect(codes(v('record.company.contacts.email'))).toEqual([['/var', 'invalid-field-path']]);
      expect(codes(v('record.tags.name'))).toEqual([['/var', 'invalid-field-path']]);
      expect(codes(v('record.name.first'))).toEqual([['/var', 'invalid-field-path']]);
      expect(codes(v('record.amount.cents'))).toEqual([['/var', 'invalid-field-path']]);
      expect(codes(v('record.createdAt.year'))).toEqual([['/var', 'invalid-field-path']]);
    });

    it('only lets rules and formulas reach related records', () => {
      const condition = expressionScope(doc, 'opportunity', 'condition');
      expect(analyze(v('record.company.employees'), condition).problems[0]).toMatchObject({
        code: 'invalid-field-path',
        message: expect.stringContaining('a form condition cannot do'),
      });
      expect(codes(v('record.company.employees'), expressionScope(doc, 'opportunity', 'formula'))).toEqual([]);
    });

    it('refuses roots a place cannot see, and says why', () => {
      const view = expressionScope(doc, 'opportunity', 'viewFilter');
      expect(analyze(v('previous.stage'), view).problems[0]).toMatchObject({ code: 'variable-not-allowed', message: expect.stringContaining('a view filter cannot use previous') });
      const formula = expressionScope(doc, 'opportunity', 'formula');
      expect(codes({ daysBetween: [v('record.closeDate'), v('now')] }, formula)).toEqual([['/daysBetween/1/var', 'variable-not-allowed']]);
      expect(codes(v('user.id'), formula)).toEqual([['/var', 'variable-not-allowed']]);
    });

    it('requires literal paths', () => {
      expect(codes({ var: { cat: ['record.', 'stage'] } })).toEqual([['/var', 'var-path-not-literal']]);
      expect(codes({ var: '' })).toEqual([['/var', 'var-path-not-literal']]);
      expect(codes({ missing: ['record.name', 3] })).toEqual([['/missing/1', 'var-path-not-literal']]);
    });

    it('checks the paths of missing and missing_some', () => {
      expect(analyze({ missing: ['record.name', 'record.nope'] }).problems.map((p) => p.path)).toEqual(['/missing/1']);
      expect(analyze({ missing_some: [1, ['record.name', 'record.nope']] }).problems.map((p) => p.path)).toEqual(['/missing_some/1/1']);
      expect(analyze({ missing: ['record.name'] }).resultType).toBe('array');
    });

    it('does not check var inside the per-item argument of map, filter, all, none, some and reduce', () => {
      expect(codes({ some: [v('record.tags'), { '==': [v(''), 'vip'] }] })).toEqual([]);
      expect(codes({ reduce: [v('record.tags'), { '+': [v('current'), v('accumulator')] }, 0] })).toEqual([]);
      expect(codes({ map: [v('record.nope'), v('x')] })).toEqual([['/map/0/var', 'unknown-field']]);
    });
  });

  it('refuses a whole currency value where a number is needed, and points to .amount', () => {
    expect(analyze({ '>': [v('record.amount'), 1000] }).problems).toEqual([
      { path: '/>/0/var', code: 'invalid-argument', message: '"record.amount" is a currency value ({ amount, currency }), which ">" cannot use; write "record.amount.amount" for the number' },
    ]);
    expect(codes({ '>': [v('record.amount.amount'), 1000] })).toEqual([]);
    expect(codes({ '==': [v('record.amount'), null] })).toEqual([]);
  });

  it('checks changed: a literal field name that exists', () => {
    expect(analyze({ changed: 'stage' })).toEqual({
      problems: [],
      resultType: 'boolean',
      references: [
        { root: 'record', path: ['stage'], pointer: '/changed' },
        { root: 'previous', path: ['stage'], pointer: '/changed' },
      ],
    });
    expect(codes({ changed: 'stag' })).toEqual([['/changed', 'unknown-field']]);
    expect(analyze({ changed: 'record.stage' }).problems[0]).toMatchObject({ code: 'invalid-argument', message: expect.stringContaining('write "stage"') });
    expect(codes({ changed: 'stage' }, expressionScope(doc, 'opportunity', 'viewFilter'))).toEqual([['/changed', 'variable-not-allowed']]);
  });

  it('checks regexMatch patterns: literal, valid and safe, explaining why not', () => {
    expect(codes({ regexMatch: ['^[A-Z]{3}$', v('record.name')] })).toEqual([]);
    expect(codes({ regexMatch: [v('record.name'), 'x'] })).toEqual([['/regexMatch/0', 'invalid-regex']]);
    expect(codes({ regexMatch: ['(a', v('record.name')] })).toEqual([['/regexMatch/0', 'invalid-regex']]);
    const [nested] = analyze({ regexMatch: ['^(a+)+$', v('record.name')] }).problems;
    expect(nested).toMatchObject({ path: '/regexMatch/0', code: 'unsafe-regex' });
    expect(nested!.message).toMatch(/^The regexMatch pattern "\^\(a\+\)\+\$" is refused: "\(a\+\)\+" repeats a group .*\(catastrophic backtracking\)/);
    expect(analyze({ regexMatch: ['(x)\\1', v('record.name')] }).problems[0]).toMatchObject({ code: 'unsafe-regex', message: expect.stringContaining('backreference') });
  });

  it('infers result types', () => {
    const type = (expr: unknown) => analyze(expr).resultType;
    expect(type({ '+': [v('record.probability'), 1] })).toBe('number');
    expect(type({ cat: ['a', 'b'] })).toBe('string');
    expect(type({ if: [true, 1, 2] })).toBe('number');
    expect(type({ and: [v('record.name'), v('record.stage')] })).toBe('string');
    expect(type({ or: [true, { '>': [1, 2] }] })).toBe('boolean');
    expect(type({ addDays: [v('record.closeDate'), 3] })).toBe('date');
    expect(type({ merge: [[1], [2]] })).toBe('array');
    expect(type('won')).toBe('string');
    expect(type(null)).toBe('any');
  });

  it('reports every problem of an expression at once', () => {
    const result = analyze({ and: [{ '=': [1, 1] }, { '==': [v('record.nope')] }, { regexMatch: ['(a*)*', v('user.pw')] }] });
    expect(result.problems.map((p) => [p.path, p.code])).toEqual([
      ['/and/0/=', 'unknown-operator'],
      ['/and/1/==', 'wrong-arity'],
      ['/and/1/==/0/var', 'unknown-field'],
      ['/and/2/regexMatch/0', 'unsafe-regex'],
      ['/and/2/regexMatch/1/var', 'unknown-variable'],
    ]);
  });

  it('escapes operator names in paths as JSON pointers', () => {
    expect(codes({ '/': [v('record.nope'), 2] })).toEqual([['/~1/0/var', 'unknown-field']]);
  });

  it('explains a result that does not fit its place', () => {
    expect(resultTypeProblem('invalidWhen', 'number', 'boolean')?.message).toMatch(/^invalidWhen should be a condition \(true\/false\) but this expression gives a number/);
    expect(resultTypeProblem('invalidWhen', 'any', 'boolean')).toBeUndefined();
    expect(resultTypeProblem('The formula', 'string', 'date')).toBeUndefined();
    expect(resultTypeProblem('The formula', 'number', 'string')?.code).toBe('wrong-result-type');
  });
});
