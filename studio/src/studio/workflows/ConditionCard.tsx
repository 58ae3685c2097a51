/**
 * "Only when": the workflow's optional condition, checked when the trigger fires and before any step runs. For
 * record triggers it is the rules' editor (visual builder or JSON); schedules and webhooks have no record, so
 * their condition is JSON over `now` and `trigger.payload`.
 */
import { useId, useMemo } from 'react';
import type { WorkflowDefinition } from '@trellis/metadata';
import { useDraft } from '../../app/draft-context.js';
import { Icon } from '../../ui/Icon.js';
import { LogicEditor } from '../rules/LogicEditor.js';
import { logicProblems } from '../rules/logic-context.js';
import { starterCondition } from './starter-condition.js';
import { setCondition } from './workflow-edits.js';
import { triggerEntity, workflowVarPaths } from './workflow-context.js';
import { problemsOfPart, type LocatedProblem } from './workflow-paths.js';
import { WorkflowLogicEditor } from './WorkflowLogicEditor.js';

export function ConditionCard({ name, def, located }: { name: string; def: WorkflowDefinition; located: LocatedProblem[] }) {
  const { draft, edit } = useDraft();
  const id = useId();
  const entity = triggerEntity(def.trigger);
  const hasEntity = !!entity && !!draft.entities[entity];
  // The rules' editor lists the static problems it finds itself; the draft check's others show below it.
  const shown = useMemo(
    () => (hasEntity && def.condition !== undefined ? new Set(logicProblems(draft, entity, def.condition, 'condition').map((p) => p.message)) : new Set<string>()),
    [draft, entity, hasEntity, def.condition],
  );
  const problems = problemsOfPart(located, 'condition').filter((p) => !shown.has(p.problem.message));
  const paths = useMemo(() => workflowVarPaths(draft, def), [draft, def]);
  const set = (value: unknown) => edit((d) => setCondition(d, name, value), `workflow-${name}-condition`);

  return (
    <section className="card workflow-condition" aria-labelledby={`${id}-title`}>
      <header className="card-header">
        <div>
          <h2 id={`${id}-title`} className="card-title">
            Condition
          </h2>
          <p className="muted small">The workflow runs only when this holds. Without a condition it runs every time the trigger fires.</p>
        </div>
        {def.condition !== undefined && (
          <button type="button" className="btn btn-small btn-ghost" onClick={() => set(undefined)}>
            <Icon name="x" /> Remove condition
          </button>
        )}
      </header>
      {def.condition === undefined ? (
        <button type="button" className="btn btn-small" onClick={() => set(hasEntity ? starterCondition(draft.entities[entity]) : true)}>
          <Icon name="plus" /> Add condition
        </button>
      ) : hasEntity ? (
        <LogicEditor key={`${name}-${entity}`} doc={draft} entity={entity} context="condition" value={def.condition} onChange={set} label="Run only when" />
      ) : (
        <WorkflowLogicEditor doc={draft} entity={undefined} paths={paths} value={def.condition} onChange={set} label="Run only when" problems={[]} />
      )}
      {problems.map((p, i) => (
        <p key={i} className="field-error">
          {p.problem.message}
        </p>
      ))}
    </section>
  );
}
