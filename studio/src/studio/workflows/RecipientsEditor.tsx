/** Who is notified or emailed: the record's owner, holders of roles, members of teams, users from an expression. */
import type { JsonLogic, MetadataDocument, Recipients } from '@trellis/metadata';
import { useDirectory } from '../../api/directory-api.js';
import { ExpressionInput } from './ExpressionInput.js';
import type { VarPath } from './workflow-context.js';

export function RecipientsEditor({
  label,
  hint,
  doc,
  value,
  onChange,
  paths,
  hasRecord,
  messagesFor,
  errors = [],
}: {
  label: string;
  hint?: string;
  doc: MetadataDocument;
  value: Recipients | undefined;
  onChange: (value: Recipients | undefined) => void;
  paths: VarPath[];
  /** The record's owner exists only for workflows with a trigger record. */
  hasRecord: boolean;
  messagesFor: (part: string) => string[];
  errors?: string[];
}) {
  const directory = useDirectory();
  const r = value ?? {};
  const set = (patch: Partial<Recipients>) => {
    const next: Record<string, unknown> = { ...r, ...patch };
    for (const [k, v] of Object.entries(next)) if (v === undefined || v === false || (Array.isArray(v) && v.length === 0)) delete next[k];
    onChange(Object.keys(next).length ? (next as Recipients) : undefined);
  };
  const toggle = (list: string[] | undefined, item: string, on: boolean) => (on ? [...(list ?? []), item] : (list ?? []).filter((x) => x !== item));
  const roles = Object.entries(doc.roles ?? {});
  const teams = directory?.teams.map((t) => t.name) ?? [];
  const unknownTeams = (r.teams ?? []).filter((t) => !teams.includes(t));

  return (
    <fieldset className={errors.length ? 'field invalid recipients' : 'field recipients'}>
      <legend className="field-label">{label}</legend>
      {hint && <p className="field-help">{hint}</p>}
      {hasRecord && (
        <label className="check">
          <input type="checkbox" checked={r.owner === true} onChange={(e) => set({ owner: e.target.checked || undefined })} />
          <span>The record’s owner</span>
        </label>
      )}
      <div className="recipients-group" role="group" aria-label={`${label}: roles`}>
        <span className="recipients-heading">Everyone with the role</span>
        {roles.length === 0 && <span className="muted small">No roles in the draft.</span>}
        {roles.map(([name, role]) => (
          <label key={name} className="check">
            <input type="checkbox" checked={r.roles?.includes(name) ?? false} onChange={(e) => set({ roles: toggle(r.roles, name, e.target.checked) })} />
            <span>{role.label || name}</span>
          </label>
        ))}
        {messagesFor('roles').map((m, i) => (
          <p key={i} className="field-error">
            {m}
          </p>
        ))}
      </div>
      <div className="recipients-group" role="group" aria-label={`${label}: teams`}>
        <span className="recipients-heading">Everyone in the team</span>
        {!directory && <span className="muted small">Loading teams…</span>}
        {directory && teams.length === 0 && unknownTeams.length === 0 && <span className="muted small">No teams yet (Administration → Teams).</span>}
        {[...teams, ...unknownTeams].map((team) => (
          <label key={team} className="check">
            <input type="checkbox" checked={r.teams?.includes(team) ?? false} onChange={(e) => set({ teams: toggle(r.teams, team, e.target.checked) })} />
            <span>{team}</span>
          </label>
        ))}
      </div>
      <ExpressionInput
        label="Users"
        hint="A user id or a list of them, e.g. the record's creator; leave empty for none."
        value={r.users}
        onChange={(v: JsonLogic | undefined) => set({ users: v === undefined || v === '' ? undefined : v })}
        paths={paths}
        user
        errors={messagesFor('users')}
      />
      {errors.map((m, i) => (
        <p key={i} className="field-error">
          {m}
        </p>
      ))}
    </fieldset>
  );
}
