/**
 * A pack's translations/<locale>.json: `{ "<JSON pointer of a label>": "text" }`, e.g. `{ "/entities/case/label": "Fall" }`.
 * Pointers must lead to an existing label, pluralLabel or description (string) in the pack's document — the rule
 * of @trellis/metadata's `translationProblem`, the same one validateDocument applies to a workspace's `translations`.
 */
import { join } from 'node:path';
import { isLocale, translationProblem, type MetadataDocument } from '@trellis/metadata';
import { isRecordObject, listFiles, readText } from './fs-utils.js';
import { parseJsonFile, type PackProblem } from './pack-problem.js';

export async function readTranslationsFolder(
  packDir: string,
  document: MetadataDocument,
): Promise<{ translations: Record<string, Record<string, string>>; problems: PackProblem[] }> {
  const translations: Record<string, Record<string, string>> = {};
  const problems: PackProblem[] = [];
  for (const name of await listFiles(join(packDir, 'translations'), ['.json'])) {
    const file = `translations/${name}`;
    const locale = name.slice(0, -'.json'.length);
    if (!isLocale(locale)) {
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
      if (problem) problems.push({ file, path: pointer, message: problem.message });
      else texts[pointer] = text as string;
    }
    translations[locale] = texts;
  }
  return { translations, problems };
}
