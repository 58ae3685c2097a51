import type { PackManifest } from '@trellis/metadata';
import type { LoadedPack } from '@trellis/plugin-sdk';
import type { PackInstall } from './pack-install.repository.js';
import { upgradeDependencies } from './upgrade-dependencies.js';

const pack = (manifest: PackManifest): LoadedPack => ({ manifest, document: { entities: {} }, seed: [], translations: {}, dir: `/packs/${manifest.name}` });
const installed = (name: string, version: string): PackInstall => ({
  pack: name,
  version,
  manifest: { name, version },
  document: { entities: {} },
  installedAt: new Date(0),
  installedBy: 'test',
});

describe('upgradeDependencies', () => {
  const next = pack({ name: 'projects', version: '2.0.0', dependencies: { billing: '^1.0.0', base: '^1.0.0' } });
  const billing = pack({ name: 'billing', version: '1.1.0', dependencies: { ledger: '*' } });
  const ledger = pack({ name: 'ledger', version: '1.0.0' });
  const base = pack({ name: 'base', version: '1.2.0' });

  it('lists the new dependencies not installed yet, dependencies first, leaving out the installed ones', () => {
    const installs = [installed('base', '1.0.0'), installed('projects', '1.0.0')];
    expect(upgradeDependencies(next, [base, billing, ledger, next], installs)).toEqual(['ledger', 'billing']);
    expect(upgradeDependencies(next, [base, billing, ledger, next], [...installs, installed('billing', '1.0.0'), installed('ledger', '1.0.0')])).toEqual([]);
  });

  it('refuses a dependency installed outside the new range, naming the pack to upgrade first', () => {
    const needsBase2 = pack({ name: 'projects', version: '2.0.0', dependencies: { base: '^2.0.0' } });
    const installs = [installed('base', '1.0.0'), installed('projects', '1.0.0')];
    expect(() => upgradeDependencies(needsBase2, [pack({ name: 'base', version: '2.1.0' }), needsBase2], installs)).toThrow(
      'Upgrading projects to 2.0.0 needs base ^2.0.0, but base 1.0.0 is installed: upgrade base to 2.1.0 first, then projects.',
    );
    expect(() => upgradeDependencies(needsBase2, [base, needsBase2], installs)).toThrow('no available version of base matches ^2.0.0');
  });

  it('keeps the install order’s error for a dependency no folder holds', () => {
    expect(() => upgradeDependencies(next, [base, next], [installed('projects', '1.0.0')])).toThrow(
      expect.objectContaining({ message: expect.stringContaining('Upgrading projects to 2.0.0: Pack "billing" (needed by projects) is not available'), extensions: expect.objectContaining({ code: 'PACK_NOT_FOUND' }) }),
    );
  });
});
