import type { MetadataDocument, PackManifest } from '@trellis/metadata';
import type { SeedData } from '../seed.js';

/** A pack folder read into memory. */
export interface LoadedPack {
  manifest: PackManifest;
  /** The pack's metadata files merged into one document, with `translations` (when the pack has any). */
  document: MetadataDocument;
  /** Seed groups in file order; relation values are `{ $lookup: { key: value } }`. */
  seed: SeedData;
  /** locale → { JSON pointer of a label → text }: the same as `document.translations` (or `{}`). */
  translations: Record<string, Record<string, string>>;
  /** Absolute path of the pack folder. */
  dir: string;
}
