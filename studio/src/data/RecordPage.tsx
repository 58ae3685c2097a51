/** One record: its form (create or edit), delete, and its related lists. */
import { useState } from 'react';
import { withDefaultValues, type FieldError } from '@trellis/runtime';
import { useMetadata } from '../app/metadata-context.js';
import { href, navigate, useBeforeUnload } from '../app/router.js';
import { GraphQLRequestError, recordsClient } from '../api/graphql-client.js';
import {
  buildCreateMutation,
  buildDeleteMutation,
  buildRecordQuery,
  buildUpdateMutation,
  displayFieldOf,
  fromRecordNode,
  readOnlyFields,
  recordLabel,
  toRecordInput,
  writableFields,
} from '../api/record-queries.js';
import { formatDateTime } from '../lib/format.js';
import { useAsync } from '../lib/use-async.js';
import { ConfirmDialog } from '../ui/Dialog.js';
import { ErrorBanner, EmptyState, Spinner } from '../ui/Feedback.js';
import { Icon } from '../ui/Icon.js';
import { useToast } from '../ui/Toast.js';
import { ReadOnlyFields } from './ReadOnlyFields.js';
import { RecordForm, type Values } from './RecordForm.js';
import { RelatedLists } from './RelatedLists.js';

interface Props {
  entityName: string;
  /** Absent for a new record. */
  id?: string;
  /** `?company=<id>` prefills fields of a new record (from a related list's "New" link). */
  prefill?: URLSearchParams;
}

interface Loaded {
  values: Values;
  labels: Record<string, string>;
  node: Record<string, unknown> | null;
}

export function RecordPage({ entityName, id, prefill }: Props) {
  const { doc } = useMetadata();
  const entity = doc.entities[entityName];
  const toast = useToast();
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const [title, setTitle] = useState<string | null>(null);
  /** The record as last saved here, so "Discard changes" goes back to it rather than to the first load. */
  const [baseline, setBaseline] = useState<Loaded | null>(null);
  useBeforeUnload(dirty);

  const fields = writableFields(entity);
  const display = displayFieldOf(entity);
  // Read-only values (auto-numbers) are fetched to be shown; toRecordInput never sends them.
  const selected = [...new Set([...fields, ...readOnlyFields(entity), ...(display ? [display] : [])])];

  const loaded = useAsync<Loaded>(async () => {
    if (!id) {
      const values: Values = withDefaultValues(doc, entityName, {});
      prefill?.forEach((v, k) => {
        const field = entity.fields[k];
        if (field) values[k] = field.type === 'relation' && field.cardinality === 'manyToMany' ? [v] : v;
      });
      return { values, labels: {}, node: null };
    }
    const op = buildRecordQuery(doc, entityName, selected, id);
    const data = await recordsClient.request<Record<string, Record<string, unknown> | null>>(op.query, op.variables);
    const node = data[entityName];
    if (!node) return { values: {}, labels: {}, node: null };
    const { values, labels } = fromRecordNode(doc, entityName, node);
    return { values, labels, node };
  }, [doc, entityName, id]);

  const save = async (values: Values): Promise<FieldError[] | void> => {
    setSaving(true);
    try {
      const data = toRecordInput(doc, entityName, values);
      const returned = ['createdAt', 'updatedAt', ...selected];
      const op = id ? buildUpdateMutation(doc, entityName, returned, id, data) : buildCreateMutation(doc, entityName, returned, data);
      const result = await recordsClient.request<Record<string, Record<string, unknown>>>(op.query, op.variables);
      const saved = Object.values(result)[0];
      toast('Saved');
      setDirty(false);
      setTitle(recordLabel(doc, entityName, saved));
      if (id) setBaseline({ ...fromRecordNode(doc, entityName, saved), node: { ...(baseline ?? loaded.data)?.node, ...saved } });
      if (!id) navigate(`/data/${entityName}/${String(saved.id)}`, { replace: true });
    } catch (e) {
      if (e instanceof GraphQLRequestError && e.code === 'VALIDATION_FAILED' && e.fieldErrors.length) {
        return e.fieldErrors.map((f) => ({ field: f.field, message: f.message, rule: f.rule }));
      }
      return [{ field: '_', message: `Could not save: ${(e as Error).message}` }];
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!id) return;
    setDeleting(true);
    try {
      const op = buildDeleteMutation(doc, entityName, id);
      await recordsClient.request(op.query, op.variables);
      toast(`${entity.label} deleted`);
      setDirty(false);
      navigate(`/data/${entityName}`);
    } catch (e) {
      toast(`Could not delete: ${(e as Error).message}`, 'error');
    } finally {
      setDeleting(false);
      setConfirmDelete(false);
    }
  };

  const listHref = href(`/data/${entityName}`);
  const data = baseline ?? loaded.data;
  const node = data?.node;
  const heading = id ? title ?? (node ? recordLabel(doc, entityName, node) : '') : `New ${entity.label.toLowerCase()}`;

  return (
    <div className="page">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <a href={listHref}>{entity.pluralLabel}</a>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{heading || '…'}</span>
      </nav>
      <header className="page-header">
        <div>
          <h1>{heading || ' '}</h1>
          {node && (
            <p className="page-subtitle">
              Created {formatDateTime(String(node.createdAt))} · Updated {formatDateTime(String(node.updatedAt))}
            </p>
          )}
          {node && <ReadOnlyFields doc={doc} entityName={entityName} node={node} />}
        </div>
      </header>

      {loaded.loading && !data && <Spinner />}
      {loaded.error && (
        <ErrorBanner title={`Cannot load this ${entity.label.toLowerCase()}`} onRetry={loaded.reload}>
          {loaded.error.message}
        </ErrorBanner>
      )}
      {id && data && !data.node && (
        <EmptyState title={`${entity.label} not found`} action={<a className="btn" href={listHref}>Back to {entity.pluralLabel.toLowerCase()}</a>}>
          It may have been deleted.
        </EmptyState>
      )}
      {data && (!id || data.node) && (
        <div className="card">
          <RecordForm
            key={`${formKey}/${id ?? 'new'}`}
            doc={doc}
            entityName={entityName}
            mode={id ? 'update' : 'create'}
            initialValues={data.values}
            initialLabels={data.labels}
            onSave={save}
            onDirtyChange={setDirty}
            saving={saving}
            actions={
              <>
                <a className="btn" href={listHref}>
                  {id ? 'Back' : 'Cancel'}
                </a>
                {id && dirty && (
                  <button type="button" className="btn btn-ghost" onClick={() => { setFormKey((k) => k + 1); setDirty(false); }}>
                    Discard changes
                  </button>
                )}
                <span className="spacer" />
                {id && (
                  <button type="button" className="btn btn-danger-ghost" onClick={() => setConfirmDelete(true)}>
                    <Icon name="trash" /> Delete
                  </button>
                )}
              </>
            }
          />
        </div>
      )}

      {id && data?.node && <RelatedLists doc={doc} entityName={entityName} id={id} />}

      <ConfirmDialog
        open={confirmDelete}
        title={`Delete this ${entity.label.toLowerCase()}?`}
        confirmLabel="Delete"
        danger
        busy={deleting}
        onConfirm={() => void remove()}
        onCancel={() => setConfirmDelete(false)}
      >
        <p>
          “{heading}” will be deleted. This cannot be undone.
        </p>
      </ConfirmDialog>
    </div>
  );
}
