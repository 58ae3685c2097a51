/**
 * Reads a pack folder: trellis-pack.json, metadata/*.json, seed/*.csv|json, translations/<locale>.json.
 * `readPackFolder` throws a PackFolderError listing every problem; `validatePackFolder` returns them, plus the
 * problems of the pack's document (validateDocument, dependencies merged first) reported against the file defining
 * the component.
 */
import { join, resolve } from 'node:path';
import { validatePackManifest, type MetadataDocument, type PackManifest } from '@trellis/metadata';
import semver from 'semver';
import { isFile, listFiles, readText } from './fs-utils.js';
import type { LoadedPack } from './loaded-pack.js';
import { parseJsonFile, PackFolderError, type PackProblem } from './pack-problem.js';
import { mergeMetadataFiles } from './read-metadata-files.js';
import { readSeedFolder } from './read-seed.js';
import { readTranslationsFolder } from './read-translations.js';

export const MANIFEST_FILE = 'trellis-pack.json';

/** What reading a folder found, even when it has problems. */
export interface PackFolderRead {
  pack: LoadedPack | undefined;
  problems: PackProblem[];
  /** Component pointer → metadata file defining it; file → text (for locating problems). */
  origins: Map<string, string>;
  texts: Map<string, string>;
}

export async function readPackManifest(dir: string): Promise<{ manifest?: PackManifest; problems: PackProblem[] }> {
  const file = MANIFEST_FILE;
  if (!(await isFile(join(dir, file)))) {
    return { problems: [{ file, message: `is missing; a pack folder needs ${file}, e.g. { "name": "service", "version": "1.0.0" }` }] };
  }
  const { value, problem } = parseJsonFile(await readText(join(dir, file)), file);
  if (problem) return { problems: [problem] };
  const problems: PackProblem[] = validatePackManifest(value).map((p) => ({ file, path: p.path, message: p.message }));
  if (problems.length > 0) return { problems };
  const { $schema: _schema, ...manifest } = value as PackManifest; // the editor's pointer is not part of the pack
  if (manifest.trellis !== undefined && semver.validRange(manifest.trellis) === null) {
    problems.push({ file, path: '/trellis', message: `"${manifest.trellis}" is not a semver range; write e.g. ">=0.1.0"` });
  }
  for (const [name, range] of Object.entries(manifest.dependencies ?? {})) {
    if (semver.validRange(range) === null) problems.push({ file, path: `/dependencies/${name}`, message: `"${range}" is not a semver range; write e.g. "^1.0.0"` });
    if (name === manifest.name) problems.push({ file, path: `/dependencies/${name}`, message: 'a pack cannot depend on itself; remove this dependency' });
  }
  return problems.length ? { problems } : { manifest, problems };
}

/** Reads everything, collecting problems. `context` (the dependencies' merged document) resolves seed lookups into it. */
export async function readPackFolderParts(dir: string, context?: MetadataDocument): Promise<PackFolderRead> {
  const absolute = resolve(dir);
  const { manifest, problems } = await readPackManifest(absolute);
  const texts = new Map<string, string>();
  for (const name of await listFiles(join(absolute, 'metadata'), ['.json'])) texts.set(`metadata/${name}`, await readText(join(absolute, 'metadata', name)));
  if (texts.size === 0) problems.push({ file: 'metadata', message: 'has no .json files; put the pack\'s entities, roles and workflows in metadata/*.json' });
  const merged = mergeMetadataFiles([...texts].map(([file, text]) => ({ file, text })));
  problems.push(...merged.problems);
  const seedDocument = context ? combineDocuments(context, merged.document) : merged.document;
  const seed = await readSeedFolder(absolute, seedDocument);
  const translations = await readTranslationsFolder(absolute, merged.document);
  problems.push(...seed.problems, ...translations.problems);
  // The document carries the translations too: installs, upgrades (3-way merge) and uninstalls treat them like its other parts.
  const document = Object.keys(translations.translations).length ? { ...merged.document, translations: translations.translations } : merged.document;
  const pack = manifest ? { manifest, document, seed: seed.seed, translations: translations.translations, dir: absolute } : undefined;
  return { pack, problems, origins: merged.origins, texts };
}

/** Reads a pack folder; throws PackFolderError with every problem (file, line/column or JSON pointer, how to fix). */
export async function readPackFolder(dir: string): Promise<LoadedPack> {
  const { pack, problems } = await readPackFolderParts(dir);
  if (!pack || problems.length > 0) throw new PackFolderError(dir, problems);
  return pack;
}

/** `base` with `extra`'s components added (extra wins a name both define; validatePackFolder reports such clashes). */
export function combineDocuments(base: MetadataDocument, extra: MetadataDocument): MetadataDocument {
  const combined: MetadataDocument = { entities: { ...base.entities, ...extra.entities } };
  if (base.workflows || extra.workflows) combined.workflows = { ...base.workflows, ...extra.workflows };
  if (base.roles || extra.roles) combined.roles = { ...base.roles, ...extra.roles };
  return combined;
}
