/** Small pieces of the admin tables: a person with avatar, role chips and the user's status badge. */
import type { MetadataDocument } from '@trellis/metadata';
import { initials } from '../auth/initials.js';
import { roleKnown, roleLabel } from './role-options.js';
import { userStatus } from './user-status.js';
import type { AdminUser } from './admin-api.js';

export function Person({ name, email, sub }: { name: string; email?: string; sub?: string }) {
  return (
    <span className="person">
      <span className="avatar avatar-small" aria-hidden="true">{initials(name, email)}</span>
      <span className="person-text">
        <span className="person-name">{name}</span>
        {sub && <span className="person-sub">{sub}</span>}
      </span>
    </span>
  );
}

export function RoleChips({ roles, doc }: { roles: string[] | null; doc: MetadataDocument }) {
  if (!roles || roles.length === 0) return <span className="muted">No role</span>;
  return (
    <span className="chips">
      {roles.map((r) => (
        <span key={r} className={r === 'admin' ? 'chip chip-purple' : roleKnown(r, doc) ? 'chip chip-indigo' : 'chip chip-gray'} title={roleKnown(r, doc) ? r : `${r}: no longer in the metadata, grants nothing`}>
          {roleLabel(r, doc)}
        </span>
      ))}
    </span>
  );
}

export function StatusBadge({ user }: { user: Pick<AdminUser, 'active' | 'lockedUntil'> }) {
  const status = userStatus(user);
  if (status.kind === 'inactive') return <span className="status status-off">Deactivated</span>;
  if (status.kind === 'locked')
    return (
      <span className="status status-locked" title={`Locked out after failed sign-ins, ${status.minutesLeft} min left`}>
        Locked
      </span>
    );
  return <span className="status status-on">Active</span>;
}
