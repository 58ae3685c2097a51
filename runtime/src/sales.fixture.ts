import type { MetadataDocument } from '@trellis/metadata';

/** A small document with one field of every built-in type, for tests. */
export function salesDocument(): MetadataDocument {
  return {
    entities: {
      company: {
        label: 'Company',
        pluralLabel: 'Companies',
        plural: 'companies',
        fields: {
          name: { type: 'text', label: 'Name', required: true, maxLength: 200 },
          opportunities: { type: 'relation', label: 'Opportunities', target: 'opportunity', cardinality: 'oneToMany', inverse: 'company' },
        },
      },
      tag: {
        label: 'Tag',
        pluralLabel: 'Tags',
        plural: 'tags',
        fields: { name: { type: 'text', label: 'Name', required: true } },
      },
      opportunity: {
        label: 'Opportunity',
        pluralLabel: 'Opportunities',
        plural: 'opportunities',
        displayField: 'name',
        fields: {
          name: { type: 'text', label: 'Name', required: true, maxLength: 200, minLength: 3 },
          description: { type: 'longText', label: 'Description', description: 'What the customer wants', maxLength: 2000 },
          quantity: { type: 'integer', label: 'Quantity', min: 1, max: 1000 },
          weight: { type: 'decimal', label: 'Weight', min: 0, scale: 3 },
          amount: { type: 'currency', label: 'Amount', min: 0 },
          probability: { type: 'percent', label: 'Probability', min: 0, max: 100 },
          hot: { type: 'boolean', label: 'Hot' },
          closeDate: { type: 'date', label: 'Close date' },
          nextCall: { type: 'dateTime', label: 'Next call' },
          stage: {
            type: 'select',
            label: 'Stage',
            required: true,
            defaultValue: 'new',
            options: [
              { value: 'new', label: 'New' },
              { value: 'qualified', label: 'Qualified' },
              { value: 'won', label: 'Won' },
            ],
          },
          channels: {
            type: 'multiSelect',
            label: 'Channels',
            options: [
              { value: 'web', label: 'Web' },
              { value: 'phone', label: 'Phone' },
            ],
          },
          email: { type: 'email', label: 'Email' },
          phone: { type: 'phone', label: 'Phone' },
          website: { type: 'url', label: 'Website' },
          payload: { type: 'json', label: 'Payload' },
          company: { type: 'relation', label: 'Company', target: 'company', cardinality: 'manyToOne', inverse: 'opportunities' },
          tags: { type: 'relation', label: 'Tags', target: 'tag', cardinality: 'manyToMany' },
        },
      },
    },
  };
}

export const UUID = '0b6f5a3e-4c1d-4e8a-9f2b-1a2b3c4d5e6f';
