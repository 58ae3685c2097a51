/** The document step tests run against: companies with deals (manyToOne / oneToMany), deals with tags (manyToMany), a rule, roles. */
import type { MetadataDocument } from '@trellis/metadata';

export const stepsDocument = (): MetadataDocument => ({
  entities: {
    company: {
      label: 'Company',
      pluralLabel: 'Companies',
      plural: 'companies',
      fields: {
        name: { type: 'text', label: 'Name', required: true },
        tier: { type: 'text', label: 'Tier' },
        deals: { type: 'relation', label: 'Deals', target: 'deal', cardinality: 'oneToMany', inverse: 'company' },
      },
    },
    deal: {
      label: 'Deal',
      pluralLabel: 'Deals',
      plural: 'deals',
      fields: {
        name: { type: 'text', label: 'Name', required: true },
        stage: { type: 'text', label: 'Stage' },
        amount: { type: 'decimal', label: 'Amount', min: 0 },
        closeDate: { type: 'date', label: 'Close date' },
        email: { type: 'email', label: 'Email' },
        company: { type: 'relation', label: 'Company', target: 'company', cardinality: 'manyToOne', inverse: 'deals' },
        tags: { type: 'relation', label: 'Tags', target: 'tag', cardinality: 'manyToMany' },
      },
      rules: {
        wonNeedsCloseDate: {
          invalidWhen: { and: [{ '==': [{ var: 'record.stage' }, 'won'] }, { '!': { var: 'record.closeDate' } }] },
          message: 'A won deal needs a close date',
          fields: ['closeDate'],
        },
      },
    },
    tag: {
      label: 'Tag',
      pluralLabel: 'Tags',
      plural: 'tags',
      fields: { label: { type: 'text', label: 'Label', required: true }, hot: { type: 'boolean', label: 'Hot' } },
    },
  },
  roles: {
    reader: { label: 'Reader', entities: { company: { read: true }, deal: { read: true }, tag: { read: true } } },
    sales: { label: 'Sales', entities: { company: { read: true }, deal: { read: true, create: true, update: true } } },
  },
});
