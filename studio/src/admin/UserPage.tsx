/** Administration → a user: profile, roles, teams, attributes; deactivate / reactivate and unlock. */
import { useEffect, useMemo, useState } from 'react';
import { useMetadata } from '../app/metadata-context.js';
import { href } from '../app/router.js';
import { initials } from '../auth/initials.js';
import { useSession } from '../auth/session-context.js';
import { formatDateTime, relativeTime } from '../lib/format.js';
import { useAsync } from '../lib/use-async.js';
import { TextInput } from '../studio/inputs.js';
import { ConfirmDialog } from '../ui/Dialog.js';
import { EmptyState, ErrorBanner, Spinner } from '../ui/Feedback.js';
import { Icon } from '../ui/Icon.js';
import { useToast } from '../ui/Toast.js';
import { fetchTeams, fetchUser, unlockUser, updateUser, type AdminTeam, type AdminUser } from './admin-api.js';
import { AttributesEditor } from './AttributesEditor.js';
import { CheckList } from './CheckList.js';
import { roleOptions } from './role-options.js';
import { Person, StatusBadge } from './UserBadges.js';
import { hasProblems, LOCALES, localeLabel, timeZones, userChanges, userToForm, type UserForm } from './user-form.js';
import { isLocked } from './user-status.js';

export function UserPage({ id }: { id: string }) {
  const user = useAsync(() => fetchUser(id), [id]);
  const teams = useAsync(() => fetchTeams(), []);
  const [loaded, setLoaded] = useState<AdminUser | null>(null);
  useEffect(() => {
    if (user.data) setLoaded(user.data);
  }, [user.data]);

  if (user.error) {
    return (
      <div className="page">
        <ErrorBanner title="Cannot load the user" onRetry={user.reload}>
          {user.error.message}
        </ErrorBanner>
      </div>
    );
  }
  if (user.data === null) {
    return (
      <div className="page">
        <EmptyState title="No such user" action={<a className="btn" href={href('/admin/users')}>Back to users</a>}>
          There is no user with this id.
        </EmptyState>
      </div>
    );
  }
  if (!loaded) return <div className="page"><Spinner label="Loading user" /></div>;
  return <UserEditor key={`${loaded.id}/${loaded.active}/${loaded.lockedUntil}`} user={loaded} teams={teams.data ?? []} onSaved={setLoaded} />;
}

function UserEditor({ user, teams, onSaved }: { user: AdminUser; teams: AdminTeam[]; onSaved: (u: AdminUser) => void }) {
  const { doc } = useMetadata();
  const session = useSession();
  const toast = useToast();
  const [form, setForm] = useState<UserForm>(() => userToForm(user));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [confirming, setConfirming] = useState<'deactivate' | null>(null);
  const zones = useMemo(() => timeZones(), []);
  const { input, problems } = userChanges(user, form);
  const dirty = Object.keys(input).length > 0;
  const self = user.id === session.user.id;

  const patch = (p: Partial<UserForm>) => setForm((f) => ({ ...f, ...p }));

  const run = async (action: () => Promise<AdminUser>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      const next = await action();
      onSaved(next);
      toast(done);
      if (self) await session.refresh();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  const save = () => {
    setTried(true);
    if (hasProblems(problems) || !dirty) return;
    void run(() => updateUser(user.id, input), 'Changes saved');
  };

  const locked = isLocked(user);
  return (
    <div className="page">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <a href={href('/admin/users')}>Users</a>
        <span aria-hidden="true">/</span>
        <span>{user.name}</span>
      </nav>
      <header className="page-header user-header">
        <div className="user-heading">
          <span className="avatar avatar-large" aria-hidden="true">{initials(user.name, user.email)}</span>
          <div>
            <h1>
              {user.name} <StatusBadge user={user} />
            </h1>
            <p className="page-subtitle">{user.email}</p>
          </div>
        </div>
        <div className="header-actions">
          {locked && user.active && (
            <button type="button" className="btn" disabled={busy} onClick={() => void run(() => unlockUser(user.id), `${user.name} is unlocked`)}>
              <Icon name="unlock" /> Unlock
            </button>
          )}
          {user.active ? (
            <button type="button" className="btn btn-danger-ghost" disabled={busy || self} title={self ? 'You cannot deactivate yourself' : undefined} onClick={() => setConfirming('deactivate')}>
              Deactivate
            </button>
          ) : (
            <button type="button" className="btn" disabled={busy} onClick={() => void run(() => updateUser(user.id, { active: true }), `${user.name} is active again`)}>
              Reactivate
            </button>
          )}
        </div>
      </header>
      {!user.active && (
        <div className="banner banner-warning" role="status">
          <Icon name="warning" />
          <div className="banner-text">This user is deactivated: they cannot sign in, and their API keys stop working.</div>
        </div>
      )}
      {locked && user.active && (
        <div className="banner banner-warning" role="status">
          <Icon name="lock" />
          <div className="banner-text">Locked out after repeated failed sign-ins, until {formatDateTime(user.lockedUntil)}. Unlock to let them try again now.</div>
        </div>
      )}
      {error && <ErrorBanner title="The change was not saved">{error.message}</ErrorBanner>}

      <section className="card" aria-labelledby="profile-title">
        <h2 className="card-title" id="profile-title">Profile</h2>
        <div className="form-grid cols-3">
          <TextInput label="Name" value={form.name} onChange={(name) => patch({ name })} errors={tried && problems.name ? [problems.name] : undefined} />
          <SelectInput label="Language and formats" value={form.locale} options={withCurrent(LOCALES, form.locale)} display={(l) => `${localeLabel(l)} (${l})`} onChange={(locale) => patch({ locale })} />
          <SelectInput label="Time zone" value={form.timeZone} options={withCurrent(zones, form.timeZone)} display={(z) => z.replace(/_/g, ' ')} onChange={(timeZone) => patch({ timeZone })} />
        </div>
      </section>

      <div className="grid-2 admin-cards">
        <section className="card" aria-labelledby="roles-title">
          <h2 className="card-title" id="roles-title">Roles</h2>
          <CheckList
            legend="Roles"
            hideLegend
            hint={self ? 'Careful: removing your own Administrator role can lock you out of this page.' : 'The user’s access is the union of their roles.'}
            options={roleOptions(doc).map((r) => ({ value: r.name, label: r.label, description: r.description }))}
            selected={form.roles}
            onChange={(roles) => patch({ roles })}
            empty="No roles."
          />
        </section>
        <section className="card" aria-labelledby="teams-title">
          <h2 className="card-title" id="teams-title">Teams</h2>
          <CheckList
            legend="Teams"
            hideLegend
            options={teams.map((t) => ({ value: t.id, label: t.name, description: t.manager ? `Manager: ${t.manager.name}` : undefined }))}
            selected={form.teamIds}
            onChange={(teamIds) => patch({ teamIds })}
            empty="No teams yet."
          />
        </section>
      </div>

      <section className="card" aria-labelledby="attributes-title">
        <h2 className="card-title" id="attributes-title">Attributes</h2>
        <p className="field-help attributes-help">
          Free values that access rules read as <code>user.attributes.&lt;key&gt;</code>, for example a region or a cost center.
        </p>
        <AttributesEditor rows={form.attributes} onChange={(attributes) => patch({ attributes })} problems={tried ? problems.attributes : {}} />
      </section>

      <div className="save-bar">
        <span className="muted small">
          Created {relativeTime(user.createdAt)} · {user.lastSignInAt ? `last signed in ${relativeTime(user.lastSignInAt)}` : 'never signed in'} ·{' '}
          <a href={href(`/admin/security-log?user=${user.id}`)}>Security log</a>
        </span>
        <span className="spacer" />
        {dirty && (
          <button type="button" className="btn" onClick={() => setForm(userToForm(user))} disabled={busy}>
            Discard
          </button>
        )}
        <button type="button" className="btn btn-primary" onClick={save} disabled={busy || !dirty}>
          {busy ? 'Saving…' : 'Save changes'}
        </button>
      </div>

      <ConfirmDialog
        open={confirming === 'deactivate'}
        title={`Deactivate ${user.name}?`}
        confirmLabel="Deactivate"
        danger
        busy={busy}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          setConfirming(null);
          void run(() => updateUser(user.id, { active: false }), `${user.name} is deactivated`);
        }}
      >
        <p>
          {user.name} is signed out everywhere at once and can no longer sign in; the API keys they created stop working. Their records
          stay, and you can reactivate them later.
        </p>
      </ConfirmDialog>
    </div>
  );
}

const withCurrent = (options: string[], current: string) => (options.includes(current) ? options : [current, ...options]);

function SelectInput({ label, value, options, display, onChange }: { label: string; value: string; options: string[]; display: (v: string) => string; onChange: (v: string) => void }) {
  const id = `select-${label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {display(o)}
          </option>
        ))}
      </select>
    </div>
  );
}
