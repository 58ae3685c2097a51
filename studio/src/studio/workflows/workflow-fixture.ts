/** A sales document with workflows, for the unit tests of the workflow editor's pure modules. */
import type { MetadataDocument, WorkflowDefinition } from '@trellis/metadata';
import { salesDoc } from '../../testing/sales-doc.js';

/** "Won deal follow-up": when Stage changes, if won → task + notify, else update the record. */
export function wonFollowUp(): WorkflowDefinition {
  return {
    label: 'Won deal follow-up',
    active: false,
    trigger: { type: 'fieldChanged', entity: 'opportunity', fields: ['stage'] },
    condition: { '==': [{ var: 'record.stage' }, 'won'] },
    steps: [
      { type: 'createTask', key: 'followUp', title: 'Call {{record.name}}', dueIn: { amount: 3, unit: 'days' } },
      {
        type: 'if',
        key: 'big',
        condition: { '>': [{ var: 'record.amount.amount' }, 1000] },
        then: [{ type: 'notify', key: 'tellManager', recipients: { roles: ['salesManager'] }, title: 'Big deal: {{steps.followUp.taskId}}' }],
        else: [{ type: 'updateRecord', key: 'tag', values: { tags: ['hot'] } }],
      },
      { type: 'sendEmail', key: 'mail', to: { var: 'steps.followUp.taskId' }, subject: 'Won', body: 'Task {{steps.followUp.taskId}}' },
    ],
  };
}

export function docWithWorkflow(): MetadataDocument {
  const doc = salesDoc();
  doc.roles = {
    salesManager: { label: 'Sales manager', entities: { opportunity: { read: true, update: true } } },
    salesRep: { label: 'Sales rep', entities: { opportunity: { read: { '==': [{ var: 'record.owner' }, { var: 'user.id' }] } } } },
  };
  doc.workflows = { wonFollowUp: wonFollowUp() };
  return doc;
}
