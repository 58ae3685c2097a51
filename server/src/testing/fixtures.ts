/** Small metadata documents for server tests. */
import type { MetadataDocument } from '@trellis/metadata';

/** company ← deal (manyToOne), a few scalar types. */
export function crmDocument(): MetadataDocument {
  return {
    entities: {
      company: {
        label: 'Company',
        pluralLabel: 'Companies',
        plural: 'companies',
        fields: {
          name: { type: 'text', label: 'Name', required: true, maxLength: 200 },
          employees: { type: 'integer', label: 'Employees', min: 0 },
        },
      },
      deal: {
        label: 'Deal',
        pluralLabel: 'Deals',
        plural: 'deals',
        fields: {
          title: { type: 'text', label: 'Title', required: true },
          amount: { type: 'currency', label: 'Amount' },
          company: { type: 'relation', label: 'Company', target: 'company', cardinality: 'manyToOne' },
        },
      },
    },
  };
}

/** crmDocument plus a new entity and new fields on existing ones (a plan of several steps). */
export function crmDocumentV2(): MetadataDocument {
  const doc = crmDocument();
  doc.entities['company']!.fields['website'] = { type: 'url', label: 'Website' };
  doc.entities['deal']!.fields['closeDate'] = { type: 'date', label: 'Close date' };
  doc.entities['product'] = {
    label: 'Product',
    pluralLabel: 'Products',
    plural: 'products',
    fields: {
      name: { type: 'text', label: 'Name' },
      price: { type: 'decimal', label: 'Price', scale: 2 },
    },
  };
  return doc;
}
