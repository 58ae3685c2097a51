/**
 * Studio: the roles of the draft (who may see and do what with records), the built-in administrator, "New role",
 * removal, and the "Effective access" panel. Roles are metadata: edits go to the draft until you publish.
 */
import { useState } from 'react';
import { ADMIN_ROLE } from '@trellis/metadata';
import { useDraft } from '../../app/draft-context.js';
import { useMetadata } from '../../app/metadata-context.js';
import { href, navigate } from '../../app/router.js';
import { ConfirmDialog } from '../../ui/Dialog.js';
import { EmptyState } from '../../ui/Feedback.js';
import { Icon } from '../../ui/Icon.js';
import { DraftStatusBadges, draftStatus } from '../DraftStatus.js';
import { StudioToolbar } from '../StudioToolbar.js';
import { EffectiveAccessPanel } from './EffectiveAccessPanel.js';
import { NewRoleDialog } from './NewRoleDialog.js';
import { removeRole } from './role-edits.js';
import { problemsForRole } from './role-problems.js';
import { capabilitiesText, entitiesText } from './role-summary.js';

export function RolesPage() {
  const { draft, edit, problems } = useDraft();
  const { stored: published } = useMetadata();
  const [creating, setCreating] = useState(false);
  const [removing, setRemoving] = useState<string | null>(null);
  const roles = Object.entries(draft.roles ?? {});

  const status = (name: string) => draftStatus(published.roles?.[name], draft.roles?.[name]);

  return (
    <div className="page page-wide">
      <StudioToolbar />
      <header className="page-header">
        <div>
          <h1>Roles</h1>
          <p className="page-subtitle">What people may see and do with records, entity by entity and field by field. Users get roles under Administration → Users.</p>
        </div>
        <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
          <Icon name="plus" /> New role
        </button>
      </header>

      <div className="table-wrap">
        <table className="data-table roles-table" aria-label="Roles">
          <thead>
            <tr>
              <th scope="col"><span className="th-plain">Role</span></th>
              <th scope="col"><span className="th-plain">Name</span></th>
              <th scope="col"><span className="th-plain">Capabilities</span></th>
              <th scope="col"><span className="th-plain">Entities</span></th>
              <th scope="col"><span className="th-plain">Status</span></th>
              <th scope="col" className="actions-col"><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            <tr className="role-builtin">
              <td>
                <span className="role-name">
                  <Icon name="lock" /> Administrator
                </span>
                <p className="muted small role-description">Built in: every right on every entity, field and record, and both capabilities. It cannot be changed.</p>
              </td>
              <td><code>{ADMIN_ROLE}</code></td>
              <td>Manage metadata, Manage users</td>
              <td>All</td>
              <td><span className="badge">Built in</span></td>
              <td className="actions-col" />
            </tr>
            {roles.map(([name, role]) => {
              const s = status(name);
              const count = problemsForRole(problems, name).length;
              return (
                <tr key={name} className="clickable" onClick={() => navigate(`/studio/roles/${name}`)}>
                  <td>
                    <a className="row-link" href={href(`/studio/roles/${name}`)} onClick={(e) => e.stopPropagation()}>
                      {role.label || name}
                    </a>
                    {role.description && <p className="muted small role-description">{role.description}</p>}
                  </td>
                  <td><code>{name}</code></td>
                  <td>{capabilitiesText(role)}</td>
                  <td>{entitiesText(draft, role)}</td>
                  <td>
                    <DraftStatusBadges status={s} problems={count} />
                  </td>
                  <td className="actions-col">
                    <button
                      type="button"
                      className="btn btn-icon btn-ghost"
                      aria-label={`Remove role ${role.label || name}`}
                      title="Remove"
                      onClick={(e) => {
                        e.stopPropagation();
                        setRemoving(name);
                      }}
                    >
                      <Icon name="trash" />
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {roles.length === 0 && (
          <EmptyState title="No roles yet" action={<button type="button" className="btn" onClick={() => setCreating(true)}>Create the first role</button>}>
            Without roles only administrators can work with records. A role says which records of each entity its users may read, create, update and delete.
          </EmptyState>
        )}
      </div>

      <EffectiveAccessPanel />

      <NewRoleDialog open={creating} onClose={() => setCreating(false)} />
      {removing && draft.roles?.[removing] && (
        <ConfirmDialog
          open
          title={`Remove role “${draft.roles[removing].label || removing}”?`}
          confirmLabel="Remove role"
          danger
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            edit((d) => removeRole(d, removing));
            setRemoving(null);
          }}
        >
          <p>When you publish, users and API keys holding this role lose what it gave them. Their role assignment stays, so adding the role back restores it.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
