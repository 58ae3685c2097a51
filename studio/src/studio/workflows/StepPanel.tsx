/**
 * The selected step's settings: its label and key (renaming the key rewrites `steps.<key>` references), then
 * the form generated from the step type's JSON Schema, with the draft check's problems next to each setting.
 */
import { useEffect, useState } from 'react';
import type { WorkflowDefinition } from '@trellis/metadata';
import { useDraft } from '../../app/draft-context.js';
import { Icon } from '../../ui/Icon.js';
import { TextInput } from '../inputs.js';
import { StepForm } from './StepForm.js';
import { stepTitle } from './workflow-summary.js';
import { stepIcon, stepType } from './step-kinds.js';
import { renameStepKey, stepKeys, updateStep } from './workflow-edits.js';
import { problemsOfStep, stepAt, stepPathText, type LocatedProblem, type StepPath } from './workflow-paths.js';

const KEY_PATTERN = /^[a-z][A-Za-z0-9]*$/;

export function StepPanel({
  name,
  def,
  path,
  located,
  onClose,
}: {
  name: string;
  def: WorkflowDefinition;
  path: StepPath;
  located: LocatedProblem[];
  onClose: () => void;
}) {
  const { edit } = useDraft();
  const step = stepAt(def.steps ?? [], path);
  const [keyText, setKeyText] = useState(step?.key ?? '');
  useEffect(() => setKeyText(step?.key ?? ''), [step?.key]);
  if (!step) return null;

  const info = stepType(step.type);
  const problems = problemsOfStep(located, path);
  const own = (prop: string) => problems.filter((p) => p.at.rest[0] === prop).map((p) => p.problem.message);
  const general = problems.filter((p) => p.at.rest.length === 0).map((p) => p.problem.message);
  const taken = stepKeys(def).filter((k) => k !== step.key);
  const keyError = !keyText ? 'Enter a key' : !KEY_PATTERN.test(keyText) ? 'camelCase letters and digits, starting with a lower-case letter' : taken.includes(keyText) ? `Another step is “${keyText}”` : null;
  const commitKey = () => {
    if (!keyError && keyText !== step.key) edit((d) => renameStepKey(d, name, path, keyText));
  };
  const title = stepTitle(step);

  return (
    <section className="card step-panel" aria-label={`Step ${title}`}>
      <header className="step-panel-header">
        <span className="step-icon" aria-hidden="true">
          <Icon name={stepIcon(step.type)} />
        </span>
        <div className="step-panel-heading">
          <h2 className="card-title">{title}</h2>
          <p className="muted small">
            {stepPathText(path)} · {info?.label ?? step.type}
          </p>
        </div>
        <button type="button" className="btn btn-icon btn-ghost" aria-label="Close step settings" onClick={onClose}>
          <Icon name="x" />
        </button>
      </header>
      {info?.description && <p className="field-help">{info.description}</p>}
      {general.map((m, i) => (
        <p key={i} className="field-error" role="alert">
          {m}
        </p>
      ))}
      <div className="grid-2">
        <TextInput
          label="Step label"
          value={step.label ?? ''}
          placeholder={info?.label}
          errors={own('label')}
          onChange={(v) => {
            const next = { ...step };
            if (v === '') delete next.label;
            else next.label = v;
            edit((d) => updateStep(d, name, path, next), `workflow-${name}-step-${step.key}-label`);
          }}
        />
        <TextInput
          label="Step key"
          mono
          value={keyText}
          hint="Later steps read this step's output as steps.<key>; renaming updates them."
          errors={[...(keyError ? [keyError] : []), ...own('key')]}
          onChange={setKeyText}
          onBlur={commitKey}
        />
      </div>
      {info ? (
        <StepForm name={name} def={def} path={path} step={step} info={info} problems={problems.map((p) => ({ rest: p.at.rest, message: p.problem.message }))} />
      ) : (
        <p className="field-error">Unknown step type “{step.type}”: remove this step or edit the workflow as JSON.</p>
      )}
      {step.type === 'if' && <p className="muted small">Add the steps of each branch in the flow, under “Then” and “Otherwise”.</p>}
    </section>
  );
}
