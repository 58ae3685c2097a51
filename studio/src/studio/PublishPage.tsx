/** Studio: preview the draft's migration plan and publish it as a new version. */
import { useEffect, useState } from 'react';
import { useDraft } from '../app/draft-context.js';
import { useMetadata } from '../app/metadata-context.js';
import { href } from '../app/router.js';
import { GraphQLRequestError } from '../api/graphql-client.js';
import { previewMetadata, publishMetadata, type MetadataVersion } from '../api/metadata-api.js';
import { useAsync } from '../lib/use-async.js';
import { EmptyState, ErrorBanner, Spinner } from '../ui/Feedback.js';
import { Icon } from '../ui/Icon.js';
import { useToast } from '../ui/Toast.js';
import { describeChanges } from './describe-changes.js';
import { PlanSteps } from './PlanSteps.js';
import { parseProblemPath } from './problem-paths.js';
import { parseRoleProblemPath } from './roles/role-problems.js';
import { SuspendedBanner } from '../app/SuspendedNotice.js';

type Failure =
  | { kind: 'conflict'; version: number | null }
  | { kind: 'migration'; step?: string; message: string }
  | { kind: 'invalid'; problems: { path: string; message: string }[] }
  | { kind: 'other'; message: string };

export function PublishPage() {
  const { draft, dirty, baseVersion, replace, discard } = useDraft();
  const { version, adopt, reload } = useMetadata();
  const toast = useToast();
  const [message, setMessage] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [published, setPublished] = useState<MetadataVersion | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  const preview = useAsync(async () => (dirty ? previewMetadata(draft) : null), [draft, dirty]);
  const plan = preview.data;

  const publish = async () => {
    if (!plan) return;
    setPublishing(true);
    setFailure(null);
    try {
      const result = await publishMetadata(draft, message.trim() || undefined, baseVersion);
      adopt(result);
      discard();
      setPublished(result);
      setMessage('');
      setUnderstood(false);
      toast(`Published version ${result.version}`);
    } catch (e) {
      if (e instanceof GraphQLRequestError && e.code === 'VERSION_CONFLICT') {
        const latest = await reload();
        setFailure({ kind: 'conflict', version: latest?.version ?? null });
      } else if (e instanceof GraphQLRequestError && e.code === 'MIGRATION_FAILED') {
        setFailure({ kind: 'migration', step: e.step, message: e.message });
      } else if (e instanceof GraphQLRequestError && e.code === 'METADATA_INVALID') {
        setFailure({ kind: 'invalid', problems: e.problems });
      } else {
        setFailure({ kind: 'other', message: (e as Error).message });
      }
    } finally {
      setPublishing(false);
    }
  };

  // Someone else published since the app loaded: pick up their version (navigation, lists) right away.
  useEffect(() => {
    if (plan && plan.baseVersion > version) void reload();
  }, [plan, version, reload]);

  const changes = plan ? describeChanges(plan.changes) : [];
  const stale = plan && plan.baseVersion !== baseVersion;
  const canPublish = !!plan && plan.valid && (!plan.destructive || understood) && !publishing && !stale;

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Publish</h1>
          <p className="page-subtitle">Review what the draft changes in the database, then publish it as a new version.</p>
        </div>
      </header>
      <SuspendedBanner />

      {published && (
        <div className="banner banner-success" role="status">
          <Icon name="check" />
          <div className="banner-text">
            <strong>Published version {published.version}.</strong> Lists, forms and the API use it now.
          </div>
        </div>
      )}

      {failure && <FailureBanner failure={failure} onReload={() => { discard(); setFailure(null); }} onRebase={(v) => { replace(draft, v); setFailure(null); preview.reload(); }} />}

      {!dirty && !published && (
        <EmptyState title="Nothing to publish" action={<a className="btn" href={href('/studio/entities')}>Open the entity designer</a>}>
          The draft has no changes against published version {version}.
        </EmptyState>
      )}

      {dirty && preview.loading && !plan && <Spinner label="Computing the migration plan" />}
      {dirty && preview.error && (
        <ErrorBanner title="Cannot preview the draft" onRetry={preview.reload}>
          {preview.error.message}
        </ErrorBanner>
      )}

      {dirty && plan && (
        <div className={preview.loading ? 'stack loading' : 'stack'}>
          {stale && !failure && (
            <div className="banner banner-warning" role="alert">
              <Icon name="warning" />
              <div className="banner-text">
                Someone published version {plan.baseVersion} meanwhile; your draft is based on version {baseVersion}. The plan below is against version{' '}
                {plan.baseVersion}: check it, then continue.
              </div>
              <button type="button" className="btn btn-small" onClick={() => replace(draft, plan.baseVersion)}>
                Review against version {plan.baseVersion}
              </button>
              <button type="button" className="btn btn-small" onClick={discard}>
                Reload draft
              </button>
            </div>
          )}

          {!plan.valid && (
            <section className="card card-danger" aria-labelledby="problems-title">
              <h2 id="problems-title" className="card-title">
                <Icon name="warning" /> {plan.problems.length} problem{plan.problems.length === 1 ? '' : 's'} to fix before publishing
              </h2>
              <ul className="problem-list">
                {plan.problems.map((p, i) => {
                  const loc = parseProblemPath(p.path);
                  const role = parseRoleProblemPath(p.path)?.role;
                  const to = loc.entity ? `/studio/entities/${loc.entity}` : role ? `/studio/roles/${role}` : null;
                  return (
                    <li key={i}>
                      {to ? (
                        <a href={href(to)}>
                          <code>{p.path}</code>
                        </a>
                      ) : (
                        <code>{p.path || '/'}</code>
                      )}{' '}
                      {p.message}
                    </li>
                  );
                })}
              </ul>
            </section>
          )}

          <section className="card" aria-labelledby="changes-title">
            <h2 id="changes-title" className="card-title">
              Changes
            </h2>
            {changes.length ? (
              <ul className="change-list">
                {changes.map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
              </ul>
            ) : (
              <p className="muted">No changes.</p>
            )}
          </section>

          <section className="card" aria-labelledby="plan-title">
            <h2 id="plan-title" className="card-title">
              Migration plan <span className="count">{plan.steps.length} step{plan.steps.length === 1 ? '' : 's'}</span>
            </h2>
            <PlanSteps steps={plan.steps} />
          </section>

          <section className="card stack publish-box" aria-labelledby="publish-title">
            <h2 id="publish-title" className="card-title">
              Publish version {plan.baseVersion + 1}
            </h2>
            {plan.destructive && (
              <label className="check danger-check">
                <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />
                <span>I understand this hides data</span>
              </label>
            )}
            <div className="field">
              <label className="field-label" htmlFor="publish-message">
                Publish message
              </label>
              <input
                id="publish-message"
                className="input"
                value={message}
                placeholder="What changed and why (optional)"
                onChange={(e) => setMessage(e.target.value)}
              />
            </div>
            <div className="form-actions">
              <button type="button" className={plan.destructive ? 'btn btn-danger' : 'btn btn-primary'} disabled={!canPublish} onClick={() => void publish()}>
                {publishing ? 'Publishing…' : 'Publish'}
              </button>
              {!plan.valid && <span className="muted small">Fix the problems above to publish.</span>}
              {plan.valid && plan.destructive && !understood && <span className="muted small">Confirm the destructive steps to publish.</span>}
            </div>
          </section>
        </div>
      )}
    </div>
  );
}

function FailureBanner({ failure, onReload, onRebase }: { failure: Failure; onReload: () => void; onRebase: (version: number) => void }) {
  if (failure.kind === 'conflict') {
    return (
      <div className="banner banner-error" role="alert">
        <Icon name="warning" />
        <div className="banner-text">
          <strong>Someone published version {failure.version ?? 'a newer version'} meanwhile — reload draft.</strong>
          <div>Reloading drops your draft and starts from the new version. Or review your draft against the new version and publish it over it.</div>
        </div>
        <button type="button" className="btn btn-small" onClick={onReload}>
          Reload draft
        </button>
        {failure.version !== null && (
          <button type="button" className="btn btn-small" onClick={() => onRebase(failure.version!)}>
            Review against version {failure.version}
          </button>
        )}
      </div>
    );
  }
  if (failure.kind === 'migration') {
    return (
      <ErrorBanner title="The migration failed; nothing was changed">
        {failure.step && (
          <p>
            Failed step: <strong>{failure.step}</strong>
          </p>
        )}
        <p>{failure.message}</p>
      </ErrorBanner>
    );
  }
  if (failure.kind === 'invalid') {
    return (
      <ErrorBanner title="The server refused the document">
        <ul className="problem-list">
          {failure.problems.map((p, i) => (
            <li key={i}>
              <code>{p.path}</code> {p.message}
            </li>
          ))}
        </ul>
      </ErrorBanner>
    );
  }
  return <ErrorBanner title="Publishing failed">{failure.message}</ErrorBanner>;
}
