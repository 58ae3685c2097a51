/** The packs to install for a pack, dependencies first, as the SDK resolves them; its errors become pack errors with their codes. */
import { resolveInstallOrder, type LoadedPack } from '@trellis/plugin-sdk';
import { packError } from './pack-errors.js';
import type { PackInstall } from './pack-install.repository.js';

/** `prefix` (e.g. "Upgrading service to 2.0.0: ") goes before the SDK's message, to say what needed the order. */
export function installOrder(name: string, available: LoadedPack[], installs: PackInstall[], prefix = ''): string[] {
  try {
    return resolveInstallOrder(name, available, Object.fromEntries(installs.map((i) => [i.pack, i.version])));
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'PACK_NOT_FOUND' || code === 'PACK_INCOMPATIBLE' || code === 'PACK_CYCLE') {
      throw packError(code, `${prefix}${(error as Error).message}`, { chain: (error as { chain?: string[] }).chain ?? [] });
    }
    throw error;
  }
}
