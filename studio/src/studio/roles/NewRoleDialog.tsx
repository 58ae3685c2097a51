/** "New role": label → suggested name (editable), description; checked live against the draft. */
import { useMemo, useState, type FormEvent } from 'react';
import { ADMIN_ROLE, validateDocument } from '@trellis/metadata';
import { useDraft } from '../../app/draft-context.js';
import { navigate } from '../../app/router.js';
import { camelName } from '../../lib/names.js';
import { Dialog } from '../../ui/Dialog.js';
import { TextInput } from '../inputs.js';
import { createRole } from './role-edits.js';
import { problemsForRole } from './role-problems.js';

export function NewRoleDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { draft, edit } = useDraft();
  const [label, setLabel] = useState('');
  const [name, setName] = useState('');
  const [nameEdited, setNameEdited] = useState(false);
  const [description, setDescription] = useState('');

  const problems = useMemo(() => {
    const out: { label?: string[]; name?: string[] } = {};
    if (!label.trim()) out.label = ['Enter a label'];
    if (!name) out.name = ['Enter a name'];
    else if (name === ADMIN_ROLE) out.name = ['“admin” is the built-in role; choose another name'];
    else if (draft.roles?.[name]) out.name = [`A role named “${name}” already exists`];
    else {
      const messages = problemsForRole(validateDocument(createRole(draft, { name, label: label || name })), name).map((p) => p.message);
      if (messages.length) out.name = messages;
    }
    return out;
  }, [draft, label, name]);

  const valid = !problems.label && !problems.name;
  const close = () => {
    setLabel('');
    setName('');
    setNameEdited(false);
    setDescription('');
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!valid) return;
    edit((doc) => createRole(doc, { name, label: label.trim(), description }));
    close();
    navigate(`/studio/roles/${name}`);
  };

  return (
    <Dialog
      open={open}
      title="New role"
      onClose={close}
      footer={
        <>
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="submit" form="new-role-form" className="btn btn-primary" disabled={!valid}>
            Create role
          </button>
        </>
      }
    >
      <form id="new-role-form" className="stack" onSubmit={submit} noValidate>
        <TextInput
          label="Role label"
          value={label}
          autoFocus
          hint="As people say it: “Sales rep”."
          errors={label ? problems.label : undefined}
          onChange={(v) => {
            setLabel(v);
            if (!nameEdited) setName(camelName(v));
          }}
        />
        <TextInput
          label="Role name"
          mono
          value={name}
          hint="Used in user assignments and API keys, camelCase."
          errors={label || nameEdited ? problems.name : undefined}
          onChange={(v) => {
            setNameEdited(true);
            setName(v);
          }}
        />
        <TextInput label="Role description" value={description} multiline onChange={setDescription} />
        <p className="muted small">A new role grants nothing: choose what it may do with each entity next.</p>
      </form>
    </Dialog>
  );
}
