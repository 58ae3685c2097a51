/**
 * A pack's metadata/*.json: partial documents `{ entities?, roles?, workflows? }` merged by key, in file-name order
 * (numeric-aware, so `2-x.json` comes before `10-y.json`). A key defined in two files is an error. Remembers which file
 * defines each component, so document problems can be reported against that file.
 */
import type { MetadataDocument } from '@trellis/metadata';
import { isRecordObject } from './fs-utils.js';
import { parseJsonFile, type PackProblem } from './pack-problem.js';

export const METADATA_SECTIONS = ['entities', 'roles', 'workflows'] as const;

export interface MetadataFiles {
  document: MetadataDocument;
  /** Component pointer (`/entities/case`) → file defining it (`metadata/case.json`). */
  origins: Map<string, string>;
  problems: PackProblem[];
}

export function mergeMetadataFiles(files: Array<{ file: string; text: string }>): MetadataFiles {
  const document: MetadataDocument = { entities: {} };
  const origins = new Map<string, string>();
  const problems: PackProblem[] = [];
  for (const { file, text } of files) {
    const { value, problem } = parseJsonFile(text, file);
    if (problem) {
      problems.push(problem);
      continue;
    }
    if (!isRecordObject(value)) {
      problems.push({ file, message: 'must be a JSON object like { "entities": { … }, "roles": { … }, "workflows": { … } }' });
      continue;
    }
    for (const [section, components] of Object.entries(value)) {
      if (section === '$schema') continue;
      if (!(METADATA_SECTIONS as readonly string[]).includes(section)) {
        problems.push({ file, path: `/${section}`, message: `"${section}" is not a metadata section; use entities, roles or workflows` });
        continue;
      }
      if (!isRecordObject(components)) {
        problems.push({ file, path: `/${section}`, message: `${section} must be an object of components by name` });
        continue;
      }
      const target = ((document as unknown as Record<string, Record<string, unknown>>)[section] ??= {});
      for (const [name, component] of Object.entries(components)) {
        const at = `/${section}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        const earlier = origins.get(at);
        if (earlier !== undefined) {
          problems.push({ file, path: at, message: `${section} "${name}" is already defined in ${earlier}; define it in one file only` });
          continue;
        }
        origins.set(at, file);
        target[name] = component;
      }
    }
  }
  // Sections in the document's usual order, whatever the file order was.
  const ordered: MetadataDocument = { entities: document.entities };
  if (document.workflows) ordered.workflows = document.workflows;
  if (document.roles) ordered.roles = document.roles;
  return { document: ordered, origins, problems };
}

/** The file defining the component (`/entities/<name>`, `/roles/<name>`, …) a document path lies in. */
export function originOf(origins: Map<string, string>, path: string): string | undefined {
  return origins.get(path.split('/').slice(0, 3).join('/'));
}
