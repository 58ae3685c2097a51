/**
 * Studio: one role of the draft — label, description, capabilities, and the permission matrix: per entity, which
 * records it may read, update and delete (none / all / a condition), create and transfer, and per field whether
 * it is editable, read-only or hidden. Every change is a draft edit (undo/redo), checked live at its path.
 */
import { Fragment, useState } from 'react';
import type { RecordScope } from '@trellis/metadata';
import { useDraft } from '../../app/draft-context.js';
import { href, navigate } from '../../app/router.js';
import { ConfirmDialog } from '../../ui/Dialog.js';
import { EmptyState } from '../../ui/Feedback.js';
import { Icon } from '../../ui/Icon.js';
import { CheckboxField, TextInput } from '../inputs.js';
import { StudioToolbar } from '../StudioToolbar.js';
import { FieldAccessGrid, fieldAccessSummary } from './FieldAccessGrid.js';
import { removeRole, scopeKind, setCreate, setScope, setTransfer, updateRole, type ScopedOperation } from './role-edits.js';
import { parseRoleProblemPath, problemsForPermission, problemsForRole } from './role-problems.js';
import { scopeText } from './role-summary.js';
import { ScopeDialog } from './ScopeDialog.js';

const OPERATIONS: { op: ScopedOperation; label: string }[] = [
  { op: 'read', label: 'Read' },
  { op: 'update', label: 'Update' },
  { op: 'delete', label: 'Delete' },
];

export function RoleEditor({ roleName }: { roleName: string }) {
  const { draft, edit, problems } = useDraft();
  const role = draft.roles?.[roleName];
  const [removing, setRemoving] = useState(false);
  const [editing, setEditing] = useState<{ entity: string; op: ScopedOperation } | null>(null);
  const [expanded, setExpanded] = useState<string | null>(null);

  if (!role) {
    return (
      <div className="page">
        <StudioToolbar />
        <EmptyState title="No such role in the draft" action={<a className="btn" href={href('/studio/roles')}>All roles</a>}>
          “{roleName}” may have been removed, or the draft was discarded.
        </EmptyState>
      </div>
    );
  }

  const roleProblems = problemsForRole(problems, roleName);
  const propertyProblems = (part: string) => roleProblems.filter((p) => { const at = parseRoleProblemPath(p.path); return !at?.entity && at?.part === part; }).map((p) => p.message);
  const entities = Object.entries(draft.entities).sort(([, a], [, b]) => a.pluralLabel.localeCompare(b.pluralLabel));
  const unknown = Object.keys(role.entities ?? {}).filter((e) => !draft.entities[e]);
  const key = (what: string) => `role-${roleName}-${what}`;

  const chooseScope = (entity: string, op: ScopedOperation, kind: string) => {
    if (kind === 'condition') {
      setEditing({ entity, op });
      return;
    }
    edit((d) => setScope(d, roleName, entity, op, kind === 'all' ? true : undefined));
  };

  return (
    <div className="page page-wide">
      <StudioToolbar />
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <a href={href('/studio/roles')}>Roles</a>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{role.label || roleName}</span>
      </nav>
      <header className="page-header">
        <div>
          <h1>
            {role.label || roleName} <code className="title-code">{roleName}</code>
          </h1>
          {role.description && <p className="page-subtitle">{role.description}</p>}
        </div>
        <button type="button" className="btn btn-danger-ghost" onClick={() => setRemoving(true)}>
          <Icon name="trash" /> Delete role
        </button>
      </header>

      {roleProblems.length > 0 && (
        <div className="banner banner-error" role="alert" aria-label="Problems in this role">
          <Icon name="warning" />
          <div className="banner-text">
            <strong>
              {roleProblems.length} problem{roleProblems.length === 1 ? '' : 's'} to fix before publishing
            </strong>
            <ul className="problem-list">
              {roleProblems.map((p, i) => (
                <li key={i}>{p.message}</li>
              ))}
            </ul>
          </div>
        </div>
      )}

      <section className="card" aria-labelledby="role-props">
        <h2 id="role-props" className="card-title">
          Role
        </h2>
        <div className="grid-2">
          <TextInput label="Role label" value={role.label} errors={propertyProblems('label')} onChange={(v) => edit((d) => updateRole(d, roleName, { label: v }), key('label'))} />
          <TextInput label="Role description" value={role.description ?? ''} onChange={(v) => edit((d) => updateRole(d, roleName, { description: v }), key('description'))} />
        </div>
        <h3 className="role-subtitle">Studio capabilities</h3>
        <div className="grid-2">
          <CheckboxField
            label="Manage metadata"
            hint="Edit and publish entities, fields, rules, views and roles."
            checked={role.manageMetadata === true}
            onChange={(v) => edit((d) => updateRole(d, roleName, { manageMetadata: v }))}
          />
          <CheckboxField
            label="Manage users"
            hint="Manage users, teams, role assignments and API keys; read the security log."
            checked={role.manageUsers === true}
            onChange={(v) => edit((d) => updateRole(d, roleName, { manageUsers: v }))}
          />
        </div>
      </section>

      <section className="card" aria-labelledby="role-matrix">
        <header className="card-header">
          <div>
            <h2 id="role-matrix" className="card-title">
              Records
            </h2>
            <p className="muted small">
              Which records of each entity this role may read, create, update and delete. Entities left at “None” are invisible to it. Update and delete
              apply only to records it can also read.
            </p>
          </div>
        </header>
        <div className="table-wrap">
          <table className="data-table permission-matrix" aria-label="Permissions by entity">
            <thead>
              <tr>
                <th scope="col"><span className="th-plain">Entity</span></th>
                <th scope="col"><span className="th-plain">Read</span></th>
                <th scope="col" className="center"><span className="th-plain">Create</span></th>
                <th scope="col"><span className="th-plain">Update</span></th>
                <th scope="col"><span className="th-plain">Delete</span></th>
                <th scope="col" className="center"><span className="th-plain" title="A change may hand the record to someone this role cannot see">Transfer</span></th>
                <th scope="col"><span className="th-plain">Fields</span></th>
              </tr>
            </thead>
            <tbody>
              {entities.map(([entityName, entity]) => {
                const p = role.entities?.[entityName] ?? {};
                const entityProblems = problemsForPermission(problems, roleName, entityName);
                const open = expanded === entityName;
                const label = entity.pluralLabel;
                return (
                  <Fragment key={entityName}>
                    <tr className={entityProblems.length ? 'has-problem' : undefined}>
                      <th scope="row" className="matrix-entity">
                        {label}
                        <code className="muted small"> {entityName}</code>
                      </th>
                      {OPERATIONS.slice(0, 1).map(({ op, label: opLabel }) => (
                        <ScopeCell key={op} label={`${opLabel} ${label}`} doc={draft} entity={entityName} scope={p[op]} problems={problemsForPermission(problems, roleName, entityName, op).map((x) => x.message)} onChoose={(kind) => chooseScope(entityName, op, kind)} onEdit={() => setEditing({ entity: entityName, op })} />
                      ))}
                      <td className="center">
                        <input type="checkbox" className="checkbox" aria-label={`Create ${label}`} checked={p.create === true} onChange={(e) => edit((d) => setCreate(d, roleName, entityName, e.target.checked))} />
                      </td>
                      {OPERATIONS.slice(1).map(({ op, label: opLabel }) => (
                        <ScopeCell key={op} label={`${opLabel} ${label}`} doc={draft} entity={entityName} scope={p[op]} problems={problemsForPermission(problems, roleName, entityName, op).map((x) => x.message)} onChoose={(kind) => chooseScope(entityName, op, kind)} onEdit={() => setEditing({ entity: entityName, op })} />
                      ))}
                      <td className="center">
                        <input type="checkbox" className="checkbox" aria-label={`Transfer ${label}`} checked={p.transfer === true} onChange={(e) => edit((d) => setTransfer(d, roleName, entityName, e.target.checked))} />
                        {problemsForPermission(problems, roleName, entityName, 'transfer').map((x, i) => (
                          <p key={i} className="field-error cell-problem">{x.message}</p>
                        ))}
                      </td>
                      <td>
                        <button type="button" className="btn btn-small" aria-expanded={open} aria-controls={`fields-${entityName}`} onClick={() => setExpanded(open ? null : entityName)}>
                          <Icon name={open ? 'chevronUp' : 'chevronDown'} /> {fieldAccessSummary(p.fields)}
                        </button>
                      </td>
                    </tr>
                    {open && (
                      <tr className="matrix-fields-row" id={`fields-${entityName}`}>
                        <td colSpan={7}>
                          <FieldAccessGrid roleName={roleName} entityName={entityName} />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
        {unknown.length > 0 && (
          <p className="field-error">This role names entities that no longer exist: {unknown.join(', ')} — see the problems above.</p>
        )}
      </section>

      {editing && (
        <ScopeDialog
          roleName={roleName}
          entityName={editing.entity}
          operation={editing.op}
          onClose={() => setEditing(null)}
        />
      )}

      <ConfirmDialog
        open={removing}
        title={`Delete role “${role.label || roleName}”?`}
        confirmLabel="Delete role"
        danger
        onCancel={() => setRemoving(false)}
        onConfirm={() => {
          edit((d) => removeRole(d, roleName));
          setRemoving(false);
          navigate('/studio/roles');
        }}
      >
        <p>When you publish, users and API keys holding this role lose what it gave them.</p>
      </ConfirmDialog>
    </div>
  );
}

function ScopeCell({
  label,
  doc,
  entity,
  scope,
  problems,
  onChoose,
  onEdit,
}: {
  label: string;
  doc: Parameters<typeof scopeText>[0];
  entity: string;
  scope: RecordScope | undefined;
  problems: string[];
  onChoose: (kind: string) => void;
  onEdit: () => void;
}) {
  const kind = scopeKind(scope);
  return (
    <td className={`scope-cell scope-kind-${kind}`}>
      <select className="input scope-select" aria-label={label} value={kind} onChange={(e) => onChoose(e.target.value)}>
        <option value="none">None</option>
        <option value="all">All</option>
        <option value="condition">Condition…</option>
      </select>
      {kind === 'condition' && (
        <button type="button" className="link-button scope-condition" title="Edit the condition" aria-label={`${label}: edit the condition`} onClick={onEdit}>
          {scopeText(doc, entity, scope)}
        </button>
      )}
      {problems.map((m, i) => (
        <p key={i} className="field-error cell-problem">
          {m}
        </p>
      ))}
    </td>
  );
}
