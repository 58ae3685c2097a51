/** Studio: published versions with author, time, message, changes and plan; restore an earlier one. */
import { useState } from 'react';
import { useDraft } from '../app/draft-context.js';
import { useMetadata } from '../app/metadata-context.js';
import { navigate } from '../app/router.js';
import { fetchMetadataVersions, type MetadataVersion } from '../api/metadata-api.js';
import { formatDateTime, relativeTime } from '../lib/format.js';
import { useAsync } from '../lib/use-async.js';
import { ConfirmDialog } from '../ui/Dialog.js';
import { EmptyState, ErrorBanner, Spinner } from '../ui/Feedback.js';
import { Icon } from '../ui/Icon.js';
import { withoutRenameMarkers } from './doc-edits.js';
import { describeChanges, planSteps } from './describe-changes.js';
import { PlanSteps } from './PlanSteps.js';

export function HistoryPage() {
  const { version } = useMetadata();
  const { dirty, replace } = useDraft();
  const versions = useAsync(() => fetchMetadataVersions(50), [version]);
  const [restoring, setRestoring] = useState<MetadataVersion | null>(null);

  const restore = (v: MetadataVersion) => {
    replace(withoutRenameMarkers(v.document), version);
    setRestoring(null);
    navigate('/studio/publish');
  };

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>History</h1>
          <p className="page-subtitle">Every published version of the metadata, newest first.</p>
        </div>
      </header>
      {versions.loading && !versions.data && <Spinner label="Loading versions" />}
      {versions.error && (
        <ErrorBanner title="Cannot load the history" onRetry={versions.reload}>
          {versions.error.message}
        </ErrorBanner>
      )}
      {versions.data && versions.data.length === 0 && <EmptyState title="Nothing published yet" />}
      <ol className="versions" aria-label="Versions">
        {versions.data?.map((v) => {
          const changes = describeChanges(v.changes);
          const steps = planSteps(v.plan);
          const current = v.version === version;
          return (
            <li key={v.version} className="card version-card" aria-labelledby={`version-${v.version}`}>
              <header className="version-header">
                <h2 id={`version-${v.version}`}>Version {v.version}</h2>
                {current && <span className="badge badge-green">Current</span>}
                {steps.some((s) => s.destructive) && <span className="badge badge-red">Destructive</span>}
                <span className="muted small version-meta">
                  <span title={v.author}>{v.authorName ?? v.author}</span> · <time dateTime={v.createdAt} title={formatDateTime(v.createdAt)}>{relativeTime(v.createdAt)}</time>
                </span>
                <span className="spacer" />
                {!current && v.version > 0 && (
                  <button type="button" className="btn btn-small" onClick={() => (dirty ? setRestoring(v) : restore(v))}>
                    <Icon name="restore" /> Restore this version
                  </button>
                )}
              </header>
              <p className={v.message ? 'version-message' : 'version-message muted'}>{v.message || 'No message'}</p>
              {changes.length > 0 && (
                <ul className="change-list">
                  {changes.slice(0, 8).map((c, i) => (
                    <li key={i}>{c}</li>
                  ))}
                  {changes.length > 8 && (
                    <li>
                      <details>
                        <summary>{changes.length - 8} more changes</summary>
                        <ul className="change-list">
                          {changes.slice(8).map((c, i) => (
                            <li key={i}>{c}</li>
                          ))}
                        </ul>
                      </details>
                    </li>
                  )}
                </ul>
              )}
              {steps.length > 0 && (
                <details className="version-plan">
                  <summary>
                    Plan: {steps.length} step{steps.length === 1 ? '' : 's'}
                  </summary>
                  <PlanSteps steps={steps} label={`Plan of version ${v.version}`} />
                </details>
              )}
            </li>
          );
        })}
      </ol>
      <ConfirmDialog
        open={!!restoring}
        title={`Restore version ${restoring?.version}?`}
        confirmLabel="Replace draft and preview"
        onCancel={() => setRestoring(null)}
        onConfirm={() => restoring && restore(restoring)}
      >
        <p>Your unpublished draft is replaced by version {restoring?.version}. You review the plan before anything is published.</p>
      </ConfirmDialog>
    </div>
  );
}
