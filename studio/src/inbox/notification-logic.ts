/** The bell's accessible name and badge text, and how a notification list changes when items are read (pure). */
import type { Notification } from '../api/inbox-api.js';

export const NOTIFICATIONS_POLL_MS = 30_000;

/** "Notifications", "Notifications, 1 unread", "Notifications, 12 unread". */
export function bellLabel(unread: number): string {
  return unread > 0 ? `Notifications, ${unread} unread` : 'Notifications';
}

/** The badge shows at most "99+". */
export function badgeText(unread: number): string {
  return unread > 99 ? '99+' : String(unread);
}

/** The list after some (or, without ids, all) notifications were marked read at `at`. */
export function markRead(list: Notification[], ids: string[] | undefined, at: string): Notification[] {
  const which = ids && new Set(ids);
  return list.map((n) => (!n.readAt && (!which || which.has(n.id)) ? { ...n, readAt: at } : n));
}
