import type { Notification } from '../api/inbox-api.js';
import { badgeText, bellLabel, markRead } from './notification-logic.js';

const note = (id: string, readAt: string | null = null): Notification => ({ id, title: id, body: null, entity: null, recordId: null, createdAt: '2025-01-01T00:00:00Z', readAt });

describe('notification bell', () => {
  it('says the unread count in its accessible name', () => {
    expect(bellLabel(0)).toBe('Notifications');
    expect(bellLabel(2)).toBe('Notifications, 2 unread');
  });

  it('caps the badge at 99+', () => {
    expect(badgeText(7)).toBe('7');
    expect(badgeText(100)).toBe('99+');
  });

  it('marks the given notifications read, or all unread ones, keeping earlier read times', () => {
    const list = [note('a'), note('b'), note('c', '2024-12-31T00:00:00Z')];
    const at = '2025-02-01T00:00:00Z';
    expect(markRead(list, ['a'], at).map((n) => n.readAt)).toEqual([at, null, '2024-12-31T00:00:00Z']);
    expect(markRead(list, undefined, at).map((n) => n.readAt)).toEqual([at, at, '2024-12-31T00:00:00Z']);
  });
});
