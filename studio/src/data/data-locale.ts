/**
 * Which language the data screens show labels in: the locale the person picked in the user menu (kept in
 * localStorage), else the browser's (navigator.language) — matched against the locales the document translates
 * with the runtime's bestLocale (`pt-BR` → `pt-BR`, else `pt`). `DEFAULT_LOCALE` means the untranslated labels.
 */
import type { MetadataDocument } from '@trellis/metadata';
import { bestLocale } from '@trellis/runtime';

export const LOCALE_STORAGE_KEY = 'trellis.dataLocale';
/** The picker's value for the document's own (untranslated) labels. */
export const DEFAULT_LOCALE = 'default';

/** The locales the document translates, sorted. */
export const documentLocales = (doc: MetadataDocument): string[] => Object.keys(doc.translations ?? {}).sort();

/**
 * The locale to translate the document into (undefined: untranslated). A stored choice wins when the document
 * still has it (or its language); a choice of a locale the document no longer has falls back to the browser's.
 */
export function effectiveLocale(stored: string | null, browser: string | undefined, available: string[]): string | undefined {
  if (stored === DEFAULT_LOCALE) return undefined;
  return (stored ? bestLocale(available, stored) : undefined) ?? bestLocale(available, browser);
}

/** The picker's options: the default labels, then each locale of the document. */
export function localeChoices(doc: MetadataDocument): { value: string; label: string }[] {
  return [{ value: DEFAULT_LOCALE, label: 'Default labels' }, ...documentLocales(doc).map((locale) => ({ value: locale, label: languageName(locale) }))];
}

/** `de` → `Deutsch (de)` where the platform knows the language's own name, else the tag. */
export function languageName(locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale);
    return name && name !== locale ? `${name.charAt(0).toLocaleUpperCase(locale)}${name.slice(1)} (${locale})` : locale;
  } catch {
    return locale;
  }
}

/** Languages whose nouns keep their capital inside a sentence (German "Neuer Arbeitsauftrag", not "arbeitsauftrag"). */
const CAPITALIZED_NOUNS = new Set(['de', 'lb']);

/**
 * A label as it reads inside a sentence ("New opportunity", "All service cases"): lower case, but acronyms kept
 * ("New CRM account") and labels left as they are in a language that capitalizes nouns.
 */
export function inSentence(label: string, locale: string | undefined): string {
  if (locale && CAPITALIZED_NOUNS.has(locale.split('-')[0]!.toLowerCase())) return label;
  return label
    .split(' ')
    .map((word) => (/^\p{Lu}{2,}/u.test(word) ? word : word.toLowerCase()))
    .join(' ');
}
