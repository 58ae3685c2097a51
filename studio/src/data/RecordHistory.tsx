/** A record's history: a timeline of its creates and updates — who, when, from where, and each field's old → new value. */
import { useEffect, useState } from 'react';
import type { MetadataDocument } from '@trellis/metadata';
import { fetchRecordHistory, HISTORY_PAGE, type RecordChange } from '../api/audit-api.js';
import { recordsClient } from '../api/graphql-client.js';
import { buildRecordQuery, displayFieldOf, recordLabel } from '../api/record-queries.js';
import { useDirectory } from '../api/directory-api.js';
import { href } from '../app/router.js';
import { formatDateTime, relativeTime } from '../lib/format.js';
import { ErrorBanner, Spinner } from '../ui/Feedback.js';
import { describeHistoryEntry, type FieldChangeText, type RecordRef } from './history-format.js';

interface Props {
  doc: MetadataDocument;
  entityName: string;
  id: string;
}

export function RecordHistory({ doc, entityName, id }: Props) {
  const directory = useDirectory();
  const [entries, setEntries] = useState<RecordChange[]>([]);
  const [state, setState] = useState<{ loading: boolean; error?: Error; more: boolean }>({ loading: true, more: false });

  const load = async (before?: string) => {
    setState((s) => ({ ...s, loading: true, error: undefined }));
    try {
      const page = await fetchRecordHistory(entityName, id, before);
      setEntries((e) => (before ? [...e, ...page] : page));
      setState({ loading: false, more: page.length === HISTORY_PAGE });
    } catch (error) {
      setState((s) => ({ ...s, loading: false, error: error as Error }));
    }
  };
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [entityName, id]);

  const names = directory ? { user: directory.userName, team: directory.teamName } : undefined;
  const items = entries.map((e) => describeHistoryEntry(doc, entityName, e, names));

  return (
    <section className="card record-history" id="record-history" aria-labelledby="record-history-title">
      <header className="related-header">
        <h2 id="record-history-title">History</h2>
      </header>
      {state.error && (
        <ErrorBanner title="Cannot load the history" onRetry={() => void load()}>
          {state.error.message}
        </ErrorBanner>
      )}
      {!state.loading && !state.error && items.length === 0 && <p className="muted related-empty">No changes recorded yet.</p>}
      {items.length > 0 && (
        <ol className="timeline" aria-label="Changes, newest first">
          {items.map((item) => (
            <li key={item.id} className={`timeline-item timeline-${item.title.toLowerCase()}`}>
              <span className="timeline-dot" aria-hidden="true" />
              <div className="timeline-head">
                <strong>{item.title}</strong> by <span className="timeline-who">{item.who}</span> <span className="muted">{item.source}</span>
                <time className="timeline-when muted" dateTime={item.at} title={formatDateTime(item.at)}>
                  {relativeTime(item.at)}
                </time>
              </div>
              {item.changes.length > 0 && (
                <dl className="timeline-changes">
                  {item.changes.map((c) => (
                    <div key={c.field} className="timeline-change">
                      <dt>{c.label}</dt>
                      <dd>
                        <ChangeValues doc={doc} change={c} created={item.action === 'create'} />
                      </dd>
                    </div>
                  ))}
                </dl>
              )}
            </li>
          ))}
        </ol>
      )}
      {state.loading && <Spinner label="Loading the history" />}
      {state.more && !state.loading && (
        <button type="button" className="btn btn-small" onClick={() => void load(entries[entries.length - 1]?.id)}>
          Show older changes
        </button>
      )}
    </section>
  );
}

function ChangeValues({ doc, change, created }: { doc: MetadataDocument; change: FieldChangeText; created: boolean }) {
  const to = change.to || change.toRef ? <Value doc={doc} text={change.to} target={change.toRef} /> : <span className="muted">empty</span>;
  // A new record has no "before": its values alone say it.
  if (created) return to;
  return (
    <>
      {change.from || change.fromRef ? <Value doc={doc} text={change.from} target={change.fromRef} old /> : <span className="muted">empty</span>}
      <span className="timeline-arrow" aria-label="changed to">
        →
      </span>
      {to}
    </>
  );
}

/** Labels of linked records already looked up, by `entity/id`: history often names the same company again. */
const refLabels = new Map<string, Promise<string | null>>();

function lookUp(doc: MetadataDocument, target: RecordRef): Promise<string | null> {
  const key = `${target.entity}/${target.id}`;
  let label = refLabels.get(key);
  if (!label) {
    const display = displayFieldOf(doc.entities[target.entity]);
    const op = buildRecordQuery(doc, target.entity, display ? [display] : [], target.id);
    label = recordsClient
      .request<Record<string, Record<string, unknown> | null>>(op.query, op.variables)
      .then((data) => (data[target.entity] ? recordLabel(doc, target.entity, data[target.entity]) : null))
      .catch(() => null);
    refLabels.set(key, label);
  }
  return label;
}

function Value({ doc, text, target, old }: { doc: MetadataDocument; text: string; target?: RecordRef; old?: boolean }) {
  const className = old ? 'timeline-old' : 'timeline-new';
  const [label, setLabel] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    if (target && doc.entities[target.entity]) void lookUp(doc, target).then((l) => live && setLabel(l));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc, target?.entity, target?.id]);
  if (target) {
    return (
      <a className={className} href={href(`/data/${target.entity}/${target.id}`)}>
        {label ?? text}
      </a>
    );
  }
  return <span className={className}>{text}</span>;
}
