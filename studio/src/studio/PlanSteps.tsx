/** A migration plan as a readable list: descriptions, destructive steps flagged, SQL on demand. */
import { Icon } from '../ui/Icon.js';

export interface StepView {
  description: string;
  destructive: boolean;
  sql: string[];
}

export function PlanSteps({ steps, label = 'Migration plan' }: { steps: StepView[]; label?: string }) {
  if (steps.length === 0) return <p className="muted">No database changes: this version changes metadata only.</p>;
  return (
    <ol className="plan-steps" aria-label={label}>
      {steps.map((step, i) => (
        <li key={i} className={step.destructive ? 'plan-step destructive' : 'plan-step'}>
          <div className="plan-step-line">
            <span className="plan-step-index" aria-hidden="true">
              {i + 1}
            </span>
            {step.destructive && <Icon name="warning" className="danger-icon" />}
            <span className="plan-step-text">{step.description}</span>
            {step.destructive && <span className="badge badge-red">Destructive</span>}
          </div>
          {step.sql.length > 0 && (
            <details className="plan-sql">
              <summary>SQL</summary>
              <pre>{step.sql.join(';\n') + ';'}</pre>
            </details>
          )}
        </li>
      ))}
    </ol>
  );
}
