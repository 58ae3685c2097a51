import { salesDocument } from '../testing/fixtures.js';
import type { MetadataDocument } from '../types.js';

export const OWN = { '==': [{ var: 'record.owner' }, { var: 'user.id' }] };

/** The sales document with a rep role: own opportunities, all companies, amount read-only. */
export function rolesDocument(): MetadataDocument {
  const doc = salesDocument();
  doc.roles = {
    salesRep: {
      label: 'Sales rep',
      entities: {
        company: { read: true },
        opportunity: {
          read: OWN,
          create: true,
          update: { and: [OWN, { '!=': [{ var: 'record.amount.amount' }, 0] }] },
          delete: OWN,
          fields: { amount: 'readOnly' },
        },
      },
    },
  };
  return doc;
}
