/**
 * Studio → Runs: every workflow run of the workspace, filtered by status (`?status=dead` is the dead-letter view:
 * failed runs with "Retry" and "Cancel run") and optionally by workflow (`?workflow=`), with a count per status.
 */
import { useState } from 'react';
import { fetchWorkflowRunCounts, RUN_STATUSES, type WorkflowRunStatus } from '../api/workflows-api.js';
import { AdminHeader } from '../admin/AdminHeader.js';
import { href, useRoute } from '../app/router.js';
import { useAsync } from '../lib/use-async.js';
import { Icon } from '../ui/Icon.js';
import { parseStatusFilter, statusText } from './run-status.js';
import { WorkflowRunList } from './WorkflowRunList.js';

export function WorkflowRunsPage() {
  const route = useRoute();
  const statuses = parseStatusFilter(route.query.get('status'));
  const workflow = route.query.get('workflow') || undefined;
  const counts = useAsync(() => fetchWorkflowRunCounts(workflow), [workflow]);
  const deadLetter = statuses.length === 1 && statuses[0] === 'dead';
  /** Bumped by "Refresh": the list loads again with the counts (a finished list does not poll). */
  const [refreshed, setRefreshed] = useState(0);
  const refresh = () => {
    counts.reload();
    setRefreshed((n) => n + 1);
  };

  const linkTo = (status?: WorkflowRunStatus) => {
    const query = new URLSearchParams();
    if (status) query.set('status', status);
    if (workflow) query.set('workflow', workflow);
    const qs = query.toString();
    return href(`/studio/runs${qs ? `?${qs}` : ''}`);
  };
  const current = statuses.length === 1 ? statuses[0] : statuses.length === 0 ? 'all' : null;
  const total = counts.data ? RUN_STATUSES.reduce((sum, s) => sum + counts.data![s], 0) : null;

  return (
    <div className="page page-wide">
      <AdminHeader
        title={deadLetter ? 'Failed runs' : 'Workflow runs'}
        subtitle={
          deadLetter
            ? 'The dead letter: runs that stopped after an error or their last retry. Fix the cause, then retry them — or cancel them.'
            : `Every run of ${workflow ? `the workflow “${workflow}”` : 'the workflows'}, newest first: trigger, version, status and each step.`
        }
        action={
          <button type="button" className="btn" onClick={refresh}>
            <Icon name="restore" /> Refresh
          </button>
        }
      />
      <nav className="tabs run-status-tabs" aria-label="Run status">
        <a className={current === 'all' ? 'tab active' : 'tab'} href={linkTo()} aria-current={current === 'all' ? 'page' : undefined}>
          All {total != null && <span className="count">{total}</span>}
        </a>
        {RUN_STATUSES.map((s) => (
          <a key={s} className={current === s ? 'tab active' : 'tab'} href={linkTo(s)} aria-current={current === s ? 'page' : undefined}>
            {statusText(s).label} {counts.data && <span className={s === 'dead' && counts.data.dead > 0 ? 'count run-count-dead' : 'count'}>{counts.data[s]}</span>}
          </a>
        ))}
      </nav>
      {counts.error && <p className="field-error">Cannot load the counts: {counts.error.message}</p>}
      <WorkflowRunList
        key={`${statuses.join()}|${workflow ?? ''}|${refreshed}`}
        workflow={workflow}
        status={statuses.length ? statuses : undefined}
        onRunChanged={counts.reload}
        emptyText={deadLetter ? 'No failed runs: nothing waits for a retry.' : 'No workflow has run yet.'}
      />
    </div>
  );
}
