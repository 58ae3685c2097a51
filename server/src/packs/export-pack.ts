/**
 * Export: the workspace's components (all, or chosen entities and workflows) as the files of a pack folder,
 * written by the SDK's writePackFolder (the format readPackFolder reads back), with the translations of their
 * labels. Roles go with a whole-workspace
 * export only. A selection that does not stand on its own (a relation to an entity left out) is refused with
 * the problems, so what is exported always installs.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validateDocument, validatePackManifest, withoutStaleTranslations, type MetadataDocument, type PackManifest } from '@trellis/metadata';
import { writePackFolder } from '@trellis/plugin-sdk';
import { packError } from './pack-errors.js';

export interface ExportedFile {
  path: string;
  content: string;
}

export interface ExportSelection {
  entities?: string[];
  workflows?: string[];
}

export function selectComponents(document: MetadataDocument, selection: ExportSelection): MetadataDocument {
  const whole = !selection.entities && !selection.workflows;
  const pick = <T>(all: Record<string, T> | undefined, names: string[] | undefined, kind: string): Record<string, T> | undefined => {
    if (!names) return whole ? all : undefined;
    const unknown = names.filter((n) => !Object.hasOwn(all ?? {}, n));
    if (unknown.length > 0) throw packError('BAD_USER_INPUT', `No ${kind} named ${unknown.join(', ')} in this workspace.`);
    return Object.fromEntries(names.map((n) => [n, all![n]!]));
  };
  const entities = pick(document.entities, selection.entities, 'entity') ?? {};
  const workflows = pick(document.workflows, selection.workflows, 'workflow');
  const selected: MetadataDocument = { entities: structuredClone(entities) };
  if (workflows && Object.keys(workflows).length) selected.workflows = structuredClone(workflows);
  if (whole && document.roles) selected.roles = structuredClone(document.roles);
  // The translations of what is selected (written to translations/<locale>.json by writePackFolder).
  if (document.translations) selected.translations = structuredClone(document.translations);
  return withoutStaleTranslations(selected);
}

export async function exportPackFiles(document: MetadataDocument, manifest: PackManifest, selection: ExportSelection): Promise<ExportedFile[]> {
  // A name or version the manifest schema refuses would give a folder that does not read back.
  const bad = validatePackManifest(manifest);
  if (bad.length > 0) throw packError('BAD_USER_INPUT', `The pack ${bad.map((p) => p.message).join('; ')}.`, { problems: bad });
  const selected = selectComponents(document, selection);
  const problems = validateDocument(selected);
  if (problems.length > 0) {
    throw packError(
      'PACK_EXPORT_INVALID',
      `The chosen components do not make a pack on their own: ${problems[0]!.path}: ${problems[0]!.message.replace(/\.$/, '')}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}. Add what they refer to.`,
      { problems },
    );
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'trellis-export-'));
  try {
    const written = await writePackFolder(dir, { manifest, document: selected });
    return Promise.all(written.sort().map(async (file) => ({ path: file, content: await readFile(path.join(dir, file), 'utf8') })));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
