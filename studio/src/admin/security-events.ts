/** The kinds of the security log, in words, and a one-line summary of an event's details. */
import type { SecurityEvent } from './admin-api.js';

export const SECURITY_EVENT_KINDS: Record<string, { label: string; tone: 'gray' | 'green' | 'amber' | 'red' | 'blue' | 'purple' }> = {
  'sign-in': { label: 'Signed in', tone: 'green' },
  'sign-in-failed': { label: 'Sign-in failed', tone: 'amber' },
  'locked-out': { label: 'Locked out', tone: 'red' },
  'sign-out': { label: 'Signed out', tone: 'gray' },
  'password-reset-requested': { label: 'Reset requested', tone: 'blue' },
  'password-reset': { label: 'Password reset', tone: 'blue' },
  'password-changed': { label: 'Password changed', tone: 'blue' },
  'first-run': { label: 'First administrator', tone: 'purple' },
  'user-created': { label: 'User created', tone: 'purple' },
  'user-updated': { label: 'User updated', tone: 'gray' },
  'user-deactivated': { label: 'User deactivated', tone: 'red' },
  'roles-changed': { label: 'Roles changed', tone: 'purple' },
  'api-key-created': { label: 'API key created', tone: 'purple' },
  'api-key-used': { label: 'API key used', tone: 'gray' },
  'api-key-revoked': { label: 'API key revoked', tone: 'red' },
  'permission-denied': { label: 'Permission denied', tone: 'red' },
};

export function eventKindLabel(kind: string): string {
  return SECURITY_EVENT_KINDS[kind]?.label ?? kind;
}

export function eventTone(kind: string): string {
  return `chip-${SECURITY_EVENT_KINDS[kind]?.tone ?? 'gray'}`;
}

/** `detail` as "key: value · key: value" (arrays joined, objects as JSON), or '' when there is none. */
export function describeDetail(detail: SecurityEvent['detail']): string {
  if (!detail || typeof detail !== 'object') return '';
  return Object.entries(detail)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(' · ');
}
