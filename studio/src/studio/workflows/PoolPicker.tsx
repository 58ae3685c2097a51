/** Round-robin / least-loaded assignment: among the members of a team or the holders of a role (one of the two). */
import type { MetadataDocument } from '@trellis/metadata';
import { useDirectory } from '../../api/directory-api.js';

export function PoolPicker({
  doc,
  team,
  role,
  onChange,
  errors = [],
}: {
  doc: MetadataDocument;
  team: string | undefined;
  role: string | undefined;
  onChange: (patch: { team?: string; role?: string }) => void;
  errors?: string[];
}) {
  const directory = useDirectory();
  const kind = role !== undefined ? 'role' : 'team';
  const teams = directory?.teams.map((t) => t.name) ?? [];
  const roles = Object.entries(doc.roles ?? {});
  return (
    <fieldset className={errors.length ? 'field invalid pool-picker' : 'field pool-picker'}>
      <legend className="field-label">Among</legend>
      <div className="pool-row">
        <select className="input pool-kind" aria-label="Among: team or role" value={kind} onChange={(e) => onChange(e.target.value === 'role' ? { role: roles[0]?.[0] ?? '', team: undefined } : { team: teams[0] ?? '', role: undefined })}>
          <option value="team">the members of the team</option>
          <option value="role">the holders of the role</option>
        </select>
        {kind === 'team' ? (
          <select className="input" aria-label="Team" value={team ?? ''} onChange={(e) => onChange({ team: e.target.value, role: undefined })}>
            <option value="">{directory ? 'Choose a team…' : 'Loading teams…'}</option>
            {team && !teams.includes(team) && <option value={team}>{team} (unknown team)</option>}
            {teams.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        ) : (
          <select className="input" aria-label="Role" value={role ?? ''} onChange={(e) => onChange({ role: e.target.value, team: undefined })}>
            <option value="">Choose a role…</option>
            {role && !doc.roles?.[role] && <option value={role}>{role} (unknown role)</option>}
            {roles.map(([n, r]) => (
              <option key={n} value={n}>
                {r.label || n}
              </option>
            ))}
          </select>
        )}
      </div>
      <p className="field-help">Only active users; a team's members by the team's name.</p>
      {errors.map((m, i) => (
        <p key={i} className="field-error">
          {m}
        </p>
      ))}
    </fieldset>
  );
}
