import type { EntityDefinition, MetadataDocument } from '@trellis/metadata';
import type { LoadedPack } from '@trellis/plugin-sdk';
import { upgradeSides } from './upgrade-sides.js';

const entity = (label: string, fields: string[]): EntityDefinition => ({
  label,
  pluralLabel: `${label}s`,
  plural: `${label.toLowerCase()}s`,
  fields: Object.fromEntries(fields.map((f) => [f, { type: 'text', label: f }])),
});
const dependency = (document: MetadataDocument): LoadedPack => ({ manifest: { name: 'base', version: '1.0.0' }, document, seed: [], translations: {}, dir: '/base' });

describe('upgradeSides', () => {
  const base: MetadataDocument = { entities: { project: entity('Project', ['name']) } };
  // The new version adds a field to the dependency's account.
  const theirs = { entities: { project: entity('Project', ['name']), account: { fields: { region: { type: 'text', label: 'Region' } } } } } as unknown as MetadataDocument;
  const account = entity('Account', ['name', 'industry']);

  it('adds the dependency to all three sides, so only the pack’s own changes differ between base and theirs', () => {
    const sides = upgradeSides({ current: base, base, theirs }, [dependency({ entities: { account } })], {});
    expect(sides.clashes).toEqual([]);
    expect(sides.ours.entities['account']).toEqual(account);
    expect(sides.base.entities['account']).toEqual(account);
    expect(Object.keys(sides.theirs.entities['account']!.fields)).toEqual(['name', 'industry', 'region']);
  });

  it('reports a clash with the workspace and settles it by the choice', () => {
    const mine = { entities: { ...base.entities, account: entity('Client', ['name']) } };
    const open = upgradeSides({ current: mine, base, theirs }, [dependency({ entities: { account } })], {});
    expect(open.clashes.map((c) => [c.path, c.choice])).toEqual([['/entities/account', undefined]]);
    const kept = upgradeSides({ current: mine, base, theirs }, [dependency({ entities: { account } })], { '/entities/account': 'keepMine' });
    expect(kept.ours.entities['account']!.label).toBe('Client');
    expect(() => upgradeSides({ current: mine, base, theirs }, [], { '/entities/account': 'keepMine' })).toThrow('There is no clash at /entities/account');
  });

  it('leaves the sides alone when nothing is installed first', () => {
    expect(upgradeSides({ current: base, base, theirs }, [], {})).toEqual({ ours: base, base, theirs, clashes: [] });
  });
});
