/**
 * "Runs as": the role whose permissions the workflow actor has, and what that means in plain words for the
 * entities this workflow reads and writes — with the steps the role would not allow.
 */
import { useId } from 'react';
import { ADMIN_ROLE, type WorkflowDefinition } from '@trellis/metadata';
import { useDraft } from '../../app/draft-context.js';
import { href } from '../../app/router.js';
import { Icon } from '../../ui/Icon.js';
import { runAsSummary } from './run-as.js';
import { updateWorkflow } from './workflow-edits.js';

export function RunAsPicker({ name, def, errors }: { name: string; def: WorkflowDefinition; errors: string[] }) {
  const { draft, edit } = useDraft();
  const id = useId();
  const role = def.runAs || ADMIN_ROLE;
  const summary = runAsSummary(draft, def);
  const roles = Object.entries(draft.roles ?? {});

  return (
    <div className={errors.length ? 'field invalid run-as' : 'field run-as'}>
      <label className="field-label" htmlFor={`${id}-role`}>
        Runs as
      </label>
      <select id={`${id}-role`} className="input" value={role} aria-describedby={`${id}-rights`} onChange={(e) => edit((d) => updateWorkflow(d, name, { runAs: e.target.value }))}>
        <option value={ADMIN_ROLE}>Administrator (built in)</option>
        {roles.map(([n, r]) => (
          <option key={n} value={n}>
            {r.label || n}
          </option>
        ))}
        {!summary.known && <option value={role}>{role} (unknown role)</option>}
      </select>
      <div id={`${id}-rights`} className="run-as-rights" aria-live="polite">
        {summary.admin ? (
          <p className="field-help">Its steps may read and change every record, like an administrator. Choose a role to limit what the workflow can do.</p>
        ) : (
          <p className="field-help">
            Its steps have exactly the rights of the role {summary.roleLabel} (<a href={href(`/studio/roles/${role}`)}>see the role</a>).
          </p>
        )}
        {summary.entities.length > 0 && (
          <ul className="run-as-list" aria-label="What the workflow may do">
            {summary.entities.map((e) => (
              <li key={e.entity}>
                <strong>{e.label}:</strong> {e.text}
                {e.missing.map((m, i) => (
                  <p key={i} className="run-as-missing">
                    <Icon name="warning" size={13} /> {m}
                  </p>
                ))}
              </li>
            ))}
          </ul>
        )}
      </div>
      {errors.map((m, i) => (
        <p key={i} className="field-error">
          {m}
        </p>
      ))}
    </div>
  );
}
