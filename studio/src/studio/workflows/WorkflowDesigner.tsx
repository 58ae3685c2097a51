/**
 * The editor tab: trigger, condition, the steps as a vertical flow and the settings on the left; on the right the
 * selected step's form or the test run. Problems of the draft's check show on the part they are about.
 */
import { useState } from 'react';
import { useDraft } from '../../app/draft-context.js';
import { Icon } from '../../ui/Icon.js';
import { ConditionCard } from './ConditionCard.js';
import { ProblemsBanner } from './ProblemsBanner.js';
import { SettingsCard } from './SettingsCard.js';
import { StepFlow } from './StepFlow.js';
import { StepPanel } from './StepPanel.js';
import { TestRunPanel } from './TestRunPanel.js';
import { TriggerCard } from './TriggerCard.js';
import { stepAt, workflowProblems, type StepPath } from './workflow-paths.js';

export type SidePanel = { kind: 'step'; path: StepPath } | { kind: 'test' } | null;

export function WorkflowDesigner({ name }: { name: string }) {
  const { draft, problems } = useDraft();
  const def = draft.workflows?.[name];
  const [side, setSide] = useState<SidePanel>(null);
  if (!def) return null;
  const located = workflowProblems(problems, name);
  const selected = side?.kind === 'step' && stepAt(def.steps ?? [], side.path) ? side.path : null;

  return (
    <div className="workflow-designer">
      <div className="workflow-main stack">
        <div className="workflow-toolbar">
          <button type="button" className={side?.kind === 'test' ? 'btn btn-active' : 'btn'} aria-pressed={side?.kind === 'test'} onClick={() => setSide(side?.kind === 'test' ? null : { kind: 'test' })}>
            <Icon name="play" /> Test run
          </button>
        </div>
        {located.length > 0 && <ProblemsBanner def={def} located={located} onShowStep={(path) => setSide({ kind: 'step', path })} />}
        <TriggerCard name={name} def={def} located={located} />
        <ConditionCard name={name} def={def} located={located} />
        <StepFlow name={name} def={def} located={located} selected={selected} onSelect={(path) => setSide(path ? { kind: 'step', path } : null)} />
        <SettingsCard name={name} def={def} located={located} />
      </div>
      {(selected || side?.kind === 'test') && (
        <aside className="workflow-side" aria-label={side?.kind === 'test' ? 'Test run' : 'Step settings'}>
          {selected && <StepPanel key={selected.join('.')} name={name} def={def} path={selected} located={located} onClose={() => setSide(null)} />}
          {side?.kind === 'test' && <TestRunPanel name={name} def={def} onClose={() => setSide(null)} />}
        </aside>
      )}
    </div>
  );
}
