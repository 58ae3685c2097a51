/** Before or after save, for workflows started by a record being created or updated. */
import { useId } from 'react';
import type { WorkflowDefinition } from '@trellis/metadata';
import { useDraft } from '../../app/draft-context.js';
import { updateWorkflow } from './workflow-edits.js';

export function TimingChoice({ name, def, errors }: { name: string; def: WorkflowDefinition; errors: string[] }) {
  const { edit } = useDraft();
  const id = useId();
  const timing = def.timing ?? 'afterSave';
  return (
    <fieldset className={errors.length ? 'field invalid workflow-timing' : 'field workflow-timing'} aria-describedby={`${id}-help`}>
      <legend className="field-label">Timing</legend>
      <label className="check">
        <input type="radio" name={`${id}-timing`} checked={timing === 'afterSave'} onChange={() => edit((d) => updateWorkflow(d, name, { timing: 'afterSave' }))} />
        <span>After save — queued and retried; any step</span>
      </label>
      <label className="check">
        <input type="radio" name={`${id}-timing`} checked={timing === 'beforeSave'} onChange={() => edit((d) => updateWorkflow(d, name, { timing: 'beforeSave' }))} />
        <span>Before save — inside the save, before validation rules; only “Update record” and “Fail with message”</span>
      </label>
      <p id={`${id}-help`} className="field-help">
        Before-save workflows change the record being saved or refuse the save; after-save workflows do everything else.
      </p>
      {errors.map((m, i) => (
        <p key={i} className="field-error">
          {m}
        </p>
      ))}
    </fieldset>
  );
}
