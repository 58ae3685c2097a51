/**
 * Validation of `translations` (locale → { JSON pointer of a label → text }): the locale is a BCP 47 tag, each
 * pointer leads to a label, pluralLabel or description string that exists, each text is non-empty. Pack folders
 * (the SDK's read-translations.ts) use `translationProblem` too, so there is one rule for both.
 */
import { isRecord, pointer as toPointer, segmentsOf, type DocumentCheck } from '../problems.js';
import { isLocale, labelPath, TRANSLATABLE_PROPERTIES } from './label-pointer.js';

export interface TranslationProblem {
  code: 'translation-text' | 'translation-pointer' | 'translation-not-label' | 'translation-stale';
  message: string;
}

/** What is wrong with translating `pointer` of `doc` as `text`, or undefined. */
export function translationProblem(doc: unknown, pointer: string, text: unknown): TranslationProblem | undefined {
  if (typeof text !== 'string' || text.trim() === '') return { code: 'translation-text', message: 'the translation must be a non-empty string' };
  if (!pointer.startsWith('/')) {
    return { code: 'translation-pointer', message: `"${pointer}" is not a JSON pointer; write it like "/entities/case/label"` };
  }
  const segments = segmentsOf(pointer);
  if (!TRANSLATABLE_PROPERTIES.includes(segments[segments.length - 1]!)) {
    return {
      code: 'translation-not-label',
      message: `"${pointer}" does not point at a label; translate label, pluralLabel or description properties, e.g. "/entities/case/label"`,
    };
  }
  if (labelPath(doc, pointer) === undefined) {
    return {
      code: 'translation-stale',
      message:
        `"${pointer}" is not a label of this metadata (no entity, field or option there has it — renamed or removed?); ` +
        'point it at an existing label (options by value or index, e.g. "/entities/case/fields/priority/options/high/label") or remove the translation',
    };
  }
  return undefined;
}

const LOCALE_HELP = 'key translations by a BCP 47 locale, e.g. "de" or "pt-BR"';

export const checkTranslations: DocumentCheck = (doc, report) => {
  const translations: unknown = (doc as { translations?: unknown }).translations;
  if (!isRecord(translations)) return;
  for (const [locale, texts] of Object.entries(translations)) {
    if (!isLocale(locale)) report(toPointer('translations', locale), 'translation-locale', `"${locale}" is not a locale; ${LOCALE_HELP}`);
    if (!isRecord(texts)) continue;
    for (const [pointer, text] of Object.entries(texts)) {
      const problem = translationProblem(doc, pointer, text);
      if (problem) report(toPointer('translations', locale, pointer), problem.code, `translations.${locale}: ${problem.message}`);
    }
  }
};
