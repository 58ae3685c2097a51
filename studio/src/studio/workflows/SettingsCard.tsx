/** The workflow's own settings: label, description, the role its steps run as, the loop guard. */
import { useId } from 'react';
import type { WorkflowDefinition } from '@trellis/metadata';
import { useDraft } from '../../app/draft-context.js';
import { NumberField, TextInput } from '../inputs.js';
import { RunAsPicker } from './RunAsPicker.js';
import { updateWorkflow } from './workflow-edits.js';
import { problemsOfPart, type LocatedProblem } from './workflow-paths.js';

export function SettingsCard({ name, def, located }: { name: string; def: WorkflowDefinition; located: LocatedProblem[] }) {
  const { edit } = useDraft();
  const id = useId();
  const messages = (part: string) => problemsOfPart(located, part).map((p) => p.problem.message);
  const key = (what: string) => `workflow-${name}-${what}`;
  const timing = def.timing ?? 'afterSave';

  return (
    <section className="card workflow-settings" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card-title">
        Settings
      </h2>
      <div className="grid-2">
        <TextInput label="Label" value={def.label} errors={messages('label')} onChange={(v) => edit((d) => updateWorkflow(d, name, { label: v }), key('label'))} />
        <TextInput label="Description" value={def.description ?? ''} onChange={(v) => edit((d) => updateWorkflow(d, name, { description: v }), key('description'))} />
      </div>
      <RunAsPicker name={name} def={def} errors={messages('runAs')} />
      {timing === 'afterSave' && (
        <div className="workflow-loop-guard">
          <NumberField
            label="Loop guard (levels)"
            hint="A run started by this workflow's own changes (directly or through other workflows) this many levels deep is stopped. Default 5."
            value={def.maxDepth}
            min={1}
            step={1}
            errors={messages('maxDepth')}
            onChange={(v) => edit((d) => updateWorkflow(d, name, { maxDepth: v }), key('maxDepth'))}
          />
        </div>
      )}
    </section>
  );
}
