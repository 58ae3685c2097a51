/**
 * "Effective access": pick a user (or a role) and an entity, see what they may do there and why — from runtime's
 * `resolveAccess` and `explainAccess` over the draft, the very functions the server enforces with.
 */
import { useId, useMemo, useState } from 'react';
import { ADMIN_ROLE, type MetadataDocument } from '@trellis/metadata';
import { explainAccess, formatFieldLabel, resolveAccess, type ScopeGrant } from '@trellis/runtime';
import { useDirectory } from '../../api/directory-api.js';
import { useDraft } from '../../app/draft-context.js';
import { Icon } from '../../ui/Icon.js';
import { scopeText } from './role-summary.js';

/** "All records", "Where owner is me", "Where … or where …", "No". */
function grantsText(doc: MetadataDocument, entity: string, grants: ScopeGrant[]): string {
  if (grants.length === 0) return 'No';
  if (grants.some((g) => g.scope === true)) return 'All records';
  return grants.map((g) => `Where ${scopeText(doc, entity, g.scope).replace(/^./, (c) => c.toLowerCase())}`).join(', or ');
}

export function EffectiveAccessPanel() {
  const { draft, dirty } = useDraft();
  const directory = useDirectory();
  const id = useId();
  const entities = Object.entries(draft.entities).sort(([, a], [, b]) => a.pluralLabel.localeCompare(b.pluralLabel));
  const [subject, setSubject] = useState('');
  const [entity, setEntity] = useState(entities[0]?.[0] ?? '');

  const users = directory?.users.filter((u) => u.active) ?? [];
  const rolesKnown = users.some((u) => u.roles !== null);
  const roles: string[] = useMemo(() => {
    if (subject.startsWith('user:')) return users.find((u) => `user:${u.id}` === subject)?.roles ?? [];
    if (subject.startsWith('role:')) return [subject.slice(5)];
    return [];
  }, [subject, users]);

  const entityDef = draft.entities[entity];
  const ready = subject !== '' && !!entityDef;
  const access = ready ? resolveAccess(draft, { roles }).entities[entity] : undefined;
  const reasons = ready ? explainAccess(draft, { roles }, entity) : [];
  const fields = access ? Object.entries(access.fields).filter(([f]) => f !== 'id') : [];
  const labelOf = (f: string) => formatFieldLabel(f, entityDef && Object.hasOwn(entityDef.fields, f) ? entityDef.fields[f] : undefined);
  const hidden = fields.filter(([, l]) => l === 'hidden').map(([f]) => labelOf(f));
  // Only what the roles make read-only: timestamps, formulas and the like are read-only for everyone.
  const inherent = ready ? resolveAccess(draft, { roles: [ADMIN_ROLE] }).entities[entity]?.fields ?? {} : {};
  const readOnly = fields.filter(([f, l]) => l === 'readOnly' && inherent[f] !== 'readOnly').map(([f]) => labelOf(f));
  const user = subject.startsWith('user:') ? users.find((u) => `user:${u.id}` === subject) : undefined;

  return (
    <section className="card effective-access" aria-labelledby={`${id}-title`}>
      <header className="card-header">
        <div>
          <h2 id={`${id}-title`} className="card-title">
            Effective access
          </h2>
          <p className="muted small">What someone may do with an entity’s records, and which role gives it{dirty ? ' — as in the draft: publish to apply' : ''}.</p>
        </div>
      </header>
      <div className="effective-pickers">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-who`}>
            User or role
          </label>
          <select id={`${id}-who`} className="input" value={subject} onChange={(e) => setSubject(e.target.value)}>
            <option value="">{directory ? 'Choose…' : 'Loading users…'}</option>
            {rolesKnown && (
              <optgroup label="Users">
                {users.map((u) => (
                  <option key={u.id} value={`user:${u.id}`}>
                    {u.name} ({u.email})
                  </option>
                ))}
              </optgroup>
            )}
            <optgroup label="Roles">
              <option value={`role:${ADMIN_ROLE}`}>Administrator (built in)</option>
              {Object.entries(draft.roles ?? {}).map(([name, r]) => (
                <option key={name} value={`role:${name}`}>
                  {r.label || name}
                </option>
              ))}
            </optgroup>
          </select>
          {directory && !rolesKnown && <p className="field-help">Users’ roles are shown to those who may manage users; pick a role instead.</p>}
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-entity`}>
            Entity
          </label>
          <select id={`${id}-entity`} className="input" value={entity} onChange={(e) => setEntity(e.target.value)}>
            {entities.map(([name, e]) => (
              <option key={name} value={name}>
                {e.pluralLabel}
              </option>
            ))}
          </select>
        </div>
      </div>

      {!ready && <p className="muted">Choose a user or a role to see their access.</p>}
      {ready && access && entityDef && (
        <div className="effective-result" role="region" aria-label="Access explained" aria-live="polite">
          {user && (
            <p className="small">
              <strong>{user.name}</strong> has {roles.length === 0 ? 'no role' : `the role${roles.length === 1 ? '' : 's'} ${roles.map((r) => (r === ADMIN_ROLE ? 'Administrator' : (draft.roles?.[r]?.label ?? r))).join(', ')}`}.
            </p>
          )}
          <dl className="effective-grid">
            <Right label="Read" text={grantsText(draft, entity, access.read)} ok={access.read.length > 0} />
            <Right label="Create" text={access.create ? 'Yes' : 'No'} ok={access.create} />
            <Right label="Update" text={grantsText(draft, entity, access.update)} ok={access.update.length > 0} />
            <Right label="Delete" text={grantsText(draft, entity, access.delete)} ok={access.delete.length > 0} />
            <Right label="Transfer" text={access.transfer ? 'Yes' : 'No'} ok={access.transfer} />
            <Right label="Hidden fields" text={hidden.length ? hidden.join(', ') : 'None'} ok={hidden.length === 0} neutral />
            <Right label="Read-only fields" text={readOnly.length ? readOnly.join(', ') : 'None'} ok={readOnly.length === 0} neutral />
          </dl>
          <h3 className="role-subtitle">Why</h3>
          {reasons.length === 0 ? (
            <p className="muted">No role gives any access to {entityDef.pluralLabel.toLowerCase()}: entities a role does not list are closed to it.</p>
          ) : (
            <ul className="effective-reasons" aria-label="Reasons">
              {reasons.map((r, i) => (
                <li key={i} className={r.scope === 'none' ? 'reason-none' : 'reason-grant'}>
                  <Icon name={r.scope === 'none' ? 'x' : r.operation === 'field' ? 'lock' : 'check'} size={14} /> {r.text}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

function Right({ label, text, ok, neutral }: { label: string; text: string; ok: boolean; neutral?: boolean }) {
  return (
    <div className={neutral ? 'effective-right neutral' : ok ? 'effective-right yes' : 'effective-right no'}>
      <dt>{label}</dt>
      <dd>{text}</dd>
    </div>
  );
}
