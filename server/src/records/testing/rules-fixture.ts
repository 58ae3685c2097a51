/** A deal entity with validation rules and form conditions, for the rule enforcement tests. */
import type { MetadataDocument } from '@trellis/metadata';

export function rulesDocument(): MetadataDocument {
  return {
    entities: {
      company: {
        label: 'Company',
        pluralLabel: 'Companies',
        plural: 'companies',
        fields: { name: { type: 'text', label: 'Name', required: true } },
      },
      label: {
        label: 'Label',
        pluralLabel: 'Labels',
        plural: 'labels',
        fields: { name: { type: 'text', label: 'Name' } },
      },
      deal: {
        label: 'Deal',
        pluralLabel: 'Deals',
        plural: 'deals',
        fields: {
          title: { type: 'text', label: 'Title', required: true },
          stage: {
            type: 'select',
            label: 'Stage',
            options: [
              { value: 'new', label: 'New' },
              { value: 'won', label: 'Won' },
              { value: 'lost', label: 'Lost' },
            ],
          },
          amount: { type: 'decimal', label: 'Amount' },
          closeDate: { type: 'date', label: 'Close date' },
          lostReason: { type: 'text', label: 'Lost reason' },
          code: { type: 'text', label: 'Code' },
          followUpDays: { type: 'decimal', label: 'Follow-up days' },
          company: { type: 'relation', label: 'Company', target: 'company', cardinality: 'manyToOne' },
          labels: { type: 'relation', label: 'Labels', target: 'label', cardinality: 'manyToMany' },
        },
        rules: {
          closeDateWhenWon: {
            label: 'Close date when won',
            invalidWhen: { and: [{ '==': [{ var: 'record.stage' }, 'won'] }, { isBlank: { var: 'record.closeDate' } }] },
            message: '{{record.title}} is won and needs a close date',
            fields: ['closeDate'],
          },
          noWayBackFromWon: {
            invalidWhen: { and: [{ '==': [{ var: 'previous.stage' }, 'won'] }, { '!=': [{ var: 'record.stage' }, 'won'] }] },
            message: 'Stage may not go back from {{previous.stage}}',
            fields: ['stage'],
          },
          closeWithinAYear: {
            invalidWhen: { '>': [{ daysBetween: [{ var: 'now' }, { var: 'record.closeDate' }] }, 365] },
            message: 'Close date {{record.closeDate}} is more than a year away',
            fields: ['closeDate'],
          },
          codeFormat: {
            label: 'Code format',
            invalidWhen: {
              and: [{ '!': { isBlank: { var: 'record.code' } } }, { '!': { regexMatch: ['^[A-Z]{2}-\\d+$', { var: 'record.code' }] } }],
            },
            message: 'Code {{record.code}} must look like AB-12',
            fields: ['code'],
          },
          followUpInTime: {
            label: 'Follow-up in time',
            // addDays throws for a fractional number of days on a date: the rule then refuses the write.
            invalidWhen: { '>': [{ addDays: [{ var: 'record.closeDate' }, { var: 'record.followUpDays' }] }, '2030-01-01'] },
            message: 'Follow up before 2030',
            fields: ['followUpDays'],
          },
          noBlockedUsers: {
            invalidWhen: { '==': [{ var: 'user.id' }, 'blocked'] },
            message: 'Blocked users may not write deals',
          },
          retired: {
            label: 'Retired rule',
            invalidWhen: true,
            message: 'This rule is inactive and must never fire',
            active: false,
          },
        },
        layouts: {
          form: {
            sections: [{ label: 'Deal', fields: ['title', 'stage', 'amount', 'closeDate', 'lostReason', 'code', 'followUpDays', 'company', 'labels'] }],
            conditions: {
              lostReason: {
                visibleWhen: { '==': [{ var: 'record.stage' }, 'lost'] },
                requiredWhen: { '==': [{ var: 'record.stage' }, 'lost'] },
              },
              amount: { readOnlyWhen: { '==': [{ var: 'record.stage' }, 'won'] } },
            },
          },
        },
      },
    },
  };
}
