/**
 * A record's owner (a user) and team, below its form: the system fields record scopes such as "Owner is me" and
 * "My team" read. Pickers from the user / team directory; disabled when read-only for the person, absent when hidden.
 */
import { useId } from 'react';
import type { FieldAccess } from '@trellis/runtime';
import { useDirectory } from '../api/directory-api.js';
import { useSession } from '../auth/session-context.js';

export interface Ownership {
  owner: string | null;
  team: string | null;
}

interface Props {
  value: Ownership;
  onChange: (value: Ownership) => void;
  access: { owner: FieldAccess; team: FieldAccess };
  mode: 'create' | 'update';
}

export function OwnershipFields({ value, onChange, access, mode }: Props) {
  const directory = useDirectory();
  const { user } = useSession();
  const id = useId();
  if (access.owner === 'hidden' && access.team === 'hidden') return null;
  const users = (directory?.users ?? []).filter((u) => u.active || u.id === value.owner);
  const teams = directory?.teams ?? [];
  const unknownOwner = value.owner && directory && !users.some((u) => u.id === value.owner);
  return (
    <section className="form-section ownership" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="form-section-title">
        Ownership
      </h2>
      <div className="form-grid cols-2">
        {access.owner !== 'hidden' && (
          <div className="form-cell">
            <div className="field" data-field="owner">
              <label className="field-label" htmlFor={`${id}-owner`}>
                Owner
              </label>
              <select
                id={`${id}-owner`}
                className="input"
                value={value.owner ?? ''}
                disabled={access.owner !== 'editable'}
                onChange={(e) => onChange({ ...value, owner: e.target.value || null })}
              >
                <option value="">{mode === 'create' ? 'Me (default)' : 'No owner'}</option>
                {unknownOwner && <option value={value.owner!}>Former user</option>}
                {users.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.id === user.id ? `${u.name} (me)` : u.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
        )}
        {access.team !== 'hidden' && (
          <div className="form-cell">
            <div className="field" data-field="team">
              <label className="field-label" htmlFor={`${id}-team`}>
                Team
              </label>
              <select
                id={`${id}-team`}
                className="input"
                value={value.team ?? ''}
                disabled={access.team !== 'editable'}
                onChange={(e) => onChange({ ...value, team: e.target.value || null })}
              >
                <option value="">{mode === 'create' && user.teams.length === 1 ? `${user.teams[0]!.name} (my team, default)` : 'No team'}</option>
                {value.team && directory && !teams.some((t) => t.id === value.team) && <option value={value.team}>Removed team</option>}
                {teams.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
        )}
      </div>
    </section>
  );
}

/** The input for owner and team: only what changed and may be written (on create, blank leaves the server's default). */
export function ownershipInput(value: Ownership, initial: Ownership, access: { owner: FieldAccess; team: FieldAccess }, mode: 'create' | 'update'): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const key of ['owner', 'team'] as const) {
    if (access[key] !== 'editable' || value[key] === initial[key]) continue;
    if (mode === 'create' && value[key] === null) continue;
    out[key] = value[key];
  }
  return out;
}
