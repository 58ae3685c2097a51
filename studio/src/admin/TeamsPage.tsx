/** Administration → Teams: groups of users with a manager; records can be scoped to and shared with a team. */
import { useState } from 'react';
import { useAsync } from '../lib/use-async.js';
import { ConfirmDialog } from '../ui/Dialog.js';
import { EmptyState, ErrorBanner, Spinner } from '../ui/Feedback.js';
import { Icon } from '../ui/Icon.js';
import { RowActions } from '../ui/RowActions.js';
import { useToast } from '../ui/Toast.js';
import { deleteTeam, fetchTeams, fetchUsers, type AdminTeam } from './admin-api.js';
import { AdminHeader } from './AdminHeader.js';
import { TeamDialog } from './TeamDialog.js';
import { Person } from './UserBadges.js';

export function TeamsPage() {
  const teams = useAsync(() => fetchTeams(), []);
  const users = useAsync(() => fetchUsers(false), []);
  const toast = useToast();
  const [editing, setEditing] = useState<AdminTeam | 'new' | null>(null);
  const [removing, setRemoving] = useState<AdminTeam | null>(null);
  const [busy, setBusy] = useState(false);

  const remove = async (team: AdminTeam) => {
    setBusy(true);
    try {
      await deleteTeam(team.id);
      toast(`Team ${team.name} deleted`);
      teams.reload();
    } catch (e) {
      toast((e as Error).message, 'error');
    } finally {
      setBusy(false);
      setRemoving(null);
    }
  };

  const sorted = [...(teams.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <div className="page">
      <AdminHeader
        title="Teams"
        subtitle="Groups of users. Records have a team, and access rules can give a team’s members and manager more rights."
        action={
          <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
            <Icon name="plus" /> New team
          </button>
        }
      />
      {teams.error && (
        <ErrorBanner title="Cannot load the teams" onRetry={teams.reload}>
          {teams.error.message}
        </ErrorBanner>
      )}
      {teams.loading && !teams.data && <Spinner label="Loading teams" />}
      {teams.data && sorted.length === 0 && (
        <EmptyState title="No teams yet" action={<button type="button" className="btn" onClick={() => setEditing('new')}>Create the first team</button>}>
          A team groups people who work on the same records, such as a sales region.
        </EmptyState>
      )}
      {sorted.length > 0 && (
        <div className="table-wrap">
          <table className="data-table admin-table" aria-label="Teams">
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col">Manager</th>
                <th scope="col" className="num">Members</th>
                <th scope="col">Who</th>
                <th scope="col" className="actions-col"><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((t) => (
                <tr key={t.id} className="clickable" onClick={() => setEditing(t)}>
                  <td>
                    <button type="button" className="link-button" onClick={(e) => { e.stopPropagation(); setEditing(t); }}>
                      {t.name}
                    </button>
                  </td>
                  <td>{t.manager ? <Person name={t.manager.name} /> : <span className="muted">No manager</span>}</td>
                  <td className="num">{t.members.length}</td>
                  <td className="muted members-cell">{t.members.map((m) => m.name).join(', ') || '—'}</td>
                  <RowActions what={`team ${t.name}`} onEdit={() => setEditing(t)} onRemove={() => setRemoving(t)} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <TeamDialog team={editing} users={users.data ?? []} onClose={() => setEditing(null)} onSaved={teams.reload} />
      <ConfirmDialog
        open={!!removing}
        title={`Delete team ${removing?.name}?`}
        confirmLabel="Delete team"
        danger
        busy={busy}
        onCancel={() => setRemoving(null)}
        onConfirm={() => removing && void remove(removing)}
      >
        <p>Its members stay. Records of this team keep their data but no longer belong to a team, and shares with the team end.</p>
      </ConfirmDialog>
    </div>
  );
}
