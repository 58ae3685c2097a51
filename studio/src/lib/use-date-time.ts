/** Formats instants in the signed-in person's locale and time zone (their profile), falling back to the browser's. */
import { useCallback } from 'react';
import { useSession } from '../auth/session-context.js';
import { formatDateTime } from './format.js';

export function useDateTime(): (iso: string | null | undefined) => string {
  const { user } = useSession();
  const locale = user.locale || undefined;
  const timeZone = user.timeZone || undefined;
  return useCallback(
    (iso: string | null | undefined) => {
      try {
        return formatDateTime(iso, locale, timeZone);
      } catch {
        // An unknown locale or zone in the profile must not break the page.
        return formatDateTime(iso);
      }
    },
    [locale, timeZone],
  );
}
