/** The "Active" switch of a workflow: a draft edit, with the reminder that it applies when published. */
import type { WorkflowDefinition } from '@trellis/metadata';
import { useDraft } from '../../app/draft-context.js';
import { useMetadata } from '../../app/metadata-context.js';
import { updateWorkflow } from './workflow-edits.js';

export function ActiveSwitch({ name, def, published }: { name: string; def: WorkflowDefinition; published: boolean }) {
  const { edit } = useDraft();
  const { doc } = useMetadata();
  const active = def.active !== false;
  const live = published && doc.workflows?.[name]?.active !== false;
  const note = active === live ? (live ? 'Running' : 'Off') : `${active ? 'On' : 'Off'} after you publish`;
  return (
    <div className="workflow-active">
      <label className="switch">
        <input type="checkbox" role="switch" checked={active} aria-describedby={`active-note-${name}`} onChange={(e) => edit((d) => updateWorkflow(d, name, { active: e.target.checked }))} />
        <span className="switch-track" aria-hidden="true" />
        <span className="switch-label">Active</span>
      </label>
      <span id={`active-note-${name}`} className={active === live ? 'muted small' : 'small workflow-active-pending'}>
        {note}
      </span>
    </div>
  );
}
