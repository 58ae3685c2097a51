/** Two entities and three roles (own-records rep, viewer with a read-only field, manager): the permission matrix's document. */
import type { MetadataDocument } from '@trellis/metadata';

export const ownerIsMe = { '==': [{ var: 'record.owner' }, { var: 'user.id' }] };
export const myRegion = { '==': [{ var: 'record.region' }, { var: 'user.attributes.region' }] };

export const matrixDocument = (): MetadataDocument => ({
  entities: {
    company: {
      label: 'Company',
      pluralLabel: 'Companies',
      plural: 'companies',
      fields: {
        name: { type: 'text', label: 'Name', required: true },
        region: { type: 'text', label: 'Region' },
        deals: { type: 'relation', label: 'Deals', target: 'deal', cardinality: 'oneToMany', inverse: 'company' },
      },
    },
    deal: {
      label: 'Deal',
      pluralLabel: 'Deals',
      plural: 'deals',
      fields: {
        name: { type: 'text', label: 'Name', required: true },
        amount: { type: 'decimal', label: 'Amount' },
        stage: { type: 'text', label: 'Stage' },
        company: { type: 'relation', label: 'Company', target: 'company', cardinality: 'manyToOne', inverse: 'deals' },
      },
    },
  },
  roles: {
    rep: {
      label: 'Sales rep',
      entities: {
        company: { read: myRegion },
        deal: { read: ownerIsMe, create: true, update: ownerIsMe, fields: { amount: 'hidden' } },
      },
    },
    viewer: {
      label: 'Viewer',
      entities: { company: { read: true }, deal: { read: true, update: true, fields: { stage: 'readOnly' } } },
    },
    manager: {
      label: 'Manager',
      entities: { company: { read: true }, deal: { read: true, create: true, update: true, delete: true, transfer: true } },
    },
  },
});

