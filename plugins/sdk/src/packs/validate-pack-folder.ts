/**
 * `validatePackFolder`: every problem of a pack folder, never thrown: reading problems, then the pack's document
 * validated (its dependencies' documents merged first), each problem reported against the metadata file that
 * defines the component, with the line of the property when it can be found.
 */
import { validateDocument, type MetadataDocument } from '@trellis/metadata';
import { findPacks } from './find-packs.js';
import { resolveInstallOrder } from './install-order.js';
import type { LoadedPack } from './loaded-pack.js';
import { lineOfPointer } from './locate-pointer.js';
import type { PackProblem } from './pack-problem.js';
import { originOf } from './read-metadata-files.js';
import { combineDocuments, readPackFolderParts, readPackManifest } from './read-pack-folder.js';

export interface ValidatePackFolderOptions {
  /** Dependencies' packs or documents, merged (in this order) before the pack's document is validated. */
  dependencies?: Array<LoadedPack | MetadataDocument>;
  /** Folders to find the manifest's dependencies in (with findPacks), when `dependencies` is not given. */
  packDirs?: string[];
}

export async function validatePackFolder(dir: string, options: ValidatePackFolderOptions = {}): Promise<PackProblem[]> {
  const deps = await dependencyDocuments(dir, options);
  if ('problems' in deps) return deps.problems;
  const context = deps.documents.reduce<MetadataDocument | undefined>((acc, d) => (acc ? combineDocuments(acc, d) : d), undefined);
  const { pack, problems, origins, texts } = await readPackFolderParts(dir, context);
  if (!pack) return problems;
  const own = pack.document;
  for (const section of ['entities', 'roles', 'workflows'] as const) {
    for (const name of Object.keys(own[section] ?? {})) {
      if (context?.[section]?.[name] !== undefined) {
        const file = originOf(origins, `/${section}/${name}`) ?? 'metadata';
        problems.push({ file, path: `/${section}/${name}`, message: `${section} "${name}" is already defined by a dependency; rename it (a pack cannot redefine its dependencies' components)` });
      }
    }
  }
  const document = context ? combineDocuments(context, own) : own;
  const component = (path: string): string[] => path.split('/').slice(1, 3);
  for (const p of validateDocument(document)) {
    const file = originOf(origins, p.path);
    const line = file ? lineOfPointer(texts.get(file) ?? '', p.path) : undefined;
    const [section, name] = component(p.path);
    const fromDependency = section !== undefined && name !== undefined && (context as unknown as Record<string, Record<string, unknown> | undefined>)?.[section]?.[name] !== undefined;
    problems.push({ file: file ?? (fromDependency ? 'metadata (of a dependency)' : 'metadata'), path: p.path, ...(line ? { line } : {}), message: p.message });
  }
  return problems;
}

async function dependencyDocuments(dir: string, options: ValidatePackFolderOptions): Promise<{ documents: MetadataDocument[] } | { problems: PackProblem[] }> {
  const toDocument = (d: LoadedPack | MetadataDocument): MetadataDocument => ('manifest' in d ? d.document : d);
  if (options.dependencies) return { documents: options.dependencies.map(toDocument) };
  if (!options.packDirs) return { documents: [] };
  const { manifest, problems } = await readPackManifest(dir);
  if (!manifest) return { problems };
  if (Object.keys(manifest.dependencies ?? {}).length === 0) return { documents: [] };
  const available = await findPacks(options.packDirs, { onError: () => undefined });
  try {
    const order = resolveInstallOrder(manifest.name, [...available.filter((p) => p.manifest.name !== manifest.name), manifest], {});
    const byName = (name: string) => available.find((p) => p.manifest.name === name)!;
    return { documents: order.slice(0, -1).map((name) => byName(name).document) };
  } catch (error) {
    return { problems: [{ file: 'trellis-pack.json', path: '/dependencies', message: error instanceof Error ? error.message : String(error) }] };
  }
}
