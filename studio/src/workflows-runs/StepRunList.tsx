/**
 * The steps a run executed, in order (a retried step once per try, numbered over the whole run): status, duration
 * in ms, input, output, error. A failed try shows its error and the input it had reached (the request it sent, the
 * values it tried to write), when it got that far.
 */
import type { WorkflowStepRun } from '../api/workflows-api.js';
import { useDateTime } from '../lib/use-date-time.js';
import { prettyJson, tryNumbers } from './run-status.js';

export function StepRunList({ steps }: { steps: WorkflowStepRun[] }) {
  const formatDateTime = useDateTime();
  if (steps.length === 0) return <p className="muted">No step has run yet.</p>;
  const tries = tryNumbers(steps);
  return (
    <ol className="step-runs" aria-label="Steps">
      {steps.map((step, i) => (
        <li key={`${step.key}/${step.attempt}/${i}`} className={`card step-run step-run-${step.status}`} aria-labelledby={`step-run-${i}`}>
          <header className="step-run-header">
            <h3 id={`step-run-${i}`}>
              {step.label ?? step.key} {step.label && <code className="muted small">{step.key}</code>}
            </h3>
            <span className="muted small">{step.type}</span>
            <span className={step.status === 'succeeded' ? 'chip chip-green' : 'chip chip-red'}>{step.status === 'succeeded' ? 'Succeeded' : 'Failed'}</span>
            <span className="step-run-meta muted small">
              Try {tries[i]} · <time dateTime={step.startedAt}>{formatDateTime(step.startedAt)}</time> ·{' '}
              <span className="step-run-duration">{step.durationMs.toLocaleString()} ms</span>
            </span>
          </header>
          {step.error && (
            <p className="run-error-text step-run-error" role="note">
              {step.error}
            </p>
          )}
          {(step.status === 'succeeded' || step.input != null || step.output != null) && (
            <div className="step-run-data">
              <DataBlock title="Input" value={step.input} />
              <DataBlock title="Output" value={step.output} />
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

function DataBlock({ title, value }: { title: string; value: unknown }) {
  const text = prettyJson(value);
  return (
    <figure className="step-run-block">
      <figcaption className="field-label">{title}</figcaption>
      {text ? <pre className="step-run-json">{text}</pre> : <p className="muted small">—</p>}
    </figure>
  );
}
