import type { PackManifest } from '@trellis/metadata';
import { PackInstallOrderError, resolveInstallOrder } from './install-order.js';

const pack = (name: string, version: string, dependencies: Record<string, string> = {}, trellis?: string): PackManifest => ({
  name, version, dependencies, ...(trellis ? { trellis } : {}),
});

const available = [
  pack('base', '1.0.0'),
  pack('base', '1.4.0'),
  pack('base', '2.0.0'),
  pack('b2b-sales', '1.2.0', { base: '^1.0.0' }),
  pack('service', '1.0.0', { 'b2b-sales': '^1.0.0', base: '^1.2.0' }),
  pack('field-service', '1.0.0', { service: '^1.0.0', 'b2b-sales': '>=1.1.0' }),
];

function errorOf(fn: () => unknown): PackInstallOrderError {
  try {
    fn();
  } catch (error) {
    if (error instanceof PackInstallOrderError) return error;
    throw error;
  }
  throw new Error('expected a PackInstallOrderError');
}

describe('resolveInstallOrder', () => {
  it('installs dependencies first, each once, ending with the pack', () => {
    expect(resolveInstallOrder('field-service', available, {})).toEqual(['base', 'b2b-sales', 'service', 'field-service']);
    expect(resolveInstallOrder('base', available, {})).toEqual(['base']);
  });

  it('leaves out dependencies installed at an accepted version', () => {
    expect(resolveInstallOrder('service', available, { base: '1.3.0', 'b2b-sales': '1.2.0' })).toEqual(['service']);
    expect(resolveInstallOrder('service', available, { base: '1.3.0' })).toEqual(['b2b-sales', 'service']);
  });

  it('accepts LoadedPack-like entries', () => {
    expect(resolveInstallOrder('b2b-sales', available.map((manifest) => ({ manifest, document: { entities: {} }, seed: [], translations: {}, dir: '/x' })), {})).toEqual(['base', 'b2b-sales']);
  });

  it('refuses a missing pack or dependency, naming who needs it', () => {
    expect(errorOf(() => resolveInstallOrder('crm', available, {}))).toMatchObject({ code: 'PACK_NOT_FOUND', pack: 'crm', chain: ['crm'] });
    const error = errorOf(() => resolveInstallOrder('field-service', available.filter((p) => p.name !== 'base'), {}));
    expect(error).toMatchObject({ code: 'PACK_NOT_FOUND', pack: 'base', chain: ['field-service', 'service', 'b2b-sales', 'base'] });
    expect(error.message).toBe('Pack "base" (needed by b2b-sales ← service ← field-service) is not available; add its folder to plugins/ or TRELLIS_PACK_DIRS');
  });

  it('refuses incompatible versions, available or installed', () => {
    const tooOld = errorOf(() => resolveInstallOrder('service', [...available.filter((p) => p.name !== 'base' || p.version === '1.0.0')], {}));
    expect(tooOld).toMatchObject({ code: 'PACK_INCOMPATIBLE', pack: 'base' });
    expect(tooOld.message).toBe('Pack "base" (needed by service) is needed at ^1.2.0, but 1.0.0 was chosen (needed by b2b-sales ← service); align the dependency ranges');
    const unavailable = errorOf(() => resolveInstallOrder('b2b-sales', [pack('base', '2.0.0'), pack('b2b-sales', '1.2.0', { base: '^1.0.0' })], {}));
    expect(unavailable.message).toBe('Pack "base" (needed by b2b-sales) is needed at ^1.0.0, but only 2.0.0 is available; add a matching version');
    const installed = errorOf(() => resolveInstallOrder('service', available, { base: '2.0.0' }));
    expect(installed.message).toBe('Pack "base" (needed by b2b-sales ← service) is needed at ^1.0.0, but 2.0.0 is installed; upgrade "base" first');
    expect(installed.code).toBe('PACK_INCOMPATIBLE');
  });

  it('refuses a pack made for another Trellis version', () => {
    const packs = [pack('future', '1.0.0', {}, '>=2.0.0')];
    expect(resolveInstallOrder('future', packs, {})).toEqual(['future']);
    expect(errorOf(() => resolveInstallOrder('future', packs, {}, { trellisVersion: '0.1.0' })).message).toBe(
      'Pack "future"@1.0.0 needs Trellis >=2.0.0, this is 0.1.0; use a version of the pack made for it',
    );
  });

  it('refuses dependency cycles, showing the cycle', () => {
    const cyclic = [pack('a', '1.0.0', { b: '*' }), pack('b', '1.0.0', { c: '*' }), pack('c', '1.0.0', { a: '*' })];
    const error = errorOf(() => resolveInstallOrder('a', cyclic, {}));
    expect(error).toMatchObject({ code: 'PACK_CYCLE', pack: 'a', chain: ['a', 'b', 'c', 'a'] });
    expect(error.message).toBe('Packs depend on each other in a cycle: a → b → c → a; remove one of these dependencies');
  });
});
