/** A small sales document for unit tests of the studio's pure modules. */
import type { MetadataDocument } from '@trellis/metadata';

export function salesDoc(): MetadataDocument {
  return {
    entities: {
      company: {
        label: 'Company',
        pluralLabel: 'Companies',
        plural: 'companies',
        displayField: 'name',
        fields: {
          name: { type: 'text', label: 'Name', required: true },
          employees: { type: 'integer', label: 'Employees', min: 0 },
          opportunities: { type: 'relation', label: 'Opportunities', target: 'opportunity', cardinality: 'oneToMany', inverse: 'company' },
        },
        layouts: {
          form: { sections: [{ label: 'Company', columns: 2, fields: ['name', 'employees'] }] },
          list: { columns: ['name', 'employees'] },
        },
      },
      opportunity: {
        label: 'Opportunity',
        pluralLabel: 'Opportunities',
        plural: 'opportunities',
        displayField: 'name',
        fields: {
          name: { type: 'text', label: 'Name', required: true, maxLength: 200 },
          amount: { type: 'currency', label: 'Amount', min: 0, defaultCurrency: 'EUR' },
          stage: { type: 'select', label: 'Stage', options: [{ value: 'new', label: 'New' }, { value: 'won', label: 'Won' }] },
          tags: { type: 'multiSelect', label: 'Tags', options: [{ value: 'hot', label: 'Hot' }] },
          probability: { type: 'percent', label: 'Probability' },
          closeDate: { type: 'date', label: 'Close date' },
          company: { type: 'relation', label: 'Company', target: 'company', cardinality: 'manyToOne', inverse: 'opportunities' },
          contacts: { type: 'relation', label: 'Contacts', target: 'person', cardinality: 'manyToMany' },
        },
        layouts: {
          form: { sections: [{ label: 'Deal', columns: 2, fields: ['name', 'amount', 'stage', 'company'] }] },
          list: { columns: ['name', 'stage', 'amount', 'company'], sort: [{ field: 'amount', direction: 'desc' }] },
        },
      },
      person: {
        label: 'Person',
        pluralLabel: 'People',
        plural: 'people',
        fields: {
          firstName: { type: 'text', label: 'First name' },
          email: { type: 'email', label: 'Email' },
        },
      },
    },
  };
}
