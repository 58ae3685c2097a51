/**
 * Writes a pack folder (export): trellis-pack.json, metadata/NN-<entity>.json (one per entity; NN keeps the
 * document's order), metadata/workflows.json, metadata/roles.json, seed/NN-<entity>.csv (JSON when a group has no
 * CSV form that reads back identically) and translations/<locale>.json. Stable formatting: 2-space JSON, "\n" ends.
 * readPackFolder of the result gives the same manifest, document, seed and translations.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { MetadataDocument, PackManifest } from '@trellis/metadata';
import type { SeedData } from '../seed.js';
import { MANIFEST_FILE } from './read-pack-folder.js';
import { formatSeedCsv } from './seed-csv.js';

export interface PackFolderContent {
  manifest: PackManifest;
  document: MetadataDocument;
  seed?: SeedData;
  /** Added to `document.translations` (which are written to translations/<locale>.json too, never to metadata/). */
  translations?: Record<string, Record<string, string>>;
  /** Path of @trellis/metadata's schema/ folder relative to `dir`: adds "$schema" pointers for editors
   *  (trellis-pack.json → trellis-pack.json, metadata files → trellis-pack-metadata.json). */
  schemaDir?: string;
}

const json = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';
const pad = (i: number, count: number): string => String(i + 1).padStart(Math.max(2, String(count).length), '0');

/** Writes the pack into `dir` (created if needed); returns the files written, relative to `dir`. */
export async function writePackFolder(dir: string, content: PackFolderContent): Promise<string[]> {
  const files: Array<[string, string]> = [];
  const schema = (file: string, name: string): { $schema?: string } =>
    content.schemaDir === undefined ? {} : { $schema: relative(dirname(join(dir, file)), join(dir, content.schemaDir, name)).split('\\').join('/') };

  const { $schema: _ignored, ...manifest } = content.manifest;
  files.push([MANIFEST_FILE, json({ ...schema(MANIFEST_FILE, 'trellis-pack.json'), ...manifest })]);

  const entities = Object.keys(content.document.entities);
  entities.forEach((name, i) => {
    const file = `metadata/${pad(i, entities.length)}-${name}.json`;
    files.push([file, json({ ...schema(file, 'trellis-pack-metadata.json'), entities: { [name]: content.document.entities[name] } })]);
  });
  for (const section of ['workflows', 'roles'] as const) {
    const components = content.document[section];
    if (!components || Object.keys(components).length === 0) continue;
    const file = `metadata/${section}.json`;
    files.push([file, json({ ...schema(file, 'trellis-pack-metadata.json'), [section]: components })]);
  }

  const seed = content.seed ?? [];
  seed.forEach((group, i) => {
    const base = `seed/${pad(i, seed.length)}-${group.entity}`;
    const csv = formatSeedCsv(content.document, group.entity, group.records);
    files.push(csv === null ? [`${base}.json`, json(group.records)] : [`${base}.csv`, csv]);
  });

  // The document's own translations (a workspace export), and any given separately (the given win per label).
  const translations: Record<string, Record<string, string>> = structuredClone(content.document.translations ?? {});
  for (const [locale, texts] of Object.entries(content.translations ?? {})) translations[locale] = { ...translations[locale], ...texts };
  for (const [locale, texts] of Object.entries(translations)) files.push([`translations/${locale}.json`, json(texts)]);

  for (const [file, text] of files) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), text);
  }
  return files.map(([file]) => file);
}
