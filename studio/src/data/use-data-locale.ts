/** The data screens' language: the user menu's choice (localStorage, shared by every component and tab) and the effective locale. */
import { useCallback, useSyncExternalStore } from 'react';
import { useMetadata } from '../app/metadata-context.js';
import { DEFAULT_LOCALE, documentLocales, effectiveLocale, LOCALE_STORAGE_KEY } from './data-locale.js';

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('storage', listener); // a choice made in another tab
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

const readStored = (): string | null => window.localStorage.getItem(LOCALE_STORAGE_KEY);

export function useDataLocale(): { locale: string | undefined; choice: string; choose: (locale: string) => void } {
  const { doc } = useMetadata();
  const stored = useSyncExternalStore(subscribe, readStored, () => null);
  const locale = effectiveLocale(stored, navigator.language, documentLocales(doc));
  const choose = useCallback((next: string) => {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, next);
    for (const listener of listeners) listener();
  }, []);
  return { locale, choice: locale ?? DEFAULT_LOCALE, choose };
}
