/**
 * `translateDocument(doc, locale)`: the document as a person reading `locale` sees it — a copy with every label,
 * pluralLabel and description the document translates for the best matching locale replaced (pointers resolve as
 * validation resolves them: @trellis/metadata's labelPath). No matching locale → the document itself.
 */
import { labelPath, type MetadataDocument } from '@trellis/metadata';

/**
 * The locale of `available` that best serves `wanted`: the same tag (any letter case), else the tag with its last
 * subtags dropped (`pt-BR` → `pt`, `zh-Hant-TW` → `zh-Hant` → `zh`); undefined when none fits.
 */
export function bestLocale(available: Iterable<string>, wanted: string | undefined): string | undefined {
  if (!wanted) return undefined;
  const byLower = new Map([...available].map((locale) => [locale.toLowerCase(), locale]));
  for (let tag = wanted.toLowerCase(); tag; tag = tag.includes('-') ? tag.slice(0, tag.lastIndexOf('-')) : '') {
    const found = byLower.get(tag);
    if (found !== undefined) return found;
  }
  return undefined;
}

export function translateDocument(doc: MetadataDocument, locale: string | undefined): MetadataDocument {
  const chosen = bestLocale(Object.keys(doc.translations ?? {}), locale);
  if (chosen === undefined) return doc;
  const translated = structuredClone(doc);
  for (const [pointer, text] of Object.entries(doc.translations![chosen]!)) {
    const path = labelPath(translated, pointer);
    if (!path || typeof text !== 'string' || text === '') continue; // a stale pointer leaves the original label
    const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((node, s) => node[s] as Record<string | number, unknown>, translated as unknown as Record<string, unknown>);
    parent[path[path.length - 1]!] = text;
  }
  return translated;
}
