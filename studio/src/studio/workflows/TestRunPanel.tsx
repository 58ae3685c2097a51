/**
 * "Test run": the draft workflow run on the server in dry-run mode against a chosen record (or a webhook body)
 * — nothing is written or sent — and what each step would do: its status, description, input and output.
 */
import { useId, useState } from 'react';
import type { WorkflowDefinition } from '@trellis/metadata';
import { testWorkflow, type DryRunStep, type WorkflowDryRun } from '../../api/workflows-api.js';
import { useDraft } from '../../app/draft-context.js';
import { useMetadata } from '../../app/metadata-context.js';
import { RelationPicker } from '../../data/RelationPicker.js';
import { Icon } from '../../ui/Icon.js';
import { triggerEntity } from './workflow-context.js';
import { parsePathKey, stepAt, workflowProblems } from './workflow-paths.js';
import { stepTypeLabel } from './step-kinds.js';

const STATUS: Record<string, { text: string; className: string }> = {
  would: { text: 'Would run', className: 'badge badge-green' },
  skipped: { text: 'Skipped', className: 'badge' },
  failed: { text: 'Failed', className: 'badge badge-red' },
  waited: { text: 'Would wait', className: 'badge badge-amber' },
};

function parsePayload(text: string): { payload?: unknown; error?: string } {
  if (text.trim() === '') return { payload: {} };
  try {
    const value = JSON.parse(text) as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value)) return { error: 'Write a JSON object, e.g. {"email": "ada@example.com"}.' };
    return { payload: value };
  } catch (e) {
    return { error: `Not valid JSON: ${(e as Error).message}` };
  }
}

export function TestRunPanel({ name, def, onClose }: { name: string; def: WorkflowDefinition; onClose: () => void }) {
  const { draft, problems } = useDraft();
  const { doc: published } = useMetadata();
  const id = useId();
  const entity = triggerEntity(def.trigger);
  const webhook = def.trigger.type === 'webhook';
  const [record, setRecord] = useState<{ id: string; label: string } | null>(null);
  const [payloadText, setPayloadText] = useState('{\n  \n}');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<WorkflowDryRun | null>(null);
  const [error, setError] = useState<string | null>(null);
  const payload = webhook ? parsePayload(payloadText) : {};
  const own = workflowProblems(problems, name).length;
  const needsRecord = !!entity;
  const ready = (!needsRecord || !!record) && !payload.error && !busy;

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await testWorkflow({ document: draft, workflow: name, recordId: record?.id, payload: webhook ? payload.payload : undefined }));
    } catch (e) {
      setResult(null);
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card test-run" aria-labelledby={`${id}-title`}>
      <header className="step-panel-header">
        <span className="step-icon" aria-hidden="true">
          <Icon name="play" />
        </span>
        <div className="step-panel-heading">
          <h2 id={`${id}-title`} className="card-title">
            Test run
          </h2>
          <p className="muted small">Runs the draft as it is now, in dry-run mode: nothing is written, sent or queued.</p>
        </div>
        <button type="button" className="btn btn-icon btn-ghost" aria-label="Close test run" onClick={onClose}>
          <Icon name="x" />
        </button>
      </header>

      {needsRecord && entity && published.entities[entity] && (
        <div className="field">
          <label className="field-label" htmlFor={`${id}-record`}>
            Test with record
          </label>
          <RelationPicker doc={published} target={entity} id={`${id}-record`} fieldLabel="test record" value={record?.id ?? null} label={record?.label} onChange={(c) => setRecord(c ? { id: c.id, label: c.label } : null)} />
          <p className="field-help">
            {def.trigger.type === 'recordUpdated' || def.trigger.type === 'fieldChanged'
              ? 'Tested as an update of this record with its current values as the previous ones too.'
              : 'The record the workflow would start with.'}
          </p>
        </div>
      )}
      {needsRecord && entity && !published.entities[entity] && <p className="muted small">This entity is not published yet: publish it to test with one of its records.</p>}
      {webhook && (
        <div className={payload.error ? 'field invalid' : 'field'}>
          <label className="field-label" htmlFor={`${id}-payload`}>
            Webhook payload (JSON)
          </label>
          <textarea id={`${id}-payload`} className="input mono sample-json" rows={6} spellCheck={false} value={payloadText} onChange={(e) => setPayloadText(e.target.value)} />
          {payload.error && <p className="field-error">{payload.error}</p>}
        </div>
      )}
      {def.trigger.type === 'scheduled' && <p className="muted small">A scheduled run has no record: it is tested as if it fired now.</p>}
      {own > 0 && (
        <p className="banner banner-warning small" role="status">
          <Icon name="warning" /> This workflow has {own} problem{own === 1 ? '' : 's'}; the test may stop at them.
        </p>
      )}
      <div>
        <button type="button" className="btn btn-primary" disabled={!ready} onClick={() => void run()}>
          <Icon name="play" /> {busy ? 'Running…' : 'Run test'}
        </button>
      </div>

      <div className="test-run-result" role="region" aria-label="Test result" aria-live="polite">
        {error && (
          <p className="field-error" role="alert">
            The test could not run: {error}
          </p>
        )}
        {result && <DryRunResult def={def} result={result} />}
      </div>
    </section>
  );
}

function DryRunResult({ def, result }: { def: WorkflowDefinition; result: WorkflowDryRun }) {
  return (
    <div className="stack">
      <ul className="test-run-checks">
        <li className={result.triggerMatched ? 'test-valid' : 'test-neutral'}>
          <Icon name={result.triggerMatched ? 'check' : 'x'} /> {result.triggerMatched ? 'The trigger matches this record.' : 'The trigger would not fire for this record.'}
        </li>
        <li className={result.conditionMet ? 'test-valid' : 'test-neutral'}>
          <Icon name={result.conditionMet ? 'check' : 'x'} />{' '}
          {def.condition === undefined ? 'No condition.' : result.conditionMet ? 'The condition holds.' : 'The condition does not hold: no step would run.'}
        </li>
      </ul>
      {result.error && (
        <p className="field-error" role="alert">
          {result.error}
        </p>
      )}
      {result.steps.length > 0 && (
        <ol className="test-run-steps" aria-label="Test steps">
          {result.steps.map((s) => (
            <DryRunStepItem key={s.path} def={def} step={s} />
          ))}
        </ol>
      )}
    </div>
  );
}

function DryRunStepItem({ def, step }: { def: WorkflowDefinition; step: DryRunStep }) {
  const path = parsePathKey(step.path);
  const depth = path ? (path.length - 1) / 2 : 0;
  const defined = path ? stepAt(def.steps ?? [], path) : undefined;
  const title = step.label || defined?.label || stepTypeLabel(step.type);
  const status = STATUS[step.status] ?? { text: step.status, className: 'badge' };
  const json = (v: unknown) => JSON.stringify(v, null, 2);
  return (
    <li className={`test-run-step status-${step.status}`} aria-label={title} style={{ marginLeft: depth * 18 }}>
      <div className="test-run-step-head">
        <strong>{title}</strong> <code className="step-key">{step.key}</code> <span className={status.className}>{status.text}</span>
      </div>
      <p className="small">{step.description}</p>
      {step.error && <p className="field-error">{step.error}</p>}
      {step.input !== null && step.input !== undefined && (
        <details>
          <summary>Input</summary>
          <pre className="step-run-json">{json(step.input)}</pre>
        </details>
      )}
      {step.output !== null && step.output !== undefined && (
        <details>
          <summary>Output</summary>
          <pre className="step-run-json">{json(step.output)}</pre>
        </details>
      )}
    </li>
  );
}
