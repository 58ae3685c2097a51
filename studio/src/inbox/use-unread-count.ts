/** The signed-in person's unread notification count: loaded now, every 30 s, and whenever the page changes. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchUnreadNotificationCount } from '../api/inbox-api.js';
import { usePoll } from '../lib/use-poll.js';
import { NOTIFICATIONS_POLL_MS } from './notification-logic.js';

export function useUnreadCount(pageKey: string): { unread: number; setUnread: (n: number | ((n: number) => number)) => void; refresh: () => void } {
  const [unread, setUnread] = useState(0);
  const latest = useRef(0);
  const refresh = useCallback(() => {
    const request = ++latest.current;
    // A failed poll keeps the last count: the bell is no place for an error (the page shows those).
    fetchUnreadNotificationCount().then(
      (n) => request === latest.current && setUnread(n),
      () => undefined,
    );
  }, []);
  useEffect(refresh, [refresh, pageKey]);
  usePoll(refresh, NOTIFICATIONS_POLL_MS);
  return { unread, setUnread, refresh };
}
