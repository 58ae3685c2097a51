/**
 * The order to install a pack in: its dependencies first (depth first, each once), by semver range, ending with the
 * pack itself. Dependencies already installed at a version the range accepts are left out.
 */
import type { PackManifest } from '@trellis/metadata';
import semver from 'semver';
import type { LoadedPack } from './loaded-pack.js';

export type PackInstallOrderErrorCode = 'PACK_NOT_FOUND' | 'PACK_INCOMPATIBLE' | 'PACK_CYCLE';

export class PackInstallOrderError extends Error {
  readonly code: PackInstallOrderErrorCode;
  /** The pack the problem is about. */
  readonly pack: string;
  /** How it was reached, e.g. ['service', 'b2b-sales']. */
  readonly chain: string[];
  constructor(code: PackInstallOrderErrorCode, pack: string, chain: string[], message: string) {
    super(message);
    this.name = 'PackInstallOrderError';
    this.code = code;
    this.pack = pack;
    this.chain = chain;
  }
}

const manifestOf = (p: PackManifest | LoadedPack): PackManifest => ('manifest' in p ? p.manifest : p);

/**
 * @param available packs that can be installed (several versions of one name allowed: the highest the range accepts is used)
 * @param installed installed packs, name → version
 * @param options.trellisVersion when given, packs whose `trellis` range refuses it are incompatible
 */
export function resolveInstallOrder(
  name: string,
  available: Array<PackManifest | LoadedPack>,
  installed: Record<string, string>,
  options: { trellisVersion?: string } = {},
): string[] {
  const manifests = available.map(manifestOf);
  const order: string[] = [];
  const chosen = new Map<string, { version: string; chain: string[] }>();
  const via = (chain: string[]): string => (chain.length > 1 ? ` (needed by ${chain.slice(0, -1).reverse().join(' ← ')})` : '');

  const pick = (pack: string, range: string, chain: string[]): PackManifest => {
    const versions = manifests.filter((m) => m.name === pack);
    if (versions.length === 0) {
      throw new PackInstallOrderError('PACK_NOT_FOUND', pack, chain, `Pack "${pack}"${via(chain)} is not available; add its folder to plugins/ or TRELLIS_PACK_DIRS`);
    }
    const best = versions
      .filter((m) => semver.satisfies(m.version, range, { includePrerelease: true }))
      .sort((a, b) => semver.rcompare(a.version, b.version))[0];
    if (!best) {
      const have = versions.map((m) => m.version).join(', ');
      throw new PackInstallOrderError('PACK_INCOMPATIBLE', pack, chain, `Pack "${pack}"${via(chain)} is needed at ${range}, but only ${have} is available; add a matching version`);
    }
    if (options.trellisVersion && best.trellis && !semver.satisfies(options.trellisVersion, best.trellis, { includePrerelease: true })) {
      throw new PackInstallOrderError('PACK_INCOMPATIBLE', pack, chain, `Pack "${pack}"@${best.version} needs Trellis ${best.trellis}, this is ${options.trellisVersion}; use a version of the pack made for it`);
    }
    return best;
  };

  const visit = (pack: string, range: string, chain: string[]): void => {
    if (chain.slice(0, -1).includes(pack)) {
      throw new PackInstallOrderError('PACK_CYCLE', pack, chain, `Packs depend on each other in a cycle: ${chain.join(' → ')}; remove one of these dependencies`);
    }
    const isRoot = chain.length === 1;
    const installedVersion = installed[pack];
    if (!isRoot && installedVersion !== undefined) {
      if (semver.satisfies(installedVersion, range, { includePrerelease: true })) return;
      throw new PackInstallOrderError(
        'PACK_INCOMPATIBLE',
        pack,
        chain,
        `Pack "${pack}"${via(chain)} is needed at ${range}, but ${installedVersion} is installed; upgrade "${pack}" first`,
      );
    }
    const earlier = chosen.get(pack);
    if (earlier) {
      if (semver.satisfies(earlier.version, range, { includePrerelease: true })) return;
      throw new PackInstallOrderError(
        'PACK_INCOMPATIBLE',
        pack,
        chain,
        `Pack "${pack}"${via(chain)} is needed at ${range}, but ${earlier.version} was chosen${via(earlier.chain)}; align the dependency ranges`,
      );
    }
    const manifest = pick(pack, range, chain);
    chosen.set(pack, { version: manifest.version, chain });
    for (const [dependency, dependencyRange] of Object.entries(manifest.dependencies ?? {})) visit(dependency, dependencyRange, [...chain, dependency]);
    order.push(pack);
  };

  visit(name, '*', [name]);
  return order;
}
