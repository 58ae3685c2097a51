/** `trellis pack list`: the packs the server offers (plugins/ and TRELLIS_PACK_DIRS) and which are installed. */
import type { PackInfo } from '../api-types.js';
import type { CommandContext } from '../context.js';
import { PACKS } from '../operations.js';

export function formatPackInfo(pack: PackInfo): string {
  const state = pack.installedVersion
    ? `installed ${pack.installedVersion}${pack.upgradeAvailable ? `, upgrade to ${pack.version} available` : ''}`
    : `available ${pack.version}`;
  const deps = Object.entries(pack.dependencies ?? {}).map(([name, range]) => `${name} ${range}`);
  return `${pack.name}  ${state}  (${pack.origin})${pack.label ? `  ${pack.label}` : ''}${deps.length ? `  needs ${deps.join(', ')}` : ''}`;
}

export async function packList(ctx: CommandContext): Promise<number> {
  const { packs } = await ctx.client.request<{ packs: PackInfo[] }>('packs', PACKS);
  if (packs.length === 0) ctx.io.out(`${ctx.url} offers no packs: add pack folders to plugins/ or TRELLIS_PACK_DIRS on the server.`);
  for (const pack of packs) ctx.io.out(formatPackInfo(pack));
  return 0;
}
