/** How the admin pages describe a user's state: deactivated, locked out (until when), or active. */
import type { AdminUser } from './admin-api.js';

export type UserStatus = { kind: 'inactive' } | { kind: 'locked'; minutesLeft: number } | { kind: 'active' };

export function userStatus(user: Pick<AdminUser, 'active' | 'lockedUntil'>, now = Date.now()): UserStatus {
  if (!user.active) return { kind: 'inactive' };
  const until = user.lockedUntil ? Date.parse(user.lockedUntil) : NaN;
  if (until > now) return { kind: 'locked', minutesLeft: Math.max(1, Math.ceil((until - now) / 60_000)) };
  return { kind: 'active' };
}

/** Whether the user is locked out now (an expired lock is no lock). */
export const isLocked = (user: Pick<AdminUser, 'active' | 'lockedUntil'>, now = Date.now()): boolean => userStatus({ ...user, active: true }, now).kind === 'locked';
