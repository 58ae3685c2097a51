import { cronText } from './cron-text.js';
import { docWithWorkflow } from './workflow-fixture.js';
import { durationText, expressionText, stepCount, stepSummary, triggerSummary } from './workflow-summary.js';

describe('workflows in words', () => {
  const doc = docWithWorkflow();
  const def = doc.workflows!.wonFollowUp;

  it('describes every kind of trigger', () => {
    expect(triggerSummary(doc, def.trigger)).toBe('When Stage of an opportunity changes');
    expect(triggerSummary(doc, { type: 'fieldChanged', entity: 'opportunity', fields: ['stage', 'amount', 'closeDate'] })).toBe(
      'When Stage, Amount and Close date of an opportunity change',
    );
    expect(triggerSummary(doc, { type: 'recordCreated', entity: 'company' })).toBe('When a company is created');
    expect(triggerSummary(doc, { type: 'scheduled', cron: '0 9 * * 1-5', timeZone: 'Europe/Paris' })).toBe('Every weekday at 09:00 (Europe/Paris)');
    expect(triggerSummary(doc, { type: 'dateRelative', entity: 'opportunity', field: 'closeDate', offset: { amount: 3, unit: 'days' }, direction: 'before' })).toBe(
      '3 days before the Close date of each opportunity',
    );
    expect(triggerSummary(doc, { type: 'manual', entity: 'opportunity', buttonLabel: 'Escalate' })).toBe('Manually, with the button “Escalate” on an opportunity');
    expect(triggerSummary(doc, { type: 'webhook' })).toBe('When its webhook URL is called');
  });

  it('describes steps in one line', () => {
    const lines = [def.steps[0], def.steps[1], def.steps[2]].map((s) => stepSummary(doc, 'opportunity', s));
    expect(lines).toEqual([
      'Create a task “Call {{record.name}}”, due in 3 days',
      'If record.amount.amount > 1000',
      'Email “Won” to steps.followUp.taskId',
    ]);
    const big = def.steps[1];
    if (big.type !== 'if') throw new Error('fixture');
    expect(stepSummary(doc, 'opportunity', big.then[0])).toBe('Notify role Sales manager: “Big deal: {{steps.followUp.taskId}}”');
    expect(stepSummary(doc, 'opportunity', big.else![0])).toBe('Update the opportunity: set Tags');
    expect(stepSummary(doc, 'opportunity', { type: 'assign', key: 'a', strategy: 'roundRobin', team: 'Sales' })).toBe('Assign in turn among team Sales');
    expect(stepSummary(doc, 'opportunity', { type: 'wait', key: 'w', duration: { amount: 1, unit: 'hours' } })).toBe('Wait 1 hour');
    expect(stepSummary(doc, 'opportunity', { type: 'createRecord', key: 'c', entity: '', values: {} })).toBe('Create a record (choose the entity)');
  });

  it('describes expressions and durations', () => {
    expect(expressionText(doc, 'opportunity', { var: 'record.closeDate' })).toBe('Close date');
    expect(expressionText(doc, 'opportunity', { var: 'user.id' })).toBe('the acting user');
    expect(expressionText(doc, 'opportunity', 'won')).toBe('“won”');
    expect(expressionText(doc, 'opportunity', { '==': [{ var: 'record.stage' }, 'won'] })).toBe('Stage is "won"');
    expect(durationText({ amount: 2, unit: 'weeks' })).toBe('2 weeks');
    expect(stepCount(def)).toBe(5);
  });

  it('puts common cron schedules in words', () => {
    expect(cronText('*/15 * * * *')).toBe('Every 15 minutes');
    expect(cronText('0 * * * *')).toBe('Every hour');
    expect(cronText('30 8 * * *')).toBe('Every day at 08:30');
    expect(cronText('0 9 * * 1')).toBe('Every Monday at 09:00');
    expect(cronText('0 9 1 * *')).toBe('On the 1st of every month at 09:00');
    expect(cronText('0 9 22 * *')).toBe('On the 22nd of every month at 09:00');
    expect(cronText('0 9 * 1 *')).toBe('On the schedule “0 9 * 1 *”');
  });
});

describe('a first condition', () => {
  it('is the builder starting row', async () => {
    const { starterCondition } = await import('./starter-condition.js');
    const doc = docWithWorkflow();
    expect(starterCondition(doc.entities.opportunity)).toEqual(expect.any(Object));
    expect(starterCondition({ label: 'X', pluralLabel: 'Xs', plural: 'xs', fields: {} })).toBe(true);
  });
});
