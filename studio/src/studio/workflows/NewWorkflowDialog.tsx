/** "New workflow": label → suggested name, what starts it (and on which entity); created inactive in the draft. */
import { useState, type FormEvent } from 'react';
import type { WorkflowTrigger } from '@trellis/metadata';
import { useDraft } from '../../app/draft-context.js';
import { navigate } from '../../app/router.js';
import { camelName } from '../../lib/names.js';
import { Dialog } from '../../ui/Dialog.js';
import { SelectField, TextInput } from '../inputs.js';
import { TRIGGER_ORDER, triggerTypeLabel, type TriggerType } from './step-kinds.js';
import { defaultTrigger } from './trigger-defaults.js';
import { createWorkflow } from './workflow-edits.js';

const NAME_PATTERN = /^[a-z][A-Za-z0-9]*$/;

export function NewWorkflowDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { draft, edit } = useDraft();
  const entities = Object.entries(draft.entities).sort(([, a], [, b]) => a.pluralLabel.localeCompare(b.pluralLabel));
  const [label, setLabel] = useState('');
  const [name, setName] = useState('');
  const [nameEdited, setNameEdited] = useState(false);
  const [description, setDescription] = useState('');
  const [type, setType] = useState<TriggerType>('recordCreated');
  const [entity, setEntity] = useState('');
  const [tried, setTried] = useState(false);

  const needsEntity = type !== 'scheduled' && type !== 'webhook';
  const chosenEntity = entity || entities[0]?.[0] || '';
  const problems = {
    label: label.trim() ? undefined : ['Enter a label'],
    name: !name
      ? ['Enter a name']
      : !NAME_PATTERN.test(name)
        ? ['Use camelCase letters and digits, starting with a lower-case letter']
        : draft.workflows?.[name]
          ? [`A workflow named “${name}” already exists`]
          : undefined,
    entity: needsEntity && !chosenEntity ? ['Create an entity first: this trigger is about its records'] : undefined,
  };
  const valid = !problems.label && !problems.name && !problems.entity;

  const close = () => {
    setLabel('');
    setName('');
    setNameEdited(false);
    setDescription('');
    setType('recordCreated');
    setEntity('');
    setTried(false);
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!valid) return;
    const trigger: WorkflowTrigger = defaultTrigger(draft, type, chosenEntity);
    edit((doc) => createWorkflow(doc, { name, label: label.trim(), description, trigger }));
    close();
    navigate(`/studio/workflows/${name}`);
  };

  return (
    <Dialog
      open={open}
      title="New workflow"
      onClose={close}
      footer={
        <>
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="submit" form="new-workflow-form" className="btn btn-primary">
            Create workflow
          </button>
        </>
      }
    >
      <form id="new-workflow-form" className="stack" onSubmit={submit} noValidate>
        <TextInput
          label="Workflow label"
          value={label}
          autoFocus
          hint="What it does, as people say it: “Follow up won deals”."
          errors={tried || label ? problems.label : undefined}
          onChange={(v) => {
            setLabel(v);
            if (!nameEdited) setName(camelName(v));
          }}
        />
        <TextInput
          label="Workflow name"
          mono
          value={name}
          hint="Used in run history, webhooks and the API, camelCase."
          errors={tried || nameEdited || label ? problems.name : undefined}
          onChange={(v) => {
            setNameEdited(true);
            setName(v);
          }}
        />
        <TextInput label="Workflow description" value={description} multiline onChange={setDescription} />
        <div className="grid-2">
          <SelectField label="Starts" value={type} onChange={(v) => setType(v as TriggerType)}>
            {TRIGGER_ORDER.map((t) => (
              <option key={t} value={t}>
                {triggerTypeLabel(t)}
              </option>
            ))}
          </SelectField>
          {needsEntity && (
            <SelectField label="Entity" value={chosenEntity} errors={problems.entity} onChange={setEntity}>
              {entities.map(([n, def]) => (
                <option key={n} value={n}>
                  {def.pluralLabel}
                </option>
              ))}
            </SelectField>
          )}
        </div>
        <p className="muted small">The workflow starts inactive: add its steps, test it, then switch it on and publish.</p>
      </form>
    </Dialog>
  );
}
