/**
 * "Share": who else may see or edit this record besides what their roles give them — the current shares, adding
 * one for a user or a team (read or edit), removing one. The server checks the person may change the record.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { fetchRecordShares, shareRecord, unshareRecord, type RecordShare } from '../api/audit-api.js';
import { useDirectory } from '../api/directory-api.js';
import { GraphQLRequestError } from '../api/graphql-client.js';
import { useMetadata } from '../app/metadata-context.js';
import { useSession } from '../auth/session-context.js';
import { Dialog } from '../ui/Dialog.js';
import { Spinner } from '../ui/Feedback.js';
import { Icon } from '../ui/Icon.js';
import { forbiddenText } from './forbidden.js';

interface Props {
  entityName: string;
  id: string;
  recordName: string;
  onClose: () => void;
}

const ACCESS_WORDS: Record<string, string> = { read: 'Can view', edit: 'Can edit' };

export function ShareDialog({ entityName, id, recordName, onClose }: Props) {
  const { doc } = useMetadata();
  const label = doc.entities[entityName]?.label ?? 'record';
  const directory = useDirectory();
  const { user } = useSession();
  const [shares, setShares] = useState<RecordShare[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [who, setWho] = useState('');
  const [access, setAccess] = useState<'read' | 'edit'>('read');
  const [busy, setBusy] = useState(false);
  const formId = useId();

  const explain = (e: unknown) => (e instanceof GraphQLRequestError && e.code === 'FORBIDDEN' ? forbiddenText(e, 'share', label) : (e as Error).message);

  useEffect(() => {
    fetchRecordShares(entityName, id).then(setShares, (e) => setError(explain(e)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [entityName, id]);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!who) return;
    const [kind, target] = who.split(':');
    setBusy(true);
    setError(null);
    try {
      const share = await shareRecord(entityName, id, kind === 'team' ? { teamId: target } : { userId: target }, access);
      setShares((s) => [...(s ?? []).filter((x) => x.id !== share.id), share]);
      setWho('');
    } catch (err) {
      setError(explain(err));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (share: RecordShare) => {
    setBusy(true);
    setError(null);
    try {
      await unshareRecord(share.id);
      setShares((s) => (s ?? []).filter((x) => x.id !== share.id));
    } catch (err) {
      setError(explain(err));
    } finally {
      setBusy(false);
    }
  };

  const taken = new Set((shares ?? []).map((s) => (s.teamId ? `team:${s.teamId}` : `user:${s.userId}`)));
  const users = (directory?.users ?? []).filter((u) => u.active && u.id !== user.id && !taken.has(`user:${u.id}`));
  const teams = (directory?.teams ?? []).filter((t) => !taken.has(`team:${t.id}`));

  return (
    <Dialog
      open
      title={`Share “${recordName}”`}
      onClose={onClose}
      footer={
        <button type="button" className="btn" onClick={onClose}>
          Done
        </button>
      }
    >
      <div className="stack">
        <p className="muted small">
          Sharing gives one user or a whole team access to this {label.toLowerCase()} on top of what their roles give them. Hidden fields stay hidden.
        </p>
        <form id={formId} className="share-add" onSubmit={(e) => void add(e)} aria-label="Add a share">
          <label className="visually-hidden" htmlFor={`${formId}-who`}>
            Share with
          </label>
          <select id={`${formId}-who`} className="input" value={who} onChange={(e) => setWho(e.target.value)}>
            <option value="">{directory ? 'Choose a user or a team…' : 'Loading…'}</option>
            {users.length > 0 && (
              <optgroup label="Users">
                {users.map((u) => (
                  <option key={u.id} value={`user:${u.id}`}>
                    {u.name} ({u.email})
                  </option>
                ))}
              </optgroup>
            )}
            {teams.length > 0 && (
              <optgroup label="Teams">
                {teams.map((t) => (
                  <option key={t.id} value={`team:${t.id}`}>
                    {t.name}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
          <label className="visually-hidden" htmlFor={`${formId}-access`}>
            Access
          </label>
          <select id={`${formId}-access`} className="input share-access" value={access} onChange={(e) => setAccess(e.target.value as 'read' | 'edit')}>
            <option value="read">Can view</option>
            <option value="edit">Can edit</option>
          </select>
          <button type="submit" className="btn btn-primary" disabled={!who || busy}>
            Share
          </button>
        </form>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        {shares === null && !error && <Spinner label="Loading the shares" />}
        {shares && shares.length === 0 && <p className="muted">Not shared with anyone yet.</p>}
        {shares && shares.length > 0 && (
          <ul className="share-list" aria-label="Shared with">
            {shares.map((s) => (
              <li key={s.id} className="share-item">
                <Icon name={s.teamId ? 'team' : 'user'} />
                <span className="share-who">
                  {s.teamId ? (s.teamName ?? 'Removed team') : (s.userName ?? 'Former user')}
                  {s.userEmail && <span className="muted small"> {s.userEmail}</span>}
                  {s.teamId && <span className="muted small"> team</span>}
                </span>
                <span className="badge">{ACCESS_WORDS[s.access] ?? s.access}</span>
                <button type="button" className="btn btn-icon btn-ghost" aria-label={`Stop sharing with ${s.teamName ?? s.userName ?? 'them'}`} title="Remove" disabled={busy} onClick={() => void remove(s)}>
                  <Icon name="trash" />
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Dialog>
  );
}
