/** A tiny hash router: `#/data/company/123?tab=x` → `{ path: ['data','company','123'], query }`. */
import { useEffect, useSyncExternalStore } from 'react';

export interface Route {
  segments: string[];
  query: URLSearchParams;
  /** The hash without `#`, e.g. `/data/company`. */
  href: string;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [pathPart, queryPart = ''] = raw.split('?');
  const segments = pathPart.split('/').filter(Boolean).map(decodeURIComponent);
  return { segments, query: new URLSearchParams(queryPart), href: raw };
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** The current route; re-renders on every hash change. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseHash(hash);
}

/** Goes to a route (`/data/company`); `replace` keeps the history entry count. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const hash = '#' + (to.startsWith('/') ? to : '/' + to);
  if (options.replace) window.location.replace(hash);
  else window.location.hash = hash;
}

export const href = (to: string): string => '#' + (to.startsWith('/') ? to : '/' + to);

/** Blocks leaving the page (reload, close) while `when` holds, e.g. a form with unsaved edits. */
export function useBeforeUnload(when: boolean): void {
  useEffect(() => {
    if (!when) return;
    const handler = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', handler);
    return () => window.removeEventListener('beforeunload', handler);
  }, [when]);
}
