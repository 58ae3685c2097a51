import type { EntityDefinition, MetadataDocument } from '@trellis/metadata';
import { combineForInstall } from './combine-for-install.js';

const entity = (label: string, fields: EntityDefinition['fields']): EntityDefinition => ({ label, pluralLabel: `${label}s`, plural: `${label.toLowerCase()}s`, fields });
const pack: MetadataDocument = {
  entities: { account: entity('Account', { name: { type: 'text', label: 'Name' }, tier: { type: 'text', label: 'Tier' } }) },
  roles: { agent: { label: 'Agent' } },
};

describe('combineForInstall', () => {
  it('adds what the workspace lacks, with no clash', () => {
    const { document, clashes } = combineForInstall({ entities: {} }, pack, 'base');
    expect(clashes).toEqual([]);
    expect(document).toEqual(pack);
  });

  it('reports each component the workspace has differently, and keeps the workspace’s until a choice is made', () => {
    const mine: MetadataDocument = {
      entities: { account: entity('Client', { name: { type: 'text', label: 'Company' }, website: { type: 'url', label: 'Web' } }) },
      roles: { agent: { label: 'Agent' } },
    };
    const { document, clashes } = combineForInstall(mine, pack, 'base');
    expect(clashes.map((c) => c.path)).toEqual(['/entities/account', '/entities/account/fields/name']);
    expect(clashes[0]!.message).toContain('base pack');
    expect(document.entities['account']!.label).toBe('Client');
    expect(document.entities['account']!.fields).toEqual({ ...mine.entities['account']!.fields, tier: { type: 'text', label: 'Tier' } });

    const chosen = combineForInstall(mine, pack, 'base', { '/entities/account': 'takePack', '/entities/account/fields/name': 'keepMine' });
    expect(chosen.clashes.map((c) => c.choice)).toEqual(['takePack', 'keepMine']);
    expect(chosen.document.entities['account']).toMatchObject({ label: 'Account', fields: { name: { label: 'Company' }, website: { type: 'url' }, tier: { type: 'text' } } });
  });

  it('lets a pack add fields to an entity it does not define (a dependency’s) without a clash', () => {
    const extension = { entities: { account: { fields: { level: { type: 'integer', label: 'Level' } } } } } as unknown as MetadataDocument;
    const { document, clashes } = combineForInstall(pack, extension, 'ext');
    expect(clashes).toEqual([]);
    expect(Object.keys(document.entities['account']!.fields)).toEqual(['name', 'tier', 'level']);
    expect(document.entities['account']!.label).toBe('Account');
  });

  it('adds the pack’s translations where the workspace has none for that label, keeping the workspace’s own text', () => {
    const translated = { ...pack, translations: { de: { '/entities/account/label': 'Konto', '/entities/account/fields/tier/label': 'Stufe' }, fr: { '/entities/account/label': 'Compte' } } };
    const mine: MetadataDocument = { entities: {}, translations: { de: { '/entities/account/label': 'Kunde' } } };
    const { document, clashes } = combineForInstall(mine, translated, 'base');
    expect(clashes).toEqual([]);
    expect(document.translations).toEqual({
      de: { '/entities/account/label': 'Kunde', '/entities/account/fields/tier/label': 'Stufe' },
      fr: { '/entities/account/label': 'Compte' },
    });
  });

  it('skips a pack translation whose label the workspace kept its own version without', () => {
    const withOptions: MetadataDocument = {
      entities: { account: entity('Account', { tier: { type: 'select', label: 'Tier', options: [{ value: 'gold', label: 'Gold' }] } }) },
      translations: { de: { '/entities/account/fields/tier/options/gold/label': 'Gold' } },
    };
    const mine: MetadataDocument = { entities: { account: entity('Account', { tier: { type: 'select', label: 'Tier', options: [{ value: 'a', label: 'A' }] } }) } };
    const { document } = combineForInstall(mine, withOptions, 'base', { '/entities/account/fields/tier': 'keepMine' });
    expect(document.translations).toBeUndefined();
  });
});
