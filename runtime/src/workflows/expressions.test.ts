import { workflowContext } from './context.js';
import { conditionHolds, evaluateExpression, evaluateValues, renderTemplate } from './expressions.js';

const ctx = workflowContext({
  trigger: { type: 'recordUpdated' },
  record: { id: 'r1', name: 'Big deal', stage: 'won', amount: { amount: 5000, currency: 'EUR' }, closeDate: '2026-03-01', owner: 'u1' },
  previous: { id: 'r1', name: 'Big deal', stage: 'new', closeDate: '2026-03-01' },
  user: { id: 'u2', kind: 'user', name: 'Ann' },
  now: '2026-02-01T10:00:00.000Z',
  steps: { makeTask: { taskId: 't9' } },
});

describe('evaluateExpression', () => {
  it('reads the record, previous, user, steps and returns literals as themselves', () => {
    expect(evaluateExpression({ var: 'record.stage' }, ctx)).toBe('won');
    expect(evaluateExpression({ var: 'previous.stage' }, ctx)).toBe('new');
    expect(evaluateExpression({ var: 'steps.makeTask.taskId' }, ctx)).toBe('t9');
    expect(evaluateExpression('fixed', ctx)).toBe('fixed');
    expect(evaluateExpression(42, ctx)).toBe(42);
  });

  it('has the rule operations (changed, addDays) and compares dates as strings like rules do', () => {
    expect(evaluateExpression({ changed: 'stage' }, ctx)).toBe(true);
    expect(evaluateExpression({ addDays: [{ var: 'record.closeDate' }, 3] }, ctx)).toBe('2026-03-04');
    expect(evaluateExpression({ '<': [{ var: 'record.closeDate' }, '2026-04-01'] }, ctx)).toBe(true);
  });

  it('throws on an unknown operation', () => {
    expect(() => evaluateExpression({ nope: [1] }, ctx)).toThrow(/nope/);
  });
});

describe('evaluateValues', () => {
  it('evaluates each field expression', () => {
    expect(evaluateValues({ stage: 'qualified', probability: { '*': [2, 25] }, owner: { var: 'user.id' } }, ctx)).toEqual({ stage: 'qualified', probability: 50, owner: 'u2' });
  });

  it('names the field whose expression fails', () => {
    expect(() => evaluateValues({ amount: { nope: [] } }, ctx)).toThrow("The value of 'amount' could not be evaluated");
  });
});

describe('conditionHolds', () => {
  it('is true without a condition and uses JSON Logic truthiness', () => {
    expect(conditionHolds({}, ctx)).toBe(true);
    expect(conditionHolds({ condition: { '==': [{ var: 'record.stage' }, 'won'] } }, ctx)).toBe(true);
    expect(conditionHolds({ condition: { var: 'record.missing' } }, ctx)).toBe(false);
    expect(conditionHolds({ condition: [] }, ctx)).toBe(false);
  });
});

describe('renderTemplate', () => {
  it('fills record, user and step placeholders and leaves missing ones empty', () => {
    expect(renderTemplate('{{record.name}} won by {{user.name}} ({{steps.makeTask.taskId}}){{record.nope}}', ctx)).toBe('Big deal won by Ann (t9)');
    expect(renderTemplate('{{record.amount}}', ctx)).toBe('5000 EUR');
  });

  it('renders the same template against different contexts', () => {
    const other = workflowContext({ trigger: { type: 'manual' }, record: { name: 'Small' }, now: ctx.now });
    expect(renderTemplate('Hi {{record.name}}', ctx)).toBe('Hi Big deal');
    expect(renderTemplate('Hi {{record.name}}', other)).toBe('Hi Small');
  });
});
