import type { MetadataDocument, PackManifest } from '@trellis/metadata';
import type { SeedData } from '../seed.js';

/** A pack folder read into memory. */
export interface LoadedPack {
  manifest: PackManifest;
  /** The pack's metadata files merged into one document. */
  document: MetadataDocument;
  /** Seed groups in file order; relation values are `{ $lookup: { key: value } }`. */
  seed: SeedData;
  /** locale → { JSON pointer of a label → text }. */
  translations: Record<string, Record<string, string>>;
  /** Absolute path of the pack folder. */
  dir: string;
}
