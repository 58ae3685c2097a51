/** Invite a user (a link to choose a password goes to the outbox) or create one with a password. */
import { useState } from 'react';
import { useMetadata } from '../app/metadata-context.js';
import { GraphQLRequestError } from '../api/graphql-client.js';
import { passwordAcceptable, passwordHints } from '../auth/password-hints.js';
import { TextInput } from '../studio/inputs.js';
import { Dialog } from '../ui/Dialog.js';
import { ErrorBanner } from '../ui/Feedback.js';
import { useToast } from '../ui/Toast.js';
import { createUser, type AdminTeam } from './admin-api.js';
import { CheckList } from './CheckList.js';
import { roleOptions } from './role-options.js';
import { useSubmit } from '../lib/use-submit.js';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export function CreateUserDialog({ open, teams, onClose, onCreated }: { open: boolean; teams: AdminTeam[]; onClose: () => void; onCreated: () => void }) {
  return (
    <Dialog open={open} title="Invite user" onClose={onClose} wide>
      {open && <CreateUserForm teams={teams} onClose={onClose} onCreated={onCreated} />}
    </Dialog>
  );
}

function CreateUserForm({ teams, onClose, onCreated }: { teams: AdminTeam[]; onClose: () => void; onCreated: () => void }) {
  const { doc } = useMetadata();
  const toast = useToast();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [withPassword, setWithPassword] = useState(false);
  const [password, setPassword] = useState('');
  const { tried, busy, error, onSubmit } = useSubmit<GraphQLRequestError>(
    () => name.trim() !== '' && EMAIL.test(email.trim()) && (!withPassword || passwordAcceptable(password, email)),
    async () => {
      const user = await createUser({ name: name.trim(), email: email.trim(), roles, teamIds, ...(withPassword ? { password } : {}) });
      toast(withPassword ? `${user.name} can sign in now` : `Invitation sent to ${user.email}`);
      onCreated();
      onClose();
    },
  );

  const fieldError = (field: string) => error?.fieldErrors.filter((f) => f.field === field).map((f) => f.message) ?? [];
  const nameErrors = tried && !name.trim() ? ['Enter the person’s name.'] : fieldError('name');
  const emailErrors = tried && !EMAIL.test(email.trim()) ? ['Enter an email address like name@company.com.'] : fieldError('email');
  const passwordErrors =
    withPassword && tried && !passwordAcceptable(password, email)
      ? [passwordHints(password, email).find((h) => !h.met)!.label + ' is required.']
      : fieldError('password');

  const generalError = error && error.fieldErrors.length === 0 ? error.message : null;
  return (
    <form className="create-user-form" onSubmit={onSubmit} noValidate>
      {generalError && <ErrorBanner>{generalError}</ErrorBanner>}
      <div className="grid-2">
        <TextInput label="Name" value={name} onChange={setName} autoFocus errors={nameErrors} placeholder="Ada Lovelace" />
        <TextInput label="Email" value={email} onChange={setEmail} errors={emailErrors} placeholder="ada@company.com" />
      </div>
      <div className="grid-2 create-user-lists">
        <CheckList
          legend="Roles"
          hint="What the user may see and do. Without a role, they can sign in but see no records."
          options={roleOptions(doc).map((r) => ({ value: r.name, label: r.label, description: r.description }))}
          selected={roles}
          onChange={setRoles}
          empty="No roles."
        />
        <CheckList
          legend="Teams"
          hint="Records can be shared with, and scoped to, a team."
          options={teams.map((t) => ({ value: t.id, label: t.name }))}
          selected={teamIds}
          onChange={setTeamIds}
          empty="No teams yet: create them under Administration → Teams."
        />
      </div>
      <fieldset className="field password-choice">
        <legend className="field-label">Password</legend>
        <label className="check">
          <input type="radio" name="password-choice" checked={!withPassword} onChange={() => setWithPassword(false)} />
          Send an invitation: the user chooses a password from a link (valid 7 days)
        </label>
        <label className="check">
          <input type="radio" name="password-choice" checked={withPassword} onChange={() => setWithPassword(true)} />
          Set a password now and hand it over yourself
        </label>
        {withPassword && (
          <div className="field password-now">
            <input
              className="input"
              type="password"
              autoComplete="new-password"
              aria-label="Initial password"
              placeholder="At least 12 characters"
              value={password}
              aria-invalid={passwordErrors.length ? true : undefined}
              onChange={(e) => setPassword(e.target.value)}
            />
            {passwordErrors.map((m) => (
              <p key={m} className="field-error">
                {m}
              </p>
            ))}
          </div>
        )}
      </fieldset>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Creating…' : withPassword ? 'Create user' : 'Send invitation'}
        </button>
      </div>
    </form>
  );
}
