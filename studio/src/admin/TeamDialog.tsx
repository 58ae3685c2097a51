/** Create or edit a team: name, manager, members. */
import { useState } from 'react';
import { TextInput } from '../studio/inputs.js';
import { Dialog } from '../ui/Dialog.js';
import { ErrorBanner } from '../ui/Feedback.js';
import { useToast } from '../ui/Toast.js';
import { createTeam, updateTeam, type AdminTeam, type AdminUser } from './admin-api.js';
import { CheckList } from './CheckList.js';
import { useSubmit } from '../lib/use-submit.js';

export function TeamDialog({ team, users, onClose, onSaved }: { team: AdminTeam | 'new' | null; users: AdminUser[]; onClose: () => void; onSaved: () => void }) {
  return (
    <Dialog open={team !== null} title={team === 'new' ? 'New team' : `Edit team ${team?.name ?? ''}`} onClose={onClose}>
      {team !== null && <TeamForm key={team === 'new' ? 'new' : team.id} team={team === 'new' ? null : team} users={users} onClose={onClose} onSaved={onSaved} />}
    </Dialog>
  );
}

function TeamForm({ team, users, onClose, onSaved }: { team: AdminTeam | null; users: AdminUser[]; onClose: () => void; onSaved: () => void }) {
  const toast = useToast();
  const [name, setName] = useState(team?.name ?? '');
  const [managerId, setManagerId] = useState(team?.manager?.id ?? '');
  const [memberIds, setMemberIds] = useState<string[]>(team?.members.map((m) => m.id) ?? []);
  // Deactivated members and managers are not in the directory of active users, but stay on the team.
  const people = [...users, ...(team?.members ?? []).filter((m) => !users.some((u) => u.id === m.id))].sort((a, b) => a.name.localeCompare(b.name));

  const { tried, busy, error, onSubmit } = useSubmit(
    () => name.trim() !== '',
    async () => {
      const input = { name: name.trim(), managerId: managerId || null, memberIds };
      const saved = team ? await updateTeam(team.id, input) : await createTeam(input);
      toast(team ? `Team ${saved.name} saved` : `Team ${saved.name} created`);
      onSaved();
      onClose();
    },
  );

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {error && <ErrorBanner>{error.message}</ErrorBanner>}
      <TextInput label="Name" value={name} onChange={setName} autoFocus placeholder="Sales EMEA" errors={tried && !name.trim() ? ['Give the team a name.'] : undefined} />
      <div className="field">
        <label className="field-label" htmlFor="team-manager">
          Manager
        </label>
        <select id="team-manager" className="input" value={managerId} onChange={(e) => setManagerId(e.target.value)}>
          <option value="">No manager</option>
          {people.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <CheckList
        legend="Members"
        options={people.map((u) => ({ value: u.id, label: u.name, description: 'email' in u ? u.email : undefined }))}
        selected={memberIds}
        onChange={setMemberIds}
        empty="No users yet."
      />
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Saving…' : team ? 'Save team' : 'Create team'}
        </button>
      </div>
    </form>
  );
}
