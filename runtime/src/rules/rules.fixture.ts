/** An opportunity entity with validation rules and form conditions, for the rule tests. */
import type { MetadataDocument } from '@trellis/metadata';

export function rulesDocument(): MetadataDocument {
  return {
    entities: {
      opportunity: {
        label: 'Opportunity',
        pluralLabel: 'Opportunities',
        plural: 'opportunities',
        fields: {
          name: { type: 'text', label: 'Name', required: true },
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
          discount: { type: 'percent', label: 'Discount', defaultValue: 0 },
          code: { type: 'text', label: 'Code' },
        },
        rules: {
          closeDateWhenWon: {
            label: 'Close date when won',
            invalidWhen: { and: [{ '==': [{ var: 'record.stage' }, 'won'] }, { isBlank: { var: 'record.closeDate' } }] },
            message: '{{record.name}} is won and needs a close date',
            fields: ['closeDate', 'stage'],
          },
          noWayBackFromWon: {
            invalidWhen: { and: [{ '==': [{ var: 'previous.stage' }, 'won'] }, { '!=': [{ var: 'record.stage' }, 'won'] }] },
            message: 'Stage may not go back from {{previous.stage}}',
            fields: ['stage'],
          },
          notTooBig: {
            invalidWhen: { '>': [{ var: 'record.amount' }, 1000000] },
            message: 'Too big',
          },
          codeFormat: {
            label: 'Code format',
            invalidWhen: { '!': { regexMatch: [{ var: 'record.codePattern' }, { var: 'record.code' }] } },
            message: 'Bad code',
            fields: ['code'],
            active: false,
          },
        },
        layouts: {
          form: {
            sections: [{ label: 'Deal', fields: ['name', 'stage', 'amount', 'closeDate', 'lostReason', 'discount', 'code'] }],
            conditions: {
              lostReason: {
                visibleWhen: { '==': [{ var: 'record.stage' }, 'lost'] },
                requiredWhen: { '==': [{ var: 'record.stage' }, 'lost'] },
              },
              amount: { readOnlyWhen: { '==': [{ var: 'record.stage' }, 'won'] } },
              discount: { readOnlyWhen: { '!=': [{ var: 'user.kind' }, 'system'] } },
              closeDate: { requiredWhen: { '>': [{ var: 'record.amount' }, 1000] } },
            },
          },
        },
      },
      plain: {
        label: 'Plain',
        pluralLabel: 'Plains',
        plural: 'plains',
        fields: { title: { type: 'text', label: 'Title' } },
        rules: { off: { invalidWhen: true, message: 'never', active: false } },
      },
    },
  };
}
