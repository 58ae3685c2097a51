import type { EntityDefinition, MetadataDocument } from '@trellis/metadata';
import { planUninstall } from './plan-uninstall.js';

const entity = (label: string, fields: EntityDefinition['fields'], extra: Partial<EntityDefinition> = {}): EntityDefinition => ({
  label,
  pluralLabel: `${label}s`,
  plural: `${label.toLowerCase()}s`,
  fields,
  ...extra,
});
const base: MetadataDocument = { entities: { account: entity('Account', { name: { type: 'text', label: 'Name' } }) } };
const service = {
  entities: {
    account: { fields: { tier: { type: 'text', label: 'Tier' } } },
    ticket: entity('Ticket', { title: { type: 'text', label: 'Title' }, account: { type: 'relation', label: 'Account', target: 'account', cardinality: 'manyToOne' } }),
  },
  roles: { agent: { label: 'Agent', entities: { ticket: { read: true }, account: { read: true, fields: { tier: 'readOnly' } } } } },
} as unknown as MetadataDocument;
const workspace: MetadataDocument = {
  entities: {
    account: entity(
      'Account',
      { name: { type: 'text', label: 'Name' }, tier: { type: 'text', label: 'Tier' }, website: { type: 'url', label: 'Website' } },
      { layouts: { form: { sections: [{ label: 'Main', fields: ['name', 'tier', 'website'] }] }, list: { columns: ['name', 'tier'] } } },
    ),
    ticket: entity('Ticket', {
      title: { type: 'text', label: 'Title' },
      account: { type: 'relation', label: 'Account', target: 'account', cardinality: 'manyToOne' },
      note: { type: 'text', label: 'Note' },
    }),
  },
  roles: { agent: { label: 'Agent', entities: { ticket: { read: true }, account: { read: true, fields: { tier: 'readOnly' } } } }, manager: { label: 'Manager', entities: { ticket: { read: true } } } },
};

describe('planUninstall', () => {
  it('removes the pack’s entities (with the customer’s fields on them) and its fields on entities that stay, and what names them', () => {
    const plan = planUninstall(workspace, service, [base]);
    expect(plan.removedEntities).toEqual(['ticket']);
    expect(plan.removedFields).toEqual(['account.tier']);
    expect(plan.document.entities['account']).toMatchObject({
      fields: { name: { type: 'text' }, website: { type: 'url' } },
      layouts: { form: { sections: [{ fields: ['name', 'website'] }] }, list: { columns: ['name'] } },
    });
    expect(plan.document.entities['account']!.fields['tier']).toBeUndefined();
    expect(plan.document.roles).toEqual({ manager: { label: 'Manager', entities: {} } });
    expect(plan.removed).toEqual(expect.arrayContaining(['/entities/ticket', '/entities/ticket/fields/note', '/entities/account/fields/tier', '/roles/agent']));
  });

  it('keeps an entity something kept relates to, and components another installed pack also brings', () => {
    const mine = structuredClone(workspace);
    mine.entities['invoice'] = entity('Invoice', { ticket: { type: 'relation', label: 'Ticket', target: 'ticket', cardinality: 'manyToOne' } });
    const plan = planUninstall(mine, service, [base, { entities: {}, roles: { agent: { label: 'Agent' } } }]);
    expect(plan.removedEntities).toEqual([]);
    expect(plan.document.entities['ticket']).toEqual(workspace.entities['ticket']);
    expect(plan.document.roles?.['agent']).toBeDefined();
  });

  it('drops the translations of the labels that went, and keeps the others', () => {
    const translated: MetadataDocument = {
      ...structuredClone(workspace),
      translations: { de: { '/entities/ticket/label': 'Vorgang', '/entities/account/fields/tier/label': 'Stufe', '/entities/account/label': 'Konto' } },
    };
    expect(planUninstall(translated, service, [base]).document.translations).toEqual({ de: { '/entities/account/label': 'Konto' } });
  });
});
