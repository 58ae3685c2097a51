import { describeCondition } from './describe-condition.js';

const labelOf = (name: string) => ({ stage: 'Stage', amount: 'Amount', closeDate: 'Close date' })[name] ?? name;

describe('describeCondition', () => {
  it('words common comparisons with field labels', () => {
    expect(describeCondition({ '==': [{ var: 'record.stage' }, 'won'] }, labelOf)).toBe('Stage is "won"');
    expect(describeCondition({ and: [{ '>': [{ var: 'record.amount' }, 1000] }, { '!': { var: 'record.closeDate' } }] }, labelOf)).toBe(
      'Amount > 1000 and Close date is empty',
    );
    expect(describeCondition({ in: [{ var: 'record.stage' }, ['won', 'lost']] }, labelOf)).toBe('Stage is one of "won", "lost"');
    expect(describeCondition({ '!=': [{ var: 'previous.stage' }, null] }, labelOf)).toBe('previous Stage is not empty');
  });

  it('falls back to compact JSON for other operators', () => {
    expect(describeCondition({ regexMatch: ['^a', { var: 'record.stage' }] }, labelOf)).toBe('{"regexMatch":["^a",{"var":"record.stage"}]}');
  });
});
