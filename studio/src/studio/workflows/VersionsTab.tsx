/**
 * The published versions of a workflow (a new one each time a changed workflow is published; a run always
 * finishes on the version it started with), any two of them — or one and the draft — compared line by line,
 * and "Restore into draft".
 */
import { useState } from 'react';
import type { WorkflowDefinition } from '@trellis/metadata';
import { useDirectory } from '../../api/directory-api.js';
import { workflowVersions, type WorkflowVersion } from '../../api/workflows-api.js';
import { useDraft } from '../../app/draft-context.js';
import { useAsync } from '../../lib/use-async.js';
import { useDateTime } from '../../lib/use-date-time.js';
import { EmptyState, ErrorBanner, Spinner } from '../../ui/Feedback.js';
import { Icon } from '../../ui/Icon.js';
import { useToast } from '../../ui/Toast.js';
import { DiffView } from './DiffView.js';
import { setWorkflow } from './workflow-edits.js';

const DRAFT = -1;

export function VersionsTab({ name }: { name: string }) {
  const { draft, edit } = useDraft();
  const directory = useDirectory();
  const formatDateTime = useDateTime();
  const toast = useToast();
  const versions = useAsync(() => workflowVersions(name), [name]);
  const list = [...(versions.data ?? [])].sort((a, b) => b.version - a.version);
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);

  if (versions.loading && !versions.data) return <Spinner label="Loading versions" />;
  if (versions.error) return <ErrorBanner title="Could not load the versions" onRetry={versions.reload}>{versions.error.message}</ErrorBanner>;

  const definitionOf = (v: number): unknown => (v === DRAFT ? draft.workflows?.[name] : list.find((x) => x.version === v)?.definition);
  const toV = to ?? DRAFT;
  const fromV = from ?? list[0]?.version ?? null;
  const labelOf = (v: number) => (v === DRAFT ? 'Draft' : `Version ${v}`);
  const who = (v: WorkflowVersion) => (v.publishedBy ? (directory?.userName(v.publishedBy) ?? v.publishedBy) : '—');

  return (
    <div className="stack workflow-versions">
      {list.length === 0 ? (
        <EmptyState title="No published versions yet">A version is recorded each time the workflow is published with a change.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="data-table" aria-label="Versions">
            <thead>
              <tr>
                <th scope="col"><span className="th-plain">Version</span></th>
                <th scope="col"><span className="th-plain">Published</span></th>
                <th scope="col"><span className="th-plain">By</span></th>
                <th scope="col"><span className="th-plain">Metadata version</span></th>
                <th scope="col" className="center"><span className="th-plain">Compare from</span></th>
                <th scope="col" className="center"><span className="th-plain">Compare to</span></th>
                <th scope="col" className="actions-col"><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td><strong>Draft</strong></td>
                <td className="muted">Not published</td>
                <td />
                <td />
                <td className="center" />
                <td className="center">
                  <input type="radio" name={`to-${name}`} aria-label="Compare to draft" checked={toV === DRAFT} onChange={() => setTo(DRAFT)} />
                </td>
                <td className="actions-col" />
              </tr>
              {list.map((v) => (
                <tr key={v.version}>
                  <td>Version {v.version}</td>
                  <td>{formatDateTime(v.publishedAt)}</td>
                  <td>{who(v)}</td>
                  <td>{v.metadataVersion}</td>
                  <td className="center">
                    <input type="radio" name={`from-${name}`} aria-label={`Compare from version ${v.version}`} checked={fromV === v.version} onChange={() => setFrom(v.version)} />
                  </td>
                  <td className="center">
                    <input type="radio" name={`to-${name}`} aria-label={`Compare to version ${v.version}`} checked={toV === v.version} onChange={() => setTo(v.version)} />
                  </td>
                  <td className="actions-col">
                    <button
                      type="button"
                      className="btn btn-small"
                      aria-label={`Restore version ${v.version} into the draft`}
                      onClick={() => {
                        edit((d) => setWorkflow(d, name, v.definition as WorkflowDefinition));
                        toast(`Version ${v.version} is in the draft: publish to make it current`);
                      }}
                    >
                      <Icon name="restore" /> Restore
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {fromV !== null && (
        <section className="card" aria-label="Differences">
          <h2 className="card-title">
            {labelOf(fromV)} → {labelOf(toV)}
          </h2>
          <DiffView before={definitionOf(fromV)} after={definitionOf(toV)} beforeLabel={labelOf(fromV)} afterLabel={labelOf(toV)} />
        </section>
      )}
    </div>
  );
}
