/**
 * Studio: the workflows of the draft — what starts each one, whether it is active, how many steps it has — with
 * "New workflow" and removal. Workflows are metadata: edits go to the draft and take effect when you publish.
 */
import { useState } from 'react';
import { useDraft } from '../../app/draft-context.js';
import { useMetadata } from '../../app/metadata-context.js';
import { href, navigate } from '../../app/router.js';
import { ConfirmDialog } from '../../ui/Dialog.js';
import { EmptyState } from '../../ui/Feedback.js';
import { Icon } from '../../ui/Icon.js';
import { DraftStatusBadges, draftStatus } from '../DraftStatus.js';
import { StudioToolbar } from '../StudioToolbar.js';
import { NewWorkflowDialog } from './NewWorkflowDialog.js';
import { removeWorkflow, updateWorkflow } from './workflow-edits.js';
import { problemCounts } from './workflow-paths.js';
import { stepCount, triggerSummary } from './workflow-summary.js';

export function WorkflowsPage() {
  const { draft, edit, problems } = useDraft();
  const { stored: published } = useMetadata();
  const [creating, setCreating] = useState(false);
  const [removing, setRemoving] = useState<string | null>(null);
  const workflows = Object.entries(draft.workflows ?? {}).sort(([, a], [, b]) => (a.label || '').localeCompare(b.label || ''));
  const counts = problemCounts(problems);

  const status = (name: string) => draftStatus(published.workflows?.[name], draft.workflows?.[name]);

  return (
    <div className="page page-wide">
      <StudioToolbar />
      <header className="page-header">
        <div>
          <h1>Workflows</h1>
          <p className="page-subtitle">
            Automations that run when records change, on a schedule, from a button or a webhook: update records, create tasks, notify people, call other systems.
          </p>
        </div>
        <div className="page-actions">
          <a className="btn" href={href('/studio/runs')}>
            <Icon name="history" /> Runs
          </a>
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            <Icon name="plus" /> New workflow
          </button>
        </div>
      </header>

      <div className="table-wrap">
        <table className="data-table workflows-table" aria-label="Workflows">
          <thead>
            <tr>
              <th scope="col"><span className="th-plain">Workflow</span></th>
              <th scope="col"><span className="th-plain">Name</span></th>
              <th scope="col"><span className="th-plain">Trigger</span></th>
              <th scope="col" className="num"><span className="th-plain">Steps</span></th>
              <th scope="col"><span className="th-plain">Active</span></th>
              <th scope="col"><span className="th-plain">Status</span></th>
              <th scope="col" className="actions-col"><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {workflows.map(([name, def]) => {
              const s = status(name);
              const count = counts[name] ?? 0;
              const label = def.label || name;
              return (
                <tr key={name} className="clickable" onClick={() => navigate(`/studio/workflows/${name}`)}>
                  <td>
                    <a className="row-link" href={href(`/studio/workflows/${name}`)} onClick={(e) => e.stopPropagation()}>
                      {label}
                    </a>
                    {def.description && <p className="muted small workflow-description">{def.description}</p>}
                  </td>
                  <td><code>{name}</code></td>
                  <td className="workflow-trigger-cell">
                    {triggerSummary(draft, def.trigger)}
                    {def.timing === 'beforeSave' && <span className="badge workflow-timing-badge">Before save</span>}
                  </td>
                  <td className="num">{stepCount(def)}</td>
                  <td onClick={(e) => e.stopPropagation()}>
                    <label className="switch">
                      <input
                        type="checkbox"
                        role="switch"
                        aria-label={`Active: ${label}`}
                        checked={def.active !== false}
                        onChange={(e) => edit((d) => updateWorkflow(d, name, { active: e.target.checked }))}
                      />
                      <span className="switch-track" aria-hidden="true" />
                    </label>
                  </td>
                  <td>
                    <DraftStatusBadges status={s} problems={count} />
                  </td>
                  <td className="actions-col">
                    <button
                      type="button"
                      className="btn btn-icon btn-ghost"
                      aria-label={`Remove workflow ${label}`}
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
        {workflows.length === 0 && (
          <EmptyState title="No workflows yet" action={<button type="button" className="btn" onClick={() => setCreating(true)}>Create the first workflow</button>}>
            A workflow starts on a trigger (a record is created or changes, a date comes near, a schedule, a button, a webhook), checks an optional condition, then runs its steps.
          </EmptyState>
        )}
      </div>
      <p className="muted small">Switching a workflow on or off changes the draft: it takes effect when you publish.</p>

      <NewWorkflowDialog open={creating} onClose={() => setCreating(false)} />
      {removing && draft.workflows?.[removing] && (
        <ConfirmDialog
          open
          title={`Remove workflow “${draft.workflows[removing].label || removing}”?`}
          confirmLabel="Remove workflow"
          danger
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            edit((d) => removeWorkflow(d, removing));
            setRemoving(null);
          }}
        >
          <p>When you publish, it stops starting new runs. Runs already started finish on the version they started with; their history is kept.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
