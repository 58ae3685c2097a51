/** The signed-in person's access to the published document, and the document as they may use it (see access-document.ts), in their language. */
import { useMemo } from 'react';
import type { MetadataDocument } from '@trellis/metadata';
import { resolveAccess, translateDocument, type ResolvedAccess } from '@trellis/runtime';
import { useMetadata } from '../app/metadata-context.js';
import { useSession } from '../auth/session-context.js';
import { documentForAccess } from './access-document.js';
import { useDataLocale } from './use-data-locale.js';

export function useAccess(): ResolvedAccess {
  const { doc } = useMetadata();
  const { me } = useSession();
  return useMemo(() => resolveAccess(doc, { roles: me.roles }), [doc, me.roles]);
}

/** The published document with its labels in the person's language (use-data-locale.ts); the metadata editor keeps the original. */
export function useTranslatedDocument(): MetadataDocument {
  const { doc } = useMetadata();
  const { locale } = useDataLocale();
  return useMemo(() => translateDocument(doc, locale), [doc, locale]);
}

/** The published document, translated, without what is hidden from the person, and their access. */
export function useDataDocument(): { doc: MetadataDocument; access: ResolvedAccess } {
  const doc = useTranslatedDocument();
  const access = useAccess();
  return useMemo(() => ({ doc: documentForAccess(doc, access), access }), [doc, access]);
}
