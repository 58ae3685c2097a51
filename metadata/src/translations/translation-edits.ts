/**
 * Keeping `translations` consistent when the document changes: pointers follow an entity or field rename, and
 * translations whose label is gone (its entity, field or option removed) are dropped. The studio's edits, the
 * pack merge (rename-component.ts), `rewriteReferences` and pack uninstall use these.
 */
import { isRecord, pointer } from '../problems.js';
import type { MetadataDocument } from '../types.js';
import { labelPath } from './label-pointer.js';

type Translations = Record<string, Record<string, string>>;

/** A copy of `doc` whose translation pointers starting with `from` start with `to` (key order kept; an existing pointer wins). */
function movePointers(doc: MetadataDocument, from: string, to: string): MetadataDocument {
  if (!isRecord(doc.translations)) return doc;
  const next = structuredClone(doc);
  const translations = next.translations as Translations;
  for (const [locale, texts] of Object.entries(translations)) {
    if (!isRecord(texts)) continue;
    const entries = Object.entries(texts).map(([p, text]): [string, string] => {
      const moved = p.startsWith(from) ? to + p.slice(from.length) : p;
      return [moved !== p && Object.hasOwn(texts, moved) ? p : moved, text];
    });
    translations[locale] = Object.fromEntries(entries);
  }
  return next;
}

/** A copy of `doc` whose translations of entity `from` (and its fields and options) apply to entity `to`. */
export function renameEntityInTranslations(doc: MetadataDocument, from: string, to: string): MetadataDocument {
  return movePointers(doc, pointer('entities', from) + '/', pointer('entities', to) + '/');
}

/** A copy of `doc` whose translations of field `entity.from` (and its options) apply to `entity.to`. */
export function renameFieldInTranslations(doc: MetadataDocument, entity: string, from: string, to: string): MetadataDocument {
  return movePointers(doc, pointer('entities', entity, 'fields', from) + '/', pointer('entities', entity, 'fields', to) + '/');
}

/** The `{ locale, pointer }` of every translation whose label no longer exists in `doc`. */
export function staleTranslations(doc: MetadataDocument): { locale: string; pointer: string }[] {
  const stale: { locale: string; pointer: string }[] = [];
  for (const [locale, texts] of Object.entries(isRecord(doc.translations) ? doc.translations : {})) {
    for (const p of Object.keys(isRecord(texts) ? texts : {})) if (p.startsWith('/') && !labelPath(doc, p)) stale.push({ locale, pointer: p });
  }
  return stale;
}

/** A copy of `doc` without the translations of labels it no longer has; locales left empty go too. */
export function withoutStaleTranslations(doc: MetadataDocument): MetadataDocument {
  const stale = staleTranslations(doc);
  if (stale.length === 0) return doc;
  const next = structuredClone(doc);
  const translations = next.translations as Translations;
  for (const { locale, pointer: p } of stale) delete translations[locale]![p];
  for (const locale of Object.keys(translations)) if (Object.keys(translations[locale]!).length === 0) delete translations[locale];
  if (Object.keys(translations).length === 0) delete next.translations;
  return next;
}
