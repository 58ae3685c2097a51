/**
 * Studio: one workflow of the draft, in three tabs — the editor (settings, trigger, condition, steps, test run),
 * its runs (history and dead letters), and its published versions with a diff. Edits go to the draft (undo/redo)
 * and are checked live; they take effect when the draft is published.
 */
import { useState } from 'react';
import { useDraft } from '../../app/draft-context.js';
import { useMetadata } from '../../app/metadata-context.js';
import { href, navigate } from '../../app/router.js';
import { ConfirmDialog } from '../../ui/Dialog.js';
import { EmptyState } from '../../ui/Feedback.js';
import { Icon } from '../../ui/Icon.js';
import { Tabs } from '../../ui/Tabs.js';
import { WorkflowRunList } from '../../workflows-runs/WorkflowRunList.js';
import { StudioToolbar } from '../StudioToolbar.js';
import { ActiveSwitch } from './ActiveSwitch.js';
import { VersionsTab } from './VersionsTab.js';
import { WorkflowDesigner } from './WorkflowDesigner.js';
import { removeWorkflow } from './workflow-edits.js';

const TABS = [
  { id: 'editor', label: 'Editor' },
  { id: 'runs', label: 'Runs' },
  { id: 'versions', label: 'Versions' },
] as const;

export function WorkflowEditor({ workflowName, tab }: { workflowName: string; tab: string }) {
  const { draft, edit } = useDraft();
  const { stored: published } = useMetadata();
  const def = draft.workflows?.[workflowName];
  const [removing, setRemoving] = useState(false);
  const current = TABS.some((t) => t.id === tab) ? tab : 'editor';

  if (!def) {
    return (
      <div className="page">
        <StudioToolbar />
        <EmptyState title="No such workflow in the draft" action={<a className="btn" href={href('/studio/workflows')}>All workflows</a>}>
          “{workflowName}” may have been removed, or the draft was discarded.
        </EmptyState>
      </div>
    );
  }

  const select = (id: string) => navigate(`/studio/workflows/${workflowName}${id === 'editor' ? '' : `?tab=${id}`}`, { replace: true });
  const label = def.label || workflowName;

  return (
    <div className="page page-wide workflow-page">
      <StudioToolbar />
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <a href={href('/studio/workflows')}>Workflows</a>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{label}</span>
      </nav>
      <header className="page-header">
        <div>
          <h1>
            {label} <code className="title-code">{workflowName}</code>
          </h1>
          {def.description && <p className="page-subtitle">{def.description}</p>}
        </div>
        <div className="page-actions workflow-header-actions">
          <ActiveSwitch name={workflowName} def={def} published={!!published.workflows?.[workflowName]} />
          <button type="button" className="btn btn-danger-ghost" onClick={() => setRemoving(true)}>
            <Icon name="trash" /> Delete workflow
          </button>
        </div>
      </header>

      <Tabs tabs={TABS} current={current} onSelect={select} label="Workflow" idPrefix="workflow-">
        {current === 'editor' && <WorkflowDesigner name={workflowName} />}
        {current === 'runs' &&
          (published.workflows?.[workflowName] ? (
            <WorkflowRunList workflow={workflowName} />
          ) : (
            <EmptyState title="Not published yet">This workflow runs once it is published (and active). Use “Test run” in the editor to try it without writing anything.</EmptyState>
          ))}
        {current === 'versions' && <VersionsTab name={workflowName} />}
      </Tabs>

      <ConfirmDialog
        open={removing}
        title={`Delete workflow “${label}”?`}
        confirmLabel="Delete workflow"
        danger
        onCancel={() => setRemoving(false)}
        onConfirm={() => {
          edit((d) => removeWorkflow(d, workflowName));
          setRemoving(false);
          navigate('/studio/workflows');
        }}
      >
        <p>When you publish, it stops starting new runs. Runs already started finish on their version; their history is kept.</p>
      </ConfirmDialog>
    </div>
  );
}
