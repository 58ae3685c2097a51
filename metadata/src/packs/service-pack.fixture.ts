/**
 * For merge tests: version 1 of a small customer-service pack (a ticket entity with options, form sections, a
 * list layout, a rule and a view; an agent role; an escalation workflow), and `edited(mutate)` to derive the
 * other versions (the new pack, the customized workspace) from it.
 */
import type { MetadataDocument } from '../types.js';

const v = (path: string) => ({ var: path });

const SERVICE_PACK: MetadataDocument = {
  entities: {
    ticket: {
      label: 'Ticket',
      pluralLabel: 'Tickets',
      plural: 'tickets',
      displayField: 'subject',
      fields: {
        subject: { type: 'text', label: 'Subject', required: true, maxLength: 200 },
        priority: {
          type: 'select',
          label: 'Priority',
          defaultValue: 'normal',
          options: [
            { value: 'low', label: 'Low' },
            { value: 'normal', label: 'Normal' },
            { value: 'high', label: 'High', color: 'red' },
          ],
        },
        status: {
          type: 'select',
          label: 'Status',
          options: [
            { value: 'new', label: 'New' },
            { value: 'open', label: 'Open' },
            { value: 'closed', label: 'Closed' },
          ],
        },
        dueDate: { type: 'date', label: 'Due date' },
        description: { type: 'longText', label: 'Description' },
      },
      layouts: {
        form: {
          sections: [
            { label: 'Ticket', columns: 2, fields: ['subject', 'priority', 'status'] },
            { label: 'Details', fields: ['dueDate', 'description'] },
          ],
        },
        list: { columns: ['subject', 'priority', 'status'], sort: [{ field: 'dueDate', direction: 'asc' }] },
      },
      rules: {
        dueDateWhenHigh: {
          invalidWhen: { and: [{ '==': [v('record.priority'), 'high'] }, { '!': v('record.dueDate') }] },
          message: 'A high priority ticket needs a due date',
          fields: ['dueDate'],
        },
      },
      views: {
        openTickets: { label: 'Open tickets', filter: { '!=': [v('record.status'), 'closed'] }, columns: ['subject', 'priority'] },
      },
    },
  },
  roles: { agent: { label: 'Agent', entities: { ticket: { read: true, create: true, update: true } } } },
  workflows: {
    escalate: {
      label: 'Escalate high priority tickets',
      trigger: { type: 'fieldChanged', entity: 'ticket', fields: ['priority'] },
      condition: { '==': [v('record.priority'), 'high'] },
      steps: [
        { key: 'notifyLead', type: 'notify', recipients: { roles: ['agent'] }, title: 'Ticket {{record.subject}} escalated' },
        { key: 'followUp', type: 'createTask', title: 'Handle {{record.subject}}', dueIn: { amount: 1, unit: 'days' } },
      ],
    },
  },
};

export function servicePack(): MetadataDocument {
  return structuredClone(SERVICE_PACK);
}

/** Version 1 of the pack, changed by `mutate`. */
export function edited(mutate: (doc: MetadataDocument) => void): MetadataDocument {
  const doc = servicePack();
  mutate(doc);
  return doc;
}
