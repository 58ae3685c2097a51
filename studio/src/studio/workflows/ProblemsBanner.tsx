/** The workflow's problems from the draft check, each with a way to the step it is about. */
import { Icon } from '../../ui/Icon.js';
import type { WorkflowDefinition } from '@trellis/metadata';
import { stepTitle } from './workflow-summary.js';
import { stepAt, stepPathText, type LocatedProblem, type StepPath } from './workflow-paths.js';

const PARTS: Record<string, string> = { trigger: 'Trigger', condition: 'Condition', steps: 'Steps', runAs: 'Runs as', timing: 'Timing', label: 'Label', maxDepth: 'Loop guard' };

export function ProblemsBanner({ def, located, onShowStep }: { def: WorkflowDefinition; located: LocatedProblem[]; onShowStep: (path: StepPath) => void }) {
  // Steps are named by their title: numbers in messages may count differently.
  const stepName = (path: StepPath) => {
    const step = stepAt(def.steps ?? [], path);
    return step ? `${stepTitle(step)} (${stepPathText(path).toLowerCase()})` : stepPathText(path);
  };
  return (
    <div className="banner banner-error" role="alert" aria-label="Problems in this workflow">
      <Icon name="warning" />
      <div className="banner-text">
        <strong>
          {located.length} problem{located.length === 1 ? '' : 's'} to fix before publishing
        </strong>
        <ul className="problem-list">
          {located.map(({ problem, at }, i) => (
            <li key={i}>
              {at.step ? (
                <button type="button" className="link-button" onClick={() => onShowStep(at.step!)}>
                  {stepName(at.step)}
                </button>
              ) : (
                PARTS[at.part] && <span className="muted">{PARTS[at.part]}</span>
              )}
              {(at.step || PARTS[at.part]) && ': '}
              {problem.message}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
