import { salesDoc } from '../../testing/sales-doc.js';
import { lineColumn, locatePointer } from './json-locate.js';
import { logicJsonSchema, logicProblems, varPaths } from './logic-context.js';
import { testCondition, testValidationRule } from './rule-test.js';

const tester = { id: 'u1', kind: 'user' };

describe('what a rule editor offers and checks', () => {
  it('completes record and previous paths in rules, but neither previous nor user in formulas', () => {
    const rule = varPaths(salesDoc(), 'opportunity', 'rule').map((p) => p.path);
    expect(rule).toEqual(expect.arrayContaining(['record.stage', 'previous.stage', 'record.amount.amount', 'record.company.employees', 'user.id', 'now']));
    const formula = varPaths(salesDoc(), 'opportunity', 'formula').map((p) => p.path);
    expect(formula).toContain('record.company.employees');
    expect(formula.some((p) => p.startsWith('previous.') || p.startsWith('user.'))).toBe(false);
  });

  it('gives monaco a schema whose operators and var paths complete', () => {
    const schema = logicJsonSchema(salesDoc(), 'opportunity', 'rule') as { definitions: { expr: { anyOf: { properties?: Record<string, unknown> }[] } } };
    const props = schema.definitions.expr.anyOf[2].properties!;
    expect(Object.keys(props)).toEqual(expect.arrayContaining(['==', 'and', 'isBlank', 'changed', 'var']));
    expect(JSON.stringify(props.var)).toContain('record.closeDate');
  });

  it('finds unknown fields and wrong result types with paths inside the expression', () => {
    const problems = logicProblems(salesDoc(), 'opportunity', { and: [{ '==': [{ var: 'record.stag' }, 'won'] }] }, 'rule');
    expect(problems).toEqual([expect.objectContaining({ path: '/and/0/==/0/var', code: 'unknown-field' })]);
    expect(logicProblems(salesDoc(), 'opportunity', { var: 'record.amount.amount' }, 'rule')).toEqual([
      expect.objectContaining({ code: 'wrong-result-type' }),
    ]);
    expect(logicProblems(salesDoc(), 'opportunity', { '==': [{ var: 'record.stage' }, 'won'] }, 'rule')).toEqual([]);
  });

  it('locates a problem’s JSON pointer in the JSON text', () => {
    const text = JSON.stringify({ and: [{ '==': [{ var: 'record.stag' }, 'won'] }] }, null, 2);
    const range = locatePointer(text, '/and/0/==/0/var')!;
    expect(text.slice(range.start, range.end)).toBe('"record.stag"');
    expect(lineColumn(text, range.start)).toEqual({ line: 6, column: 18 });
    expect(locatePointer('{ not json', '/a')).toBeNull();
  });
});

describe('testing a rule of the draft against a sample', () => {
  const rule = {
    invalidWhen: { and: [{ '==': [{ var: 'record.stage' }, 'won'] }, { isBlank: { var: 'record.closeDate' } }] },
    message: '{{record.name}} is won and needs a close date',
    fields: ['closeDate'],
    active: false,
  };

  it('shows the interpolated message next to its field, even for an inactive rule', () => {
    const result = testValidationRule(salesDoc(), 'opportunity', 'closeDateWhenWon', rule, { record: { name: 'Big deal', stage: 'won', closeDate: null }, previous: null, user: tester });
    expect(result).toEqual({ status: 'invalid', messages: [{ field: 'closeDate', message: 'Big deal is won and needs a close date' }] });
  });

  it('says valid when the rule does not hold', () => {
    expect(testValidationRule(salesDoc(), 'opportunity', 'r', rule, { record: { stage: 'won', closeDate: '2026-01-01' }, previous: null, user: tester })).toEqual({ status: 'valid' });
  });

  it('evaluates conditions with the previous version', () => {
    const changed = { changed: 'stage' };
    expect(testCondition(changed, { record: { stage: 'won' }, previous: { stage: 'new' }, user: tester })).toEqual({ status: 'holds' });
    expect(testCondition(changed, { record: { stage: 'won' }, previous: { stage: 'won' }, user: tester })).toEqual({ status: 'doesNotHold' });
  });
});
