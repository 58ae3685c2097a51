/**
 * The pure parts of Studio → Packs → "Export as pack": the form's problems (name and version checked as
 * trellis-pack.json is on the server), what to ask the server for, and the zip a browser downloads:
 * `<name>-<version>.zip` holding the files under `<name>/`.
 */
import { MAX_PACK_NAME_LENGTH, PACK_NAME_PATTERN, PACK_VERSION_PATTERN, type MetadataDocument } from '@trellis/metadata';
import { strToU8, zipSync } from 'fflate';

export interface ExportForm {
  name: string;
  version: string;
  description: string;
  /** The whole workspace (entities, workflows and roles), or only the chosen entities and workflows. */
  scope: 'workspace' | 'chosen';
  entities: string[];
  workflows: string[];
}

export interface ExportFile {
  path: string;
  content: string;
}

export interface ExportFormProblems {
  name?: string;
  version?: string;
  selection?: string;
}

export const NEW_EXPORT: ExportForm = { name: '', version: '1.0.0', description: '', scope: 'workspace', entities: [], workflows: [] };

const NAME = new RegExp(PACK_NAME_PATTERN);
const VERSION = new RegExp(PACK_VERSION_PATTERN);

export function exportFormProblems(form: ExportForm): ExportFormProblems {
  const problems: ExportFormProblems = {};
  const name = form.name.trim();
  if (!name) problems.name = 'Enter a pack name, e.g. “my-sales”.';
  else if (name.length > MAX_PACK_NAME_LENGTH) problems.name = `A pack name has at most ${MAX_PACK_NAME_LENGTH} characters; this one has ${name.length}.`;
  else if (!NAME.test(name)) problems.name = `Use lowercase letters, digits and single hyphens, starting with a letter: e.g. “${suggestPackName(name) || 'my-sales'}”.`;
  const version = form.version.trim();
  if (!version) problems.version = 'Enter a version, e.g. 1.0.0.';
  else if (!VERSION.test(version)) problems.version = `“${version}” is not a semantic version: use major.minor.patch, e.g. 1.0.0.`;
  if (form.scope === 'chosen' && form.entities.length === 0 && form.workflows.length === 0) problems.selection = 'Choose at least one entity or workflow.';
  return problems;
}

/** A pack name made of what someone typed: "My Sales!" → "my-sales". */
export function suggestPackName(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join('-');
  return words.replace(/^[^a-z]+/, '').slice(0, MAX_PACK_NAME_LENGTH).replace(/-+$/, '');
}

/** The variables of the exportPack query: no selection for the whole workspace. */
export function exportRequest(form: ExportForm): { name: string; version: string; description: string | null; entities: string[] | null; workflows: string[] | null } {
  const chosen = form.scope === 'chosen';
  return {
    name: form.name.trim(),
    version: form.version.trim(),
    description: form.description.trim() || null,
    entities: chosen ? form.entities : null,
    workflows: chosen ? form.workflows : null,
  };
}

/**
 * The entities the chosen ones relate to but that are left out, in document order: the server refuses such an
 * export (PACK_EXPORT_INVALID), so the dialog offers to add them.
 */
export function relatedLeftOut(document: MetadataDocument, entities: string[]): string[] {
  const chosen = new Set(entities);
  const targets = new Set(
    entities.flatMap((name) => Object.values(document.entities[name]?.fields ?? {}).flatMap((f) => (f.type === 'relation' && f.target ? [f.target] : []))),
  );
  return Object.keys(document.entities).filter((name) => targets.has(name) && !chosen.has(name));
}

export const zipFileName = (name: string, version: string): string => `${name}-${version}.zip`;

/** The zip of the pack folder: every file under `<name>/`. A path that would leave the folder is refused. */
export function packZip(name: string, files: ExportFile[]): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const file of files) {
    const segments = file.path.split(/[\\/]/);
    if (file.path.startsWith('/') || segments.some((s) => s === '..' || s === '')) {
      throw new Error(`The server sent the file path “${file.path}”, which is not inside the pack folder; nothing was downloaded.`);
    }
    entries[`${name}/${segments.join('/')}`] = strToU8(file.content);
  }
  return zipSync(entries, { level: 6 });
}
