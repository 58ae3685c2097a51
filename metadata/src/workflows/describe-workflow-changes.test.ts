import { describeTrigger, describeWorkflowChanges } from './describe-workflow-changes.js';
import type { WorkflowDefinition } from './types.js';
import { followUpWorkflow } from './workflows.fixture.js';

describe('describeWorkflowChanges', () => {
  it('describes an added and a removed workflow', () => {
    expect(describeWorkflowChanges('followUp', undefined, { ...followUpWorkflow(), active: false })).toEqual([
      'Add workflow Follow up won deals (followUp): field changed opportunity.stage, 5 steps, inactive',
    ]);
    expect(describeWorkflowChanges('followUp', followUpWorkflow(), undefined)).toEqual([
      'Remove workflow Follow up won deals (followUp): it no longer starts; runs in progress finish on their version',
    ]);
  });

  it('lists what changed: activation, trigger, condition, timing, runAs, steps', () => {
    const from = followUpWorkflow();
    const to: WorkflowDefinition = structuredClone(from);
    to.active = false;
    to.trigger = { type: 'recordUpdated', entity: 'opportunity' };
    delete to.condition;
    to.runAs = 'admin';
    (to.steps[0] as { title: string }).title = 'Call {{record.name}}';
    (to.steps[1] as { else?: unknown }).else = [];
    to.steps.push({ key: 'wait', type: 'wait', duration: { amount: 1, unit: 'days' } });
    expect(describeWorkflowChanges('followUp', from, to)).toEqual([
      'Workflow Follow up won deals (followUp): deactivated',
      'Workflow Follow up won deals (followUp): trigger changed from field changed opportunity.stage to record updated of opportunity',
      'Workflow Follow up won deals (followUp): condition removed',
      'Workflow Follow up won deals (followUp): runs as admin instead of salesManager',
      'Workflow Follow up won deals (followUp): step makeTask changed',
      'Workflow Follow up won deals (followUp): step wait (wait) added',
      'Workflow Follow up won deals (followUp): step markSmall (updateRecord) removed',
    ]);
  });

  it('notices reordered steps', () => {
    const from = followUpWorkflow();
    const to = { ...from, steps: [...from.steps].reverse() };
    expect(describeWorkflowChanges('followUp', from, to)).toEqual(['Workflow Follow up won deals (followUp): steps reordered']);
  });

  it('describes each trigger type briefly', () => {
    expect(describeTrigger({ type: 'scheduled', cron: '0 9 * * 1-5', timeZone: 'Europe/Paris' })).toBe('scheduled "0 9 * * 1-5" (Europe/Paris)');
    expect(describeTrigger({ type: 'dateRelative', entity: 'opportunity', field: 'closeDate', offset: { amount: 3, unit: 'days' }, direction: 'before' })).toBe('3 days before opportunity.closeDate');
    expect(describeTrigger({ type: 'webhook' })).toBe('webhook');
  });
});
