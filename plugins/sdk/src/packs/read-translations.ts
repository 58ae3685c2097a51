/**
 * A pack's translations/<locale>.json: `{ "<JSON pointer of a label>": "text" }`, e.g. `{ "/entities/case/label": "Fall" }`.
 * Pointers must lead to an existing label, pluralLabel or description (string) in the pack's document.
 */
import { join } from 'node:path';
import { segmentsOf, type MetadataDocument } from '@trellis/metadata';
import { isRecordObject, listFiles, readText } from './fs-utils.js';
import { parseJsonFile, type PackProblem } from './pack-problem.js';

export const TRANSLATABLE_PROPERTIES = ['label', 'pluralLabel', 'description'];
const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export async function readTranslationsFolder(
  packDir: string,
  document: MetadataDocument,
): Promise<{ translations: Record<string, Record<string, string>>; problems: PackProblem[] }> {
  const translations: Record<string, Record<string, string>> = {};
  const problems: PackProblem[] = [];
  for (const name of await listFiles(join(packDir, 'translations'), ['.json'])) {
    const file = `translations/${name}`;
    const locale = name.slice(0, -'.json'.length);
    if (!LOCALE.test(locale)) {
      problems.push({ file, message: `"${locale}" is not a locale; name the file after a BCP 47 locale, e.g. de.json or pt-BR.json` });
      continue;
    }
    const { value, problem } = parseJsonFile(await readText(join(packDir, file)), file);
    if (problem) {
      problems.push(problem);
      continue;
    }
    if (!isRecordObject(value)) {
      problems.push({ file, message: 'must be an object of { "<JSON pointer of a label>": "text" }, e.g. { "/entities/case/label": "Fall" }' });
      continue;
    }
    const texts: Record<string, string> = {};
    for (const [pointer, text] of Object.entries(value)) {
      if (pointer === '$schema') continue;
      const problem = translationProblem(document, pointer, text);
      if (problem) problems.push({ file, path: pointer, message: problem });
      else texts[pointer] = text as string;
    }
    translations[locale] = texts;
  }
  return { translations, problems };
}

function translationProblem(document: MetadataDocument, pointer: string, text: unknown): string | undefined {
  if (typeof text !== 'string' || text.trim() === '') return 'the translation must be a non-empty string';
  if (!pointer.startsWith('/')) return `"${pointer}" is not a JSON pointer; write it like "/entities/case/label"`;
  const segments = segmentsOf(pointer);
  if (!TRANSLATABLE_PROPERTIES.includes(segments[segments.length - 1]!)) {
    return `"${pointer}" does not point at a label; translate label, pluralLabel or description properties, e.g. "/entities/case/label"`;
  }
  let value: unknown = document;
  for (const s of segments) value = isRecordObject(value) || Array.isArray(value) ? (value as Record<string, unknown>)[s] : undefined;
  return typeof value === 'string' ? undefined : `"${pointer}" is not a label in the pack's metadata; check the entity, field and option names (or indexes)`;
}
