/** "Add a step": the step types by group, each with what it does; before-save workflows offer only theirs. */
import type { WorkflowStepType } from '@trellis/metadata';
import { Dialog } from '../../ui/Dialog.js';
import { Icon } from '../../ui/Icon.js';
import { allowedStepTypes, STEP_GROUPS, stepIcon, stepType } from './step-kinds.js';

export function AddStepDialog({ open, beforeSave, onClose, onChoose }: { open: boolean; beforeSave: boolean; onClose: () => void; onChoose: (type: WorkflowStepType) => void }) {
  const allowed = allowedStepTypes(beforeSave);
  return (
    <Dialog open={open} title="Add a step" onClose={onClose} wide>
      {beforeSave && <p className="muted small">A before-save workflow can change the record being saved or refuse the save.</p>}
      <div className="step-type-groups">
        {STEP_GROUPS.map((group) => {
          const types = group.types.filter((t) => allowed.includes(t));
          if (types.length === 0) return null;
          return (
            <section key={group.label} className="step-type-group" aria-label={group.label}>
              <h3 className="step-type-group-title">{group.label}</h3>
              <ul className="step-type-list">
                {types.map((t) => {
                  const info = stepType(t);
                  return (
                    <li key={t}>
                      <button type="button" className="step-type-option" onClick={() => onChoose(t)}>
                        <span className="step-icon" aria-hidden="true">
                          <Icon name={stepIcon(t)} />
                        </span>
                        <span>
                          <span className="step-type-label">{info?.label ?? t}</span>
                          {info?.description && <span className="step-type-desc">{info.description}</span>}
                        </span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })}
      </div>
    </Dialog>
  );
}
