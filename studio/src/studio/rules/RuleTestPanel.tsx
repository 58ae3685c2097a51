/** "Test this rule": a sample (record or JSON, optionally with a previous version) and what a person would see. */
import { useId, useMemo, useState } from 'react';
import type { JsonLogic, MetadataDocument, ValidationRule } from '@trellis/metadata';
import { formatFieldLabel } from '@trellis/runtime';
import { Icon } from '../../ui/Icon.js';
import { logicProblems } from './logic-context.js';
import { testCondition, testValidationRule, type RuleSample } from './rule-test.js';
import { SamplePicker } from './SamplePicker.js';

type Subject =
  | { kind: 'rule'; name: string; rule: ValidationRule }
  | { kind: 'condition'; expr: JsonLogic | undefined; holds: string; doesNotHold: string; withPrevious: boolean };

export function RuleTestPanel({ doc, entity, subject, title = 'Test this rule' }: { doc: MetadataDocument; entity: string; subject: Subject; title?: string }) {
  const headingId = useId();
  const [sample, setSample] = useState<RuleSample | null>(null);
  const def = doc.entities[entity];
  const label = (field: string) => (field === '_record' ? 'the whole record' : formatFieldLabel(field, def?.fields[field]));

  const expr = subject.kind === 'rule' ? subject.rule.invalidWhen : subject.expr;
  const broken = useMemo(
    () => expr !== undefined && logicProblems(doc, entity, expr, subject.kind === 'rule' ? 'rule' : subject.withPrevious ? 'condition' : 'viewFilter').length > 0,
    [doc, entity, expr, subject],
  );
  const result = useMemo(() => {
    if (!sample || broken) return null;
    if (subject.kind === 'rule') {
      if (subject.rule.invalidWhen === undefined) return null;
      return testValidationRule(doc, entity, subject.name, subject.rule, sample);
    }
    return subject.expr === undefined ? null : testCondition(subject.expr, sample);
  }, [doc, entity, subject, sample, broken]);

  return (
    <section className="test-panel stack" aria-labelledby={headingId}>
      <h3 id={headingId} className="card-title">
        {title}
      </h3>
      <SamplePicker doc={doc} entity={entity} withPrevious={subject.kind === 'rule' || subject.withPrevious} onSample={setSample} />
      <div className="test-result" role="status" aria-live="polite" aria-label="Test result">
        {!result && (
          <p className="muted small">{broken ? 'Fix the problems of the rule to test it.' : sample ? 'Write the rule to test it.' : 'Fix the sample to test the rule.'}</p>
        )}
        {result?.status === 'valid' && (
          <p className="test-valid">
            <Icon name="check" /> Valid — the record would be saved.
          </p>
        )}
        {result?.status === 'invalid' && (
          <div className="test-invalid">
            <p>
              <Icon name="warning" /> Refused. The person sees:
            </p>
            <ul>
              {result.messages.map((m, i) => (
                <li key={i}>
                  <strong>{m.message}</strong> <span className="muted small">next to {label(m.field)}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        {result?.status === 'holds' && subject.kind === 'condition' && <p className="test-valid">{subject.holds}</p>}
        {result?.status === 'doesNotHold' && subject.kind === 'condition' && <p className="test-neutral">{subject.doesNotHold}</p>}
        {result?.status === 'error' && <p className="field-error">The rule could not be evaluated: {result.message}</p>}
      </div>
    </section>
  );
}
