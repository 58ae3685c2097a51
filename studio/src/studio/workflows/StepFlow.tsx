/**
 * The steps as a vertical flow: a card per step (icon, label, one line of what it does, its problems), "+" to
 * insert between steps, move up/down and remove; an "if" card holds its "then" and "otherwise" flows. Clicking
 * a card opens its settings.
 */
import { useId, useState } from 'react';
import type { WorkflowDefinition, WorkflowStep } from '@trellis/metadata';
import { useDraft } from '../../app/draft-context.js';
import { ConfirmDialog } from '../../ui/Dialog.js';
import { Icon } from '../../ui/Icon.js';
import { AddStepDialog } from './AddStepDialog.js';
import { stepIcon } from './step-kinds.js';
import { insertStep, moveStep, newStep, removeStep } from './workflow-edits.js';
import { triggerEntity } from './workflow-context.js';
import { problemsOfStep, samePath, selectionAfterMove, selectionAfterRemove, type ListPath, type LocatedProblem, type StepPath } from './workflow-paths.js';
import { stepSummary, stepTitle } from './workflow-summary.js';
import type { WorkflowStepType } from '@trellis/metadata';

interface FlowProps {
  name: string;
  def: WorkflowDefinition;
  located: LocatedProblem[];
  selected: StepPath | null;
  onSelect: (path: StepPath | null) => void;
}

export function StepFlow({ name, def, located, selected, onSelect }: FlowProps) {
  const { edit } = useDraft();
  const id = useId();
  const [adding, setAdding] = useState<{ list: ListPath; index: number } | null>(null);
  const [removing, setRemoving] = useState<{ path: StepPath; step: WorkflowStep } | null>(null);
  const beforeSave = def.timing === 'beforeSave';

  const add = (type: WorkflowStepType) => {
    if (!adding) return;
    const step = newStep(type, def);
    const { list, index } = adding;
    edit((d) => insertStep(d, name, list, index, step));
    setAdding(null);
    onSelect([...list, index]);
  };
  const remove = (path: StepPath) => {
    edit((d) => removeStep(d, name, path));
    if (selected) onSelect(selectionAfterRemove(selected, path));
  };
  const actions: ListActions = {
    select: onSelect,
    insert: (list, index) => setAdding({ list, index }),
    move: (path, delta) => {
      edit((d) => moveStep(d, name, path, delta));
      if (selected) onSelect(selectionAfterMove(selected, path, delta));
    },
    remove: (path, step) => (step.type === 'if' && (step.then.length > 0 || (step.else?.length ?? 0) > 0) ? setRemoving({ path, step }) : remove(path)),
  };

  return (
    <section className="card workflow-steps" aria-labelledby={`${id}-title`}>
      <header className="card-header">
        <div>
          <h2 id={`${id}-title`} className="card-title">
            Steps
          </h2>
          <p className="muted small">
            {beforeSave ? 'Run inside the save, in order.' : 'Run in order, each once even when retried. Later steps can use the outputs of earlier ones.'}
          </p>
        </div>
      </header>
      <StepList name={name} def={def} steps={def.steps ?? []} list={[]} located={located} selected={selected} actions={actions} label="Steps" />
      {adding && <AddStepDialog open beforeSave={beforeSave} onClose={() => setAdding(null)} onChoose={add} />}
      {removing && (
        <ConfirmDialog
          open
          title={`Remove “${stepTitle(removing.step)}” and its branches?`}
          confirmLabel="Remove step"
          danger
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            remove(removing.path);
            setRemoving(null);
          }}
        >
          <p>The steps under “then” and “otherwise” are removed with it. Undo brings them back.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

interface ListActions {
  select: (path: StepPath) => void;
  insert: (list: ListPath, index: number) => void;
  move: (path: StepPath, delta: -1 | 1) => void;
  remove: (path: StepPath, step: WorkflowStep) => void;
}

function StepList({
  name,
  def,
  steps,
  list,
  located,
  selected,
  actions,
  label,
  addLabel = 'Add step',
}: {
  name: string;
  def: WorkflowDefinition;
  steps: WorkflowStep[];
  list: ListPath;
  located: LocatedProblem[];
  selected: StepPath | null;
  actions: ListActions;
  label: string;
  addLabel?: string;
}) {
  return (
    <div className="step-flow">
      {steps.length === 0 && list.length === 0 && <p className="muted small step-empty">No steps yet: add what the workflow should do.</p>}
      <ol className="step-list" aria-label={label}>
        {steps.map((step, i) => (
          <StepItem
            key={`${i}-${step.key}`}
            name={name}
            def={def}
            step={step}
            path={[...list, i]}
            last={i === steps.length - 1}
            located={located}
            selected={selected}
            actions={actions}
          />
        ))}
      </ol>
      <button type="button" className="btn btn-small step-add" onClick={() => actions.insert(list, steps.length)}>
        <Icon name="plus" /> {addLabel}
      </button>
    </div>
  );
}

function StepItem({
  name,
  def,
  step,
  path,
  last,
  located,
  selected,
  actions,
}: {
  name: string;
  def: WorkflowDefinition;
  step: WorkflowStep;
  path: StepPath;
  last: boolean;
  located: LocatedProblem[];
  selected: StepPath | null;
  actions: ListActions;
}) {
  const { draft } = useDraft();
  const title = stepTitle(step);
  const isSelected = samePath(selected, path);
  const problems = problemsOfStep(located, path);
  const index = path[path.length - 1] as number;
  const classes = ['step-card', isSelected ? 'selected' : '', problems.length ? 'has-problem' : '', `step-type-${step.type}`].filter(Boolean).join(' ');

  return (
    <li className="step-item" aria-label={title}>
      <div className={classes}>
        <button type="button" className="step-card-main" aria-current={isSelected ? 'step' : undefined} onClick={() => actions.select(path)}>
          <span className="step-icon" aria-hidden="true">
            <Icon name={stepIcon(step.type)} />
          </span>
          <span className="step-text">
            <span className="step-title">
              {title} <code className="step-key">{step.key}</code>
            </span>
            <span className="step-summary">{stepSummary(draft, triggerEntity(def.trigger), step)}</span>
          </span>
          {problems.length > 0 && (
            <span className="badge badge-red step-problems">
              {problems.length} problem{problems.length === 1 ? '' : 's'}
            </span>
          )}
        </button>
        <div className="step-actions">
          <button type="button" className="btn btn-icon btn-ghost" aria-label={`Move ${title} up`} title="Move up" disabled={index === 0} onClick={() => actions.move(path, -1)}>
            <Icon name="arrowUp" />
          </button>
          <button type="button" className="btn btn-icon btn-ghost" aria-label={`Move ${title} down`} title="Move down" disabled={last} onClick={() => actions.move(path, 1)}>
            <Icon name="arrowDown" />
          </button>
          <button type="button" className="btn btn-icon btn-ghost" aria-label={`Remove step ${title}`} title="Remove" onClick={() => actions.remove(path, step)}>
            <Icon name="trash" />
          </button>
        </div>
      </div>
      {step.type === 'if' && (
        <div className="step-branches">
          <div className="step-branch step-branch-then">
            <span className="step-branch-label">Then</span>
            <StepList name={name} def={def} steps={step.then ?? []} list={[...path, 'then']} located={located} selected={selected} actions={actions} label={`${title}: then`} addLabel={`Add to then of ${title}`} />
          </div>
          <div className="step-branch step-branch-else">
            <span className="step-branch-label">Otherwise</span>
            <StepList name={name} def={def} steps={step.else ?? []} list={[...path, 'else']} located={located} selected={selected} actions={actions} label={`${title}: otherwise`} addLabel={`Add to otherwise of ${title}`} />
          </div>
        </div>
      )}
      {!last && (
        <div className="step-connector">
          <button type="button" className="step-insert" aria-label={`Insert after ${title}`} title="Insert a step here" onClick={() => actions.insert(path.slice(0, -1), index + 1)}>
            <Icon name="plus" size={13} />
          </button>
        </div>
      )}
    </li>
  );
}
