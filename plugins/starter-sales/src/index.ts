/**
 * The starter sales pack: companies, people and opportunities, with sample records. The pack itself is the folder
 * `pack/` (trellis-pack.json, metadata/*.json, seed/*.csv), read once at import so the server's boot install and the
 * pack tooling use the same files.
 */
import { fileURLToPath } from 'node:url';
import { definePlugin, readPackFolder } from '@trellis/plugin-sdk';

/** Absolute path of the pack folder (works from src/ and from dist/). */
export const packDir = fileURLToPath(new URL('../pack', import.meta.url));

const folder = await readPackFolder(packDir);

export const manifest = folder.manifest;
export const metadata = folder.document;
export const seed = folder.seed;

export default definePlugin({
  name: manifest.name,
  version: manifest.version,
  ...(manifest.description === undefined ? {} : { description: manifest.description }),
  packs: [packDir],
});
