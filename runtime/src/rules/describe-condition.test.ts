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

  it('words the acting user as the reader when asked, and keeps paths otherwise', () => {
    const own = { '==': [{ var: 'record.owner' }, { var: 'user.id' }] };
    const team = { in: [{ var: 'record.team' }, { var: 'user.teams' }] };
    const region = { '==': [{ var: 'record.region' }, { var: 'user.attributes.region' }] };
    const labels = (name: string) => ({ owner: 'Owner', team: 'Team', region: 'Region' })[name] ?? name;
    expect(describeCondition(own, labels, { userAsReader: true })).toBe('Owner is me');
    expect(describeCondition(team, labels, { userAsReader: true })).toBe('Team is one of my teams');
    expect(describeCondition(region, labels, { userAsReader: true })).toBe('Region is my region');
    expect(describeCondition(own, labels)).toBe('Owner is user.id');
    expect(describeCondition(team, labels)).toBe('user.teams contains Team');
  });
});
