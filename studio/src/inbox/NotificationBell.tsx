/**
 * The bell: the unread count as a badge (and in its accessible name), and a dropdown of the newest notifications;
 * choosing one marks it read and opens its record; "Mark all read" clears the badge.
 */
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { fetchNotifications, markNotificationsRead, type Notification } from '../api/inbox-api.js';
import { navigate, useRoute } from '../app/router.js';
import { relativeTime } from '../lib/format.js';
import { useDateTime } from '../lib/use-date-time.js';
import { Icon } from '../ui/Icon.js';
import { useToast } from '../ui/Toast.js';
import { badgeText, bellLabel, markRead } from './notification-logic.js';
import { recordPath } from './task-logic.js';
import { useUnreadCount } from './use-unread-count.js';

const SHOWN = 20;

export function NotificationBell() {
  const route = useRoute();
  const { unread, setUnread, refresh } = useUnreadCount(route.href);
  const [open, setOpen] = useState(false);
  const [list, setList] = useState<Notification[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [position, setPosition] = useState<CSSProperties>({});
  const ref = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const toast = useToast();

  useEffect(() => {
    if (!open) return;
    setError(null);
    fetchNotifications(SHOWN).then(setList, (e: Error) => setError(e.message));
    refresh();
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !ref.current?.contains(e.target as Node)) {
        setOpen(false);
        if (e instanceof KeyboardEvent) buttonRef.current?.focus();
      }
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open, refresh]);

  const toggle = () => {
    // Fixed, so the panel is not clipped by the scrolling sidebar.
    const rect = buttonRef.current?.getBoundingClientRect();
    if (rect) setPosition({ top: rect.bottom + 6, left: Math.max(8, rect.left - 8) });
    setOpen((o) => !o);
  };

  const read = async (ids?: string[]) => {
    const before = list;
    setList((l) => (l ? markRead(l, ids, new Date().toISOString()) : l));
    setUnread((n) => (ids ? Math.max(0, n - ids.length) : 0));
    try {
      await markNotificationsRead(ids);
    } catch (e) {
      setList(before);
      toast(`Could not mark ${ids ? 'the notification' : 'the notifications'} read: ${(e as Error).message}`, 'error');
    }
    refresh();
  };

  const choose = (n: Notification) => {
    if (!n.readAt) void read([n.id]);
    const path = recordPath(n);
    if (path) {
      setOpen(false);
      navigate(path);
    }
  };

  return (
    <div className="bell" ref={ref}>
      <button
        ref={buttonRef}
        type="button"
        className="btn btn-icon btn-ghost bell-button"
        aria-label={bellLabel(unread)}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={toggle}
      >
        <Icon name="bell" />
        {unread > 0 && (
          <span className="bell-badge" aria-hidden="true">
            {badgeText(unread)}
          </span>
        )}
      </button>
      {open && (
        <div className="bell-panel" role="dialog" aria-label="Notifications" style={position}>
          <header className="bell-header">
            <h2>Notifications</h2>
            <button type="button" className="btn btn-small btn-ghost" disabled={!list?.some((n) => !n.readAt)} onClick={() => void read()}>
              Mark all read
            </button>
          </header>
          {error && <p className="field-error bell-empty">Cannot load the notifications: {error}</p>}
          {!list && !error && <p className="muted bell-empty">Loading…</p>}
          {list && list.length === 0 && <p className="muted bell-empty">No notifications yet.</p>}
          {list && list.length > 0 && (
            <ul className="bell-list" aria-label="Newest notifications">
              {list.map((n) => (
                <NotificationItem key={n.id} notification={n} onChoose={choose} />
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

function NotificationItem({ notification: n, onChoose }: { notification: Notification; onChoose: (n: Notification) => void }) {
  const formatDateTime = useDateTime();
  return (
    <li>
      <button type="button" className={n.readAt ? 'bell-item' : 'bell-item unread'} onClick={() => onChoose(n)}>
        {!n.readAt && <span className="bell-dot" aria-label="Unread" role="img" />}
        <span className="bell-item-text">
          <strong className="bell-item-title">{n.title}</strong>
          {n.body && <span className="bell-item-body">{n.body}</span>}
          <time className="muted small" dateTime={n.createdAt} title={formatDateTime(n.createdAt)}>
            {relativeTime(n.createdAt)}
          </time>
        </span>
      </button>
    </li>
  );
}
