/**
 * One workflow run: its trigger, version, record, timing and status (a failed run's error in full), then every
 * step it executed with input, output, duration and error. Refreshes itself while the run is unfinished.
 */
import type { ReactNode } from 'react';
import { fetchWorkflowRun, type WorkflowRunDetail } from '../api/workflows-api.js';
import { useMetadata } from '../app/metadata-context.js';
import { href } from '../app/router.js';
import { useSession } from '../auth/session-context.js';
import { useDateTime } from '../lib/use-date-time.js';
import { useAsync } from '../lib/use-async.js';
import { usePoll } from '../lib/use-poll.js';
import { EmptyState, ErrorBanner, Spinner } from '../ui/Feedback.js';
import { RunActions } from './RunActions.js';
import { RunStatusChip } from './RunStatusChip.js';
import { useDirectory } from '../api/directory-api.js';
import { formatDuration, isUnfinished, runActorText, runDurationMs, statusText, stepLabel, triggerLabel } from './run-status.js';
import { StepRunList } from './StepRunList.js';

export const RUN_REFRESH_MS = 2000;

export function WorkflowRunPage({ id }: { id: string }) {
  const { me } = useSession();
  const run = useAsync(() => fetchWorkflowRun(id), [id]);
  usePoll(run.reload, run.data && isUnfinished(run.data.status) ? RUN_REFRESH_MS : null);
  const data = run.data;

  return (
    <div className="page page-wide">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        {me.manageMetadata ? <a href={href('/studio/runs')}>Workflow runs</a> : <span>Workflow runs</span>}
        <span aria-hidden="true">/</span>
        <span aria-current="page">{data ? (data.workflowLabel ?? data.workflow) : '…'}</span>
      </nav>
      {run.error && (
        <ErrorBanner title="Cannot load this run" onRetry={run.reload}>
          {run.error.message}
        </ErrorBanner>
      )}
      {run.loading && run.data === undefined && <Spinner label="Loading the run" />}
      {data === null && (
        <EmptyState title="Run not found">It may have been removed by the retention setting, or you may not be allowed to see it.</EmptyState>
      )}
      {data && <RunView run={data} onChanged={run.reload} manage={me.manageMetadata} />}
    </div>
  );
}

function RunView({ run, onChanged, manage }: { run: WorkflowRunDetail; onChanged: () => void; manage: boolean }) {
  const { doc } = useMetadata();
  const directory = useDirectory();
  const duration = runDurationMs(run);
  const title = run.workflowLabel ?? run.workflow;
  // The failed step as the run's own version labels it (its step rows), else as the current document does.
  const failedStep = run.error?.stepKey
    ? (run.steps.find((s) => s.key === run.error!.stepKey)?.label ?? stepLabel(doc, run.workflow, run.error.stepKey))
    : undefined;
  const actor = !run.actor
    ? undefined
    : !directory && run.actor.startsWith('user:')
      ? '…'
      : runActorText(run.actor, { user: (id) => directory?.userName(id), workflow: (name) => doc.workflows?.[name]?.label });
  return (
    <>
      <header className="page-header">
        <div>
          <h1>
            Run of “{title}” <RunStatusChip status={run.status} />
          </h1>
          <p className="page-subtitle">{statusText(run.status).hint}</p>
        </div>
        {manage && <RunActions run={run} onChanged={onChanged} />}
      </header>
      {run.error && (
        <div className="banner banner-error run-error" role="alert">
          <div className="banner-text">
            <strong>
              {failedStep ? `Step “${failedStep}” failed` : 'The run failed'}
              {run.error.code && <code className="run-error-code"> {run.error.code}</code>}
            </strong>
            <p className="run-error-text">{run.error.message}</p>
          </div>
        </div>
      )}
      <section className="card" aria-labelledby="run-details-title">
        <h2 className="card-title" id="run-details-title">
          Details
        </h2>
        <dl className="run-details">
          <Item term="Workflow">
            {manage ? <a href={href(`/studio/workflows/${encodeURIComponent(run.workflow)}`)}>{title}</a> : title} <span className="muted">({run.workflow})</span>
          </Item>
          <Item term="Version">{run.version}</Item>
          <Item term="Trigger">{triggerLabel(run.triggerType)}</Item>
          {run.entity && (
            <Item term="Record">
              {run.recordId ? (
                <a href={href(`/data/${run.entity}/${run.recordId}`)}>
                  {doc.entities[run.entity]?.label ?? run.entity} {run.recordLabel ? `“${run.recordLabel}”` : run.recordId}
                </a>
              ) : (
                doc.entities[run.entity]?.label ?? run.entity
              )}
            </Item>
          )}
          <Item term="Created">
            <Time value={run.createdAt} />
          </Item>
          <Item term="Started">{run.startedAt ? <Time value={run.startedAt} /> : <span className="muted">Not yet</span>}</Item>
          <Item term="Finished">{run.finishedAt ? <Time value={run.finishedAt} /> : <span className="muted">Not yet</span>}</Item>
          {duration != null && <Item term="Duration">{formatDuration(duration)}</Item>}
          {run.runAt && isUnfinished(run.status) && (
            <Item term={run.status === 'waiting' ? 'Resumes at' : 'Runs at'}>
              <Time value={run.runAt} />
            </Item>
          )}
          {run.attempts > 0 && <Item term="Failed tries">{run.attempts}</Item>}
          <Item term="Depth">{run.depth}</Item>
          {run.actor && (
            <Item term="Caused by">
              <span title={run.actor}>{actor}</span>
            </Item>
          )}
          <Item term="Run id">
            <code>{run.id}</code>
          </Item>
        </dl>
      </section>
      <section className="stack" aria-labelledby="run-steps-title">
        <h2 id="run-steps-title">Steps</h2>
        <StepRunList steps={run.steps} />
      </section>
    </>
  );
}

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="run-detail">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Time({ value }: { value: string }) {
  const formatDateTime = useDateTime();
  return <time dateTime={value}>{formatDateTime(value)}</time>;
}
