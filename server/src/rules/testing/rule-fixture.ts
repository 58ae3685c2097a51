/** A metadata document with every column type the JSON Logic compiler reads, for the rules tests. */
import type { MetadataDocument } from '@trellis/metadata';

export const STAGES = ['new', 'won', 'lost'] as const;

export function ruleDocument(): MetadataDocument {
  return {
    entities: {
      company: {
        label: 'Company',
        pluralLabel: 'Companies',
        plural: 'companies',
        fields: {
          name: { type: 'text', label: 'Name' },
          employees: { type: 'integer', label: 'Employees' },
          rating: { type: 'decimal', label: 'Rating', scale: 1 },
          parent: { type: 'relation', label: 'Parent', target: 'company', cardinality: 'manyToOne' },
          deals: { type: 'relation', label: 'Deals', target: 'deal', cardinality: 'oneToMany', inverse: 'company' },
        },
      },
      deal: {
        label: 'Deal',
        pluralLabel: 'Deals',
        plural: 'deals',
        fields: {
          title: { type: 'text', label: 'Title' },
          code: { type: 'autoNumber', label: 'Code', prefix: 'D-', digits: 3 },
          notes: { type: 'longText', label: 'Notes' },
          qty: { type: 'integer', label: 'Quantity' },
          score: { type: 'integer', label: 'Score' },
          price: { type: 'decimal', label: 'Price', scale: 2 },
          ratio: { type: 'percent', label: 'Ratio' },
          active: { type: 'boolean', label: 'Active' },
          closeDate: { type: 'date', label: 'Close date' },
          closedAt: { type: 'dateTime', label: 'Closed at' },
          stage: { type: 'select', label: 'Stage', options: STAGES.map((s) => ({ value: s, label: s })) },
          tags: { type: 'multiSelect', label: 'Tags', options: ['a', 'b', 'c'].map((s) => ({ value: s, label: s })) },
          amount: { type: 'currency', label: 'Amount' },
          data: { type: 'json', label: 'Data' },
          company: { type: 'relation', label: 'Company', target: 'company', cardinality: 'manyToOne', inverse: 'deals' },
        },
        views: {
          open: { label: 'Open deals', filter: { '!': { in: [{ var: 'record.stage' }, ['won', 'lost']] } }, sort: [{ field: 'qty', direction: 'desc' }] },
          big: { label: 'Big deals', filter: { '>=': [{ var: 'record.qty' }, 10] } },
        },
      },
    },
  };
}
