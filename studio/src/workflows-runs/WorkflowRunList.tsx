/**
 * A table of workflow runs, newest first: when, workflow, trigger, record, status (with the error of a failed
 * run in full), attempts and duration, each linking to its run page. Filtered by any of workflow, entity, record
 * and status; used by the runs page, the workflow editor's runs tab and the record page. People who manage the
 * metadata get "Retry" / "Cancel run" on the rows that allow them.
 */
import type { WorkflowRun, WorkflowRunStatus } from '../api/workflows-api.js';
import { useMetadata } from '../app/metadata-context.js';
import { href } from '../app/router.js';
import { useSession } from '../auth/session-context.js';
import { useDateTime } from '../lib/use-date-time.js';
import { EmptyState, ErrorBanner, Spinner } from '../ui/Feedback.js';
import { RunActions } from './RunActions.js';
import { RunStatusChip } from './RunStatusChip.js';
import { formatDuration, runDurationMs, runErrorText, runPath, stepLabel, triggerLabel } from './run-status.js';
import { useRunPages } from './use-run-pages.js';

export interface WorkflowRunListProps {
  workflow?: string;
  entity?: string;
  recordId?: string;
  status?: WorkflowRunStatus | WorkflowRunStatus[];
  /** Told after a run was retried or cancelled here (e.g. to refresh status counts). */
  onRunChanged?: (run: WorkflowRun) => void;
  /** What the empty list says. */
  emptyText?: string;
  /** Inside a card (the record page): a one-line empty text instead of the large empty state. */
  compact?: boolean;
  /** Look for new runs this often even when none is unfinished. */
  idlePollMs?: number;
}

export function WorkflowRunList({ workflow, entity, recordId, status, onRunChanged, emptyText, compact, idlePollMs }: WorkflowRunListProps) {
  const { me } = useSession();
  const { doc } = useMetadata();
  const formatDateTime = useDateTime();
  const statuses = status === undefined ? undefined : Array.isArray(status) ? status : [status];
  const pages = useRunPages({ workflow, entity, recordId, status: statuses }, idlePollMs);
  const showWorkflow = !workflow;
  const showRecord = !recordId;
  const changed = (run: WorkflowRun) => {
    pages.replace(run);
    onRunChanged?.(run);
  };

  if (pages.error && pages.runs.length === 0) {
    return (
      <ErrorBanner title="Cannot load the workflow runs" onRetry={pages.reload}>
        {pages.error.message}
      </ErrorBanner>
    );
  }
  if (pages.loading && pages.runs.length === 0) return <Spinner label="Loading runs" />;
  if (pages.runs.length === 0) {
    const text = emptyText ?? 'No workflow run matches.';
    return compact ? <p className="muted related-empty">{text}</p> : <EmptyState title="No runs">{text}</EmptyState>;
  }

  return (
    <div className="run-list">
      <div className="table-wrap">
        <table className="data-table run-table" aria-label="Workflow runs">
          <thead>
            <tr>
              <th scope="col">Started</th>
              {showWorkflow && <th scope="col">Workflow</th>}
              <th scope="col">Trigger</th>
              {showRecord && <th scope="col">Record</th>}
              <th scope="col">Status</th>
              <th scope="col" className="num">Attempts</th>
              <th scope="col" className="num">Duration</th>
              {me.manageMetadata && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {pages.runs.map((run) => (
              <tr key={run.id}>
                <td>
                  <a className="row-link" href={href(runPath(run.id))} title={`Run ${run.id}`}>
                    <time dateTime={run.createdAt}>{formatDateTime(run.createdAt)}</time>
                  </a>
                </td>
                {showWorkflow && (
                  <td>
                    {run.workflowLabel ?? run.workflow} <span className="muted small">v{run.version}</span>
                  </td>
                )}
                <td>{triggerLabel(run.triggerType)}</td>
                {showRecord && (
                  <td>
                    {run.entity && run.recordId ? (
                      <a className="ref-link" href={href(`/data/${run.entity}/${run.recordId}`)}>
                        {run.recordLabel ?? `${doc.entities[run.entity]?.label ?? run.entity} ${run.recordId.slice(0, 8)}`}
                      </a>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                )}
                <td className="run-status-cell">
                  <RunStatusChip status={run.status} />
                  {run.error && <p className="run-error-text">{runErrorText(run.error, run.error.stepKey && stepLabel(doc, run.workflow, run.error.stepKey))}</p>}
                </td>
                {/* Failed tries of the current step: 0 once a step succeeds, so a finished run shows none. */}
                <td className="num">{run.attempts || <span className="muted">—</span>}</td>
                <td className="num">{formatDuration(runDurationMs(run)) || <span className="muted">—</span>}</td>
                {me.manageMetadata && (
                  <td className="actions-col run-actions-col">
                    <RunActions run={run} onChanged={changed} small />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages.moreError && <ErrorBanner onRetry={() => void pages.loadMore()}>{pages.moreError.message}</ErrorBanner>}
      {pages.hasMore && (
        <div className="pager">
          <button type="button" className="btn" disabled={pages.loadingMore} onClick={() => void pages.loadMore()}>
            {pages.loadingMore ? 'Loading…' : 'Load older runs'}
          </button>
        </div>
      )}
    </div>
  );
}
