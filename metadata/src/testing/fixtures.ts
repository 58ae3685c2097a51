/**
 * A small valid CRM document for tests (here and in other packages): companies, contacts,
 * opportunities and tags, with every relation cardinality. `salesDocument()` returns a fresh copy.
 */
import type { MetadataDocument } from '../types.js';

const SALES: MetadataDocument = {
  entities: {
    company: {
      label: 'Company',
      pluralLabel: 'Companies',
      plural: 'companies',
      displayField: 'name',
      fields: {
        name: { type: 'text', label: 'Name', required: true, maxLength: 200 },
        website: { type: 'url', label: 'Website' },
        industry: {
          type: 'select',
          label: 'Industry',
          options: [
            { value: 'software', label: 'Software' },
            { value: 'retail', label: 'Retail' },
          ],
        },
        employees: { type: 'integer', label: 'Employees', min: 0 },
        contacts: { type: 'relation', label: 'Contacts', target: 'contact', cardinality: 'oneToMany', inverse: 'company' },
      },
      layouts: {
        form: { sections: [{ label: 'Company', columns: 2, fields: ['name', 'website', 'industry', 'employees'] }] },
        list: { columns: ['name', 'industry', 'employees'], sort: [{ field: 'name', direction: 'asc' }], pageSize: 50 },
      },
    },
    contact: {
      label: 'Contact',
      pluralLabel: 'Contacts',
      plural: 'contacts',
      displayField: 'lastName',
      fields: {
        firstName: { type: 'text', label: 'First name' },
        lastName: { type: 'text', label: 'Last name', required: true },
        email: { type: 'email', label: 'E-mail', unique: true },
        phone: { type: 'phone', label: 'Phone' },
        company: { type: 'relation', label: 'Company', target: 'company', cardinality: 'manyToOne', inverse: 'contacts' },
      },
    },
    opportunity: {
      label: 'Opportunity',
      pluralLabel: 'Opportunities',
      plural: 'opportunities',
      fields: {
        name: { type: 'text', label: 'Name', required: true },
        amount: { type: 'currency', label: 'Amount', min: 0 },
        stage: {
          type: 'select',
          label: 'Stage',
          defaultValue: 'new',
          options: [
            { value: 'new', label: 'New' },
            { value: 'won', label: 'Won', color: 'green' },
            { value: 'lost', label: 'Lost', color: 'red' },
          ],
        },
        probability: { type: 'percent', label: 'Probability', min: 0, max: 100 },
        closeDate: { type: 'date', label: 'Close date' },
        company: { type: 'relation', label: 'Company', target: 'company', cardinality: 'manyToOne', onDelete: 'cascade' },
        tags: { type: 'relation', label: 'Tags', target: 'tag', cardinality: 'manyToMany', inverse: 'opportunities' },
      },
    },
    tag: {
      label: 'Tag',
      pluralLabel: 'Tags',
      plural: 'tags',
      fields: {
        name: { type: 'text', label: 'Name', required: true, unique: true },
        opportunities: { type: 'relation', label: 'Opportunities', target: 'opportunity', cardinality: 'manyToMany', inverse: 'tags' },
      },
    },
  },
};

export function salesDocument(): MetadataDocument {
  return structuredClone(SALES);
}
