import type { MetadataDocument } from '@trellis/metadata';

export const OWN = { '==': [{ var: 'record.owner' }, { var: 'user.id' }] };
export const MY_TEAMS = { in: [{ var: 'record.team' }, { var: 'user.teams' }] };

/** Deals and companies, with a rep (own deals), a manager (team deals) and a read-only auditor. */
export function accessDocument(): MetadataDocument {
  return {
    entities: {
      company: {
        label: 'Company',
        pluralLabel: 'Companies',
        plural: 'companies',
        fields: { name: { type: 'text', label: 'Name', required: true } },
      },
      deal: {
        label: 'Deal',
        pluralLabel: 'Deals',
        plural: 'deals',
        fields: {
          name: { type: 'text', label: 'Name', required: true },
          amount: { type: 'decimal', label: 'Amount' },
          margin: { type: 'decimal', label: 'Margin' },
          doubled: { type: 'formula', label: 'Doubled', expression: { '*': [{ var: 'record.amount' }, 2] }, resultType: 'decimal' },
        },
      },
    },
    roles: {
      rep: {
        label: 'Sales rep',
        entities: {
          company: { read: true },
          deal: { read: OWN, create: true, update: true, delete: OWN, fields: { margin: 'hidden', amount: 'readOnly' } },
        },
      },
      manager: {
        label: 'Sales manager',
        manageUsers: true,
        entities: { deal: { read: MY_TEAMS, update: MY_TEAMS, delete: false, transfer: true } },
      },
      auditor: {
        label: 'Auditor',
        entities: { deal: { read: true, fields: { margin: 'hidden' } } },
      },
    },
  };
}
