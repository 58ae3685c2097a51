/**
 * `upgradeDependencies(pack, available, installs)`: the packs an upgrade to `pack` (the new version) must install
 * first, dependencies first, as an install resolves them. A dependency that is installed at a version outside the
 * new range is refused (PACK_INCOMPATIBLE) naming the pack to upgrade first and whether a fitting version is
 * available; a missing or cyclic one keeps the SDK's error (PACK_NOT_FOUND, PACK_CYCLE). Pure.
 */
import type { LoadedPack } from '@trellis/plugin-sdk';
import semver from 'semver';
import { installOrder } from './install-order.js';
import { packError } from './pack-errors.js';
import type { PackInstall } from './pack-install.repository.js';

export function upgradeDependencies(pack: LoadedPack, available: LoadedPack[], installs: PackInstall[]): string[] {
  const { name, version } = pack.manifest;
  const upgrading = `Upgrading ${name} to ${version}`;
  for (const [dependency, range] of Object.entries(pack.manifest.dependencies ?? {})) {
    const installed = installs.find((i) => i.pack === dependency);
    if (!installed || semver.satisfies(installed.version, range, { includePrerelease: true })) continue;
    const fitting = available.find((p) => p.manifest.name === dependency && semver.satisfies(p.manifest.version, range, { includePrerelease: true }));
    throw packError(
      'PACK_INCOMPATIBLE',
      `${upgrading} needs ${dependency} ${range}, but ${dependency} ${installed.version} is installed: ` +
        (fitting
          ? `upgrade ${dependency} to ${fitting.manifest.version} first, then ${name}.`
          : `no available version of ${dependency} matches ${range}; add one to plugins/ or TRELLIS_PACK_DIRS, upgrade ${dependency}, then ${name}.`),
      { pack: dependency, range, installedVersion: installed.version, upgradeFirst: dependency },
    );
  }
  // The pack itself is resolved as not installed, so its new dependency ranges are the ones checked.
  const others = installs.filter((i) => i.pack !== name);
  return installOrder(name, [...available.filter((p) => p.manifest.name !== name), pack], others, `${upgrading}: `).filter((n) => n !== name);
}
