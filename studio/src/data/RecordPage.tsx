/**
 * One record: its form (create or edit), owner and team, delete, sharing, its related lists, its tasks, its
 * manual workflow buttons and workflow runs, and its history.
 * What the person may do comes from their roles (the buttons follow it); whether they may change THIS record the
 * server decides, and its FORBIDDEN answer is shown in place.
 */
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { withDefaultValues, type FieldError } from '@trellis/runtime';
import { useMetadata } from '../app/metadata-context.js';
import { href, navigate, useBeforeUnload } from '../app/router.js';
import { GraphQLRequestError, recordsClient } from '../api/graphql-client.js';
import type { WorkflowButton, WorkflowRun } from '../api/workflows-api.js';
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
import { canRead, fieldAccessOf, lockedFields, recordRights, withoutLockedFields } from './access-document.js';
import { NoAccess } from './NoAccess.js';
import { forbiddenText } from './forbidden.js';
import { OwnershipFields, ownershipInput, type Ownership } from './OwnershipFields.js';
import { useAccess, useDataDocument } from './use-access.js';
import { inSentence } from './data-locale.js';
import { useDataLocale } from './use-data-locale.js';
import { afterSaveMayChangeRecord, entityHasWorkflows, RECHECK_AFTER_SAVE_MS } from './record-workflows.js';
import { RecordWorkflowButtons } from './RecordWorkflowButtons.js';
import { runPath } from '../workflows-runs/run-status.js';
import { SuspendedEntityNotice } from '../app/SuspendedNotice.js';

const RecordHistory = lazy(() => import('./RecordHistory.js').then((m) => ({ default: m.RecordHistory })));
const ShareDialog = lazy(() => import('./ShareDialog.js').then((m) => ({ default: m.ShareDialog })));
const RecordTasks = lazy(() => import('./RecordTasks.js').then((m) => ({ default: m.RecordTasks })));
const RecordRuns = lazy(() => import('./RecordRuns.js').then((m) => ({ default: m.RecordRuns })));

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

const NO_OWNERSHIP: Ownership = { owner: null, team: null };
const ownershipOf = (node: Record<string, unknown> | null | undefined): Ownership => ({
  owner: typeof node?.owner === 'string' ? node.owner : null,
  team: typeof node?.team === 'string' ? node.team : null,
});

export function RecordPage(props: Props) {
  const access = useAccess();
  if (!access.admin && !canRead(access, props.entityName)) return <NoAccess entityName={props.entityName} />;
  return <RecordView {...props} />;
}

/** Records just created on this page, by id → their `updatedAt`: the page that then shows them keeps watching. */
const createdHere = new Map<string, unknown>();

function RecordView({ entityName, id, prefill }: Props) {
  // Re-renders on publish; the full document says which workflows exist (the data document is the reader's view).
  const published = useMetadata().doc;
  // Fields hidden from this person are not in `doc`: never asked for, never shown.
  const { doc, access } = useDataDocument();
  const { locale } = useDataLocale();
  const entity = doc.entities[entityName];
  const mode = id ? 'update' : 'create';
  const rights = recordRights(access, entityName);
  const locked = useMemo(() => lockedFields(access, entityName, mode), [access, entityName, mode]);
  const ownerAccess = { owner: fieldAccessOf(access, entityName, 'owner'), team: fieldAccessOf(access, entityName, 'team') };
  const canSave = mode === 'create' ? rights.create : rights.update;
  const [ownership, setOwnership] = useState<Ownership | null>(null);
  const [sharing, setSharing] = useState(false);
  /** Bumped when a manual workflow started here: the runs panel loads again. */
  const [runsStarted, setRunsStarted] = useState(0);
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
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  const fields = writableFields(entity);
  const display = displayFieldOf(entity);
  // Read-only values (auto-numbers) are fetched to be shown; toRecordInput never sends them.
  const system = (['owner', 'team'] as const).filter((f) => ownerAccess[f] !== 'hidden');
  const selected = [...new Set([...fields, ...readOnlyFields(entity), ...(display ? [display] : []), ...system])];

  const readRecord = async (recordId: string): Promise<Loaded> => {
    const op = buildRecordQuery(doc, entityName, selected, recordId);
    const data = await recordsClient.request<Record<string, Record<string, unknown> | null>>(op.query, op.variables);
    const node = data[entityName];
    if (!node) return { values: {}, labels: {}, node: null };
    const { values, labels } = fromRecordNode(doc, entityName, node);
    return { values, labels, node };
  };

  const loaded = useAsync<Loaded>(async () => {
    if (!id) {
      const values: Values = withDefaultValues(doc, entityName, {});
      prefill?.forEach((v, k) => {
        const field = entity.fields[k];
        if (field) values[k] = field.type === 'relation' && field.cardinality === 'manyToMany' ? [v] : v;
      });
      return { values, labels: {}, node: null };
    }
    return readRecord(id);
  }, [doc, entityName, id]);

  /**
   * Shows what a workflow changed after the record was loaded or saved here (the form would otherwise keep the old
   * values, and saving it would undo the workflow's changes). Unsaved edits are kept; "Discard changes" then shows
   * them. Returns whether the record had changed.
   */
  const showWorkflowChanges = async (
    recordId: string,
    shownUpdatedAt: unknown,
    what: string,
    options: { link?: { label: string; href: string }; announce: boolean },
  ): Promise<boolean> => {
    const fresh = await readRecord(recordId).catch(() => null);
    if (!fresh?.node || String(fresh.node.updatedAt) === String(shownUpdatedAt)) return false;
    setBaseline(fresh);
    setTitle(recordLabel(doc, entityName, fresh.node));
    if (dirtyRef.current) toast(`${what} changed this ${inSentence(entity.label, locale)}: discard your changes to see its new values.`, 'info', options.link);
    else {
      setFormKey((k) => k + 1);
      // A button's run already said it started; a save's workflows ran unseen, so say why the values moved.
      if (options.announce) toast(`${what} updated this ${inSentence(entity.label, locale)}`, 'info', options.link);
    }
    return true;
  };

  /** A manual workflow started here stopped: show what it changed. */
  const runStopped = async (run: WorkflowRun, button: WorkflowButton) => {
    const link = { label: 'View run', href: href(runPath(run.id)) };
    if (run.status === 'dead') toast(`“${button.label}” failed${run.error ? `: ${run.error.message}` : ''}`, 'error', link);
    if (!id) return;
    await showWorkflowChanges(id, (baseline ?? loaded.data)?.node?.updatedAt, `“${button.label}”`, { link, announce: false });
  };

  // After a save that starts an after-save workflow changing this record, look again a few times (backing off).
  const recheck = useRef<{ id: string; updatedAt: unknown } | null>(null);
  const watchAfterSave = (recordId: string, updatedAt: unknown) => {
    recheck.current = { id: recordId, updatedAt };
    void (async () => {
      for (const delay of RECHECK_AFTER_SAVE_MS) {
        await new Promise((resolve) => setTimeout(resolve, delay));
        const watched = recheck.current;
        if (!watched || watched.id !== recordId || watched.updatedAt !== updatedAt) return; // saved again, or left
        if (await showWorkflowChanges(recordId, updatedAt, 'A workflow', { announce: true })) return;
      }
    })();
  };
  useEffect(() => {
    // A record created here is saved before this page shows it: its workflows may still change it.
    const created = id ? createdHere.get(id) : undefined;
    if (id && created !== undefined && loaded.data?.node) {
      createdHere.delete(id);
      watchAfterSave(id, created);
    }
    return () => {
      recheck.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, loaded.data]);

  const save = async (values: Values): Promise<FieldError[] | void> => {
    setSaving(true);
    try {
      const initialOwnership = ownershipOf((baseline ?? loaded.data)?.node);
      const data = {
        ...withoutLockedFields(toRecordInput(doc, entityName, values), locked),
        ...ownershipInput(ownership ?? initialOwnership, initialOwnership, ownerAccess, mode),
      };
      const returned = ['createdAt', 'updatedAt', ...selected];
      const op = id ? buildUpdateMutation(doc, entityName, returned, id, data) : buildCreateMutation(doc, entityName, returned, data);
      const result = await recordsClient.request<Record<string, Record<string, unknown>>>(op.query, op.variables);
      const saved = Object.values(result)[0];
      toast('Saved');
      setDirty(false);
      setOwnership(null);
      setTitle(recordLabel(doc, entityName, saved));
      if (id) setBaseline({ ...fromRecordNode(doc, entityName, saved), node: { ...(baseline ?? loaded.data)?.node, ...saved } });
      const mayChange = afterSaveMayChangeRecord(published, entityName, mode);
      if (id && mayChange) watchAfterSave(id, saved.updatedAt);
      if (!id) {
        if (mayChange) createdHere.set(String(saved.id), saved.updatedAt);
        navigate(`/data/${entityName}/${String(saved.id)}`, { replace: true });
      }
    } catch (e) {
      if (e instanceof GraphQLRequestError && e.code === 'VALIDATION_FAILED' && e.fieldErrors.length) {
        return e.fieldErrors.map((f) => ({ field: f.field, message: f.message, rule: f.rule }));
      }
      if (e instanceof GraphQLRequestError && e.code === 'FORBIDDEN') return [{ field: '_', message: forbiddenText(e, mode === 'create' ? 'create' : 'update', entity.label) }];
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
      toast(e instanceof GraphQLRequestError && e.code === 'FORBIDDEN' ? forbiddenText(e, 'delete', entity.label) : `Could not delete: ${(e as Error).message}`, 'error');
    } finally {
      setDeleting(false);
      setConfirmDelete(false);
    }
  };

  const listHref = href(`/data/${entityName}`);
  const data = baseline ?? loaded.data;
  const node = data?.node;
  const heading = id ? title ?? (node ? recordLabel(doc, entityName, node) : '') : `New ${inSentence(entity.label, locale)}`;

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
        {id && node && (
          <div className="page-actions">
            <RecordWorkflowButtons entityName={entityName} id={id} onStarted={() => setRunsStarted((n) => n + 1)} onStopped={(run, button) => void runStopped(run, button)} />
            <a className="btn btn-ghost" href="#record-history" onClick={(e) => { e.preventDefault(); document.getElementById('record-history')?.scrollIntoView({ behavior: 'smooth' }); }}>
              <Icon name="history" /> History
            </a>
            {rights.update && (
              <button type="button" className="btn" onClick={() => setSharing(true)}>
                <Icon name="share" /> Share
              </button>
            )}
          </div>
        )}
      </header>
      <SuspendedEntityNotice entity={entityName} />
      {id && node && !canSave && (
        <p className="banner banner-info" role="note">
          <Icon name="info" /> You can view this {inSentence(entity.label, locale)} but your role does not let you change it.
        </p>
      )}

      {loaded.loading && !data && <Spinner />}
      {loaded.error && (
        <ErrorBanner title={`Cannot load this ${inSentence(entity.label, locale)}`} onRetry={loaded.reload}>
          {loaded.error.message}
        </ErrorBanner>
      )}
      {id && data && !data.node && (
        <EmptyState title={`${entity.label} not found`} action={<a className="btn" href={listHref}>Back to {inSentence(entity.pluralLabel, locale)}</a>}>
          It may have been deleted.
        </EmptyState>
      )}
      {data && (!id || data.node) && (
        <div className="card">
          <RecordForm
            key={`${formKey}/${id ?? 'new'}`}
            doc={doc}
            entityName={entityName}
            mode={mode}
            initialValues={data.values}
            initialLabels={data.labels}
            onSave={save}
            onDirtyChange={setDirty}
            saving={saving}
            locked={locked}
            readOnly={!canSave}
            extra={
              <OwnershipFields
                value={ownership ?? (id ? ownershipOf(data.node) : NO_OWNERSHIP)}
                mode={mode}
                access={canSave ? ownerAccess : { owner: ownerAccess.owner === 'hidden' ? 'hidden' : 'readOnly', team: ownerAccess.team === 'hidden' ? 'hidden' : 'readOnly' }}
                onChange={(next) => {
                  setOwnership(next);
                  setDirty(true);
                }}
              />
            }
            actions={
              <>
                <a className="btn" href={listHref}>
                  {id ? 'Back' : 'Cancel'}
                </a>
                {id && dirty && (
                  <button type="button" className="btn btn-ghost" onClick={() => { setFormKey((k) => k + 1); setDirty(false); setOwnership(null); }}>
                    Discard changes
                  </button>
                )}
                <span className="spacer" />
                {id && rights.delete && (
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
      {id && data?.node && (
        <Suspense fallback={null}>
          <RecordTasks key={String(data.node.updatedAt)} entityName={entityName} id={id} recordName={heading} />
          {(runsStarted > 0 || entityHasWorkflows(published, entityName)) && <RecordRuns key={`${String(data.node.updatedAt)}/${runsStarted}`} entityName={entityName} id={id} />}
        </Suspense>
      )}
      {id && data?.node && (
        <Suspense fallback={<Spinner label="Loading the history" />}>
          <RecordHistory key={`${String(data.node.updatedAt)}`} doc={doc} entityName={entityName} id={id} />
        </Suspense>
      )}
      {id && sharing && (
        <Suspense fallback={null}>
          <ShareDialog entityName={entityName} id={id} recordName={heading} onClose={() => setSharing(false)} />
        </Suspense>
      )}

      <ConfirmDialog
        open={confirmDelete}
        title={`Delete this ${inSentence(entity.label, locale)}?`}
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
