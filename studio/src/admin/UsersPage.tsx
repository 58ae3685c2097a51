/** Administration → Users: everyone who can sign in, with roles, teams, state and last sign-in; invite more. */
import { useMemo, useState } from 'react';
import { useMetadata } from '../app/metadata-context.js';
import { href, navigate } from '../app/router.js';
import { relativeTime, formatDateTime } from '../lib/format.js';
import { useAsync } from '../lib/use-async.js';
import { EmptyState, ErrorBanner, Spinner } from '../ui/Feedback.js';
import { Icon } from '../ui/Icon.js';
import { fetchTeams, fetchUsers } from './admin-api.js';
import { AdminHeader } from './AdminHeader.js';
import { CreateUserDialog } from './CreateUserDialog.js';
import { Person, RoleChips, StatusBadge } from './UserBadges.js';

export function UsersPage() {
  const { doc } = useMetadata();
  const users = useAsync(() => fetchUsers(true), []);
  const teams = useAsync(() => fetchTeams(), []);
  const [search, setSearch] = useState('');
  const [showInactive, setShowInactive] = useState(false);
  const [creating, setCreating] = useState(false);

  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (users.data ?? [])
      .filter((u) => showInactive || u.active)
      .filter((u) => !q || `${u.name} ${u.email}`.toLowerCase().includes(q))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [users.data, search, showInactive]);
  const inactiveCount = (users.data ?? []).filter((u) => !u.active).length;

  return (
    <div className="page">
      <AdminHeader
        title="Users"
        subtitle="People who can sign in to this workspace, their roles and teams."
        action={
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            <Icon name="plus" /> Invite user
          </button>
        }
      />
      <div className="filter-row">
        <div className="search-box">
          <Icon name="search" />
          <input className="input" type="search" placeholder="Search by name or email" aria-label="Search users" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <label className="check">
          <input type="checkbox" checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} />
          Show deactivated users{inactiveCount > 0 ? ` (${inactiveCount})` : ''}
        </label>
      </div>
      {users.error && (
        <ErrorBanner title="Cannot load the users" onRetry={users.reload}>
          {users.error.message}
        </ErrorBanner>
      )}
      {users.loading && !users.data && <Spinner label="Loading users" />}
      {users.data && shown.length === 0 && (
        <EmptyState title={search ? 'No user matches' : 'No users'}>{search ? `Nobody’s name or email contains “${search}”.` : 'Invite the first colleague.'}</EmptyState>
      )}
      {shown.length > 0 && (
        <div className="table-wrap">
          <table className="data-table admin-table" aria-label="Users">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Roles</th>
                <th scope="col">Teams</th>
                <th scope="col">Status</th>
                <th scope="col">Last sign-in</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((u) => (
                <tr key={u.id} className={u.active ? 'clickable' : 'clickable row-inactive'} onClick={() => navigate(`/admin/users/${u.id}`)}>
                  <td>
                    <a className="row-link" href={href(`/admin/users/${u.id}`)} onClick={(e) => e.stopPropagation()}>
                      <Person name={u.name} email={u.email} />
                    </a>
                  </td>
                  <td className="muted">{u.email}</td>
                  <td>
                    <RoleChips roles={u.roles} doc={doc} />
                  </td>
                  <td>{u.teams.length ? u.teams.map((t) => t.name).join(', ') : <span className="muted">—</span>}</td>
                  <td>
                    <StatusBadge user={u} />
                  </td>
                  <td>
                    {u.lastSignInAt ? (
                      <time dateTime={u.lastSignInAt} title={formatDateTime(u.lastSignInAt)}>
                        {relativeTime(u.lastSignInAt)}
                      </time>
                    ) : (
                      <span className="muted">Never</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CreateUserDialog open={creating} teams={teams.data ?? []} onClose={() => setCreating(false)} onCreated={users.reload} />
    </div>
  );
}
