import type { PackInfo } from '../api/packs-api.js';
import { actionName, alsoInstalls, dependencyList, dependents, isPackAction, packLabel, splitPacks } from './pack-list.js';

const pack = (name: string, extra: Partial<PackInfo> = {}): PackInfo => ({
  name,
  version: '1.0.0',
  label: null,
  description: null,
  origin: `plugins/pack-${name}`,
  installedVersion: null,
  dependencies: null,
  upgradeAvailable: false,
  ...extra,
});

describe('the Packs page lists', () => {
  it('splits installed from available packs, by label', () => {
    const packs = [pack('service', { label: 'Customer service', installedVersion: '1.0.0' }), pack('field'), pack('b2b', { label: 'B2B sales', installedVersion: '1.0.0' })];
    const { installed, available } = splitPacks(packs);
    expect(installed.map((p) => p.name)).toEqual(['b2b', 'service']);
    expect(available.map((p) => p.name)).toEqual(['field']);
  });

  it('names the buttons after the pack label (its name when it has none)', () => {
    expect(actionName('install', packLabel(pack('service', { label: 'Customer service' })))).toBe('Install Customer service');
    expect(actionName('upgrade', packLabel(pack('service', { label: '  ' })))).toBe('Upgrade service');
    expect(actionName('uninstall', 'B2B sales')).toBe('Uninstall B2B sales');
    expect(isPackAction('upgrade')).toBe(true);
    expect(isPackAction('delete')).toBe(false);
  });

  it('lists dependencies and the installed packs that need a pack', () => {
    const packs = [pack('b2b', { installedVersion: '1.0.0' }), pack('service', { installedVersion: '1.0.0', dependencies: { b2b: '^1.0.0' } }), pack('fs', { dependencies: { b2b: '^1.0.0' } })];
    expect(dependencyList(packs[1].dependencies)).toEqual(['b2b ^1.0.0']);
    expect(dependencyList(null)).toEqual([]);
    expect(dependents(packs, 'b2b').map((p) => p.name)).toEqual(['service']);
  });
});

describe('an upgrade that brings new dependencies', () => {
  it('names the packs it also installs, with the version the folders hold', () => {
    const packs = [pack('base', { label: 'Fixture base', version: '1.2.0' }), pack('service', { installedVersion: '1.0.0', version: '2.0.0' })];
    expect(alsoInstalls(['base', 'extra', 'service'], 'service', packs)).toEqual(['Fixture base 1.2.0', 'extra']);
    expect(alsoInstalls(['service'], 'service', packs)).toEqual([]);
  });
});
