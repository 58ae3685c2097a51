/**
 * Studio → Packs → "Export as pack": name, version and description of the pack, the whole workspace or chosen
 * entities and workflows; "Export" asks the server for the pack folder (exportPack) and downloads it as
 * `<name>-<version>.zip`, made in the browser. A refusal (a chosen entity relates to one left out) stays in the
 * dialog, in words, with a button adding what is missing.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMetadata } from '../app/metadata-context.js';
import { GraphQLRequestError, type MetadataProblem } from '../api/graphql-client.js';
import { exportPack } from '../api/packs-api.js';
import { TextInput } from '../studio/inputs.js';
import { CheckList } from '../admin/CheckList.js';
import { Dialog } from '../ui/Dialog.js';
import { ErrorBanner } from '../ui/Feedback.js';
import { useToast } from '../ui/Toast.js';
import { downloadBytes } from './download-bytes.js';
import { exportFormProblems, exportRequest, NEW_EXPORT, packZip, relatedLeftOut, zipFileName, type ExportForm } from './pack-export.js';
import { pathInWords } from './pack-words.js';

interface Failure {
  code: string;
  message: string;
  problems: MetadataProblem[];
}

export function ExportPackDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { stored: doc } = useMetadata();
  const toast = useToast();
  const [form, setForm] = useState<ExportForm>(NEW_EXPORT);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  // The refusal shows under the checklists: bring it into view, the Export button being in the footer.
  useEffect(() => {
    if (failure) failureRef.current?.scrollIntoView({ block: 'nearest' });
  }, [failure]);
  const problems = exportFormProblems(form);
  const valid = Object.keys(problems).length === 0;
  const missing = form.scope === 'chosen' ? relatedLeftOut(doc, form.entities) : [];
  const set = (change: Partial<ExportForm>) => {
    setForm((f) => ({ ...f, ...change }));
    setFailure(null);
  };

  const close = () => {
    setForm(NEW_EXPORT);
    setTouched(false);
    setFailure(null);
    onClose();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!valid || busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const request = exportRequest(form);
      const files = await exportPack(request);
      const fileName = zipFileName(request.name, request.version);
      downloadBytes(packZip(request.name, files), fileName, 'application/zip');
      toast(`Exported ${request.name} ${request.version} as ${fileName}`);
      close();
    } catch (error) {
      setFailure(
        error instanceof GraphQLRequestError
          ? { code: error.code, message: error.message, problems: error.problems }
          : { code: 'ERROR', message: (error as Error).message, problems: [] },
      );
    } finally {
      setBusy(false);
    }
  };

  const entities = Object.entries(doc.entities).map(([name, entity]) => ({ value: name, label: entity.label, description: name }));
  const workflows = Object.entries(doc.workflows ?? {}).map(([name, workflow]) => ({ value: name, label: workflow.label, description: name }));

  return (
    <Dialog
      open={open}
      title="Export as pack"
      onClose={close}
      wide
      footer={
        <>
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="submit" form="export-pack-form" className="btn btn-primary" disabled={busy || (touched && !valid)}>
            {busy ? 'Exporting…' : 'Export'}
          </button>
        </>
      }
    >
      <form id="export-pack-form" className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <p className="muted small">
          The published metadata becomes a pack folder (<code>trellis-pack.json</code> and <code>metadata/*.json</code>), downloaded as a zip. Unzip it into{' '}
          <code>plugins/</code> or a folder of <code>TRELLIS_PACK_DIRS</code> to install it elsewhere; records are not exported.
        </p>
        <div className="grid-2">
          <TextInput
            label="Pack name"
            value={form.name}
            onChange={(name) => set({ name })}
            mono
            autoFocus
            errors={(touched || form.name) && problems.name ? [problems.name] : undefined}
            hint="Lowercase letters, digits and hyphens, e.g. my-sales."
          />
          <TextInput
            label="Version"
            value={form.version}
            onChange={(version) => set({ version })}
            mono
            errors={problems.version ? [problems.version] : undefined}
            hint="Semantic version: major.minor.patch."
          />
        </div>
        <TextInput label="Description" value={form.description} onChange={(description) => set({ description })} multiline hint="Optional: what the pack is for." />

        <fieldset className="field">
          <legend className="field-label">What to export</legend>
          <label className="check">
            <input type="radio" name="export-scope" checked={form.scope === 'workspace'} onChange={() => set({ scope: 'workspace' })} />
            <span>The whole workspace: every entity and workflow, and the roles</span>
          </label>
          <label className="check">
            <input type="radio" name="export-scope" checked={form.scope === 'chosen'} onChange={() => set({ scope: 'chosen' })} />
            <span>Chosen entities and workflows</span>
          </label>
        </fieldset>

        {form.scope === 'chosen' && (
          <div className="grid-2">
            <CheckList legend="Entities" options={entities} selected={form.entities} onChange={(names) => set({ entities: names })} empty="This workspace has no entities." />
            <CheckList legend="Workflows" options={workflows} selected={form.workflows} onChange={(names) => set({ workflows: names })} empty="This workspace has no workflows." />
          </div>
        )}
        {form.scope === 'chosen' && touched && problems.selection && <p className="field-error">{problems.selection}</p>}
        {missing.length > 0 && !failure && (
          <p className="muted small" role="status">
            The chosen entities relate to {missing.map((m) => doc.entities[m]?.label ?? m).join(', ')}, which {missing.length > 1 ? 'are' : 'is'} left out: the export
            will be refused unless {missing.length > 1 ? 'they are' : 'it is'} added.
          </p>
        )}

        {failure && (
          <div ref={failureRef}>
            <ErrorBanner title="The pack could not be exported">
              <p>
                {failure.code === 'PACK_EXPORT_INVALID' && failure.problems.length > 0
                  ? 'The chosen entities and workflows do not make a pack on their own: they refer to components left out. Add those, or leave out what refers to them.'
                  : failure.message}
              </p>
              {failure.problems.length > 0 && (
                <ul className="problem-list" aria-label="Problems">
                  {failure.problems.map((p, i) => (
                    <li key={i}>
                      <strong>{pathInWords(p.path)}</strong>: {p.message}
                    </li>
                  ))}
                </ul>
              )}
              {missing.length > 0 && (
                <button type="button" className="btn btn-small" onClick={() => set({ entities: [...form.entities, ...missing] })}>
                  Add {missing.map((m) => doc.entities[m]?.label ?? m).join(', ')} to the pack
                </button>
              )}
            </ErrorBanner>
          </div>
        )}
      </form>
    </Dialog>
  );
}
