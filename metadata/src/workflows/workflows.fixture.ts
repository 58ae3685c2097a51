import { salesDocument } from '../testing/fixtures.js';
import type { MetadataDocument } from '../types.js';
import type { WorkflowDefinition } from './types.js';

/** "When an opportunity is won, create a follow-up task in 3 days and notify the sales managers." */
export function followUpWorkflow(): WorkflowDefinition {
  return {
    label: 'Follow up won deals',
    trigger: { type: 'fieldChanged', entity: 'opportunity', fields: ['stage'] },
    condition: { '==': [{ var: 'record.stage' }, 'won'] },
    runAs: 'salesManager',
    steps: [
      { key: 'makeTask', type: 'createTask', title: 'Follow up {{record.name}}', dueIn: { amount: 3, unit: 'days' } },
      {
        key: 'big',
        type: 'if',
        condition: { '>': [{ var: 'record.amount.amount' }, 10000] },
        then: [{ key: 'tellManagers', type: 'notify', recipients: { roles: ['salesManager'], owner: true }, title: '{{record.name}} won', body: 'Task {{steps.makeTask.taskId}}' }],
        else: [{ key: 'markSmall', type: 'updateRecord', values: { probability: 100 } }],
      },
      { key: 'log', type: 'createRecord', entity: 'tag', values: { name: { cat: ['won-', { var: 'record.id' }] } } },
    ],
  };
}

/** The sales document with a salesManager role and the follow-up workflow. */
export function workflowsDocument(workflows: Record<string, WorkflowDefinition> = { followUp: followUpWorkflow() }): MetadataDocument {
  const doc = salesDocument();
  doc.roles = { salesManager: { label: 'Sales manager', entities: { opportunity: { read: true } } } };
  doc.workflows = workflows;
  return doc;
}
