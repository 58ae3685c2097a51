/** "New entity": label → suggested name, plural and plural label (each editable), checked live. */
import { useMemo, useState, type FormEvent } from 'react';
import { validateDocument } from '@trellis/metadata';
import { useDraft } from '../app/draft-context.js';
import { navigate } from '../app/router.js';
import { camelName, pluralize } from '../lib/names.js';
import { Dialog } from '../ui/Dialog.js';
import { createEntity } from './doc-edits.js';
import { parseProblemPath } from './problem-paths.js';
import { TextInput } from './inputs.js';

interface Values {
  label: string;
  name: string;
  pluralLabel: string;
  plural: string;
  description: string;
}

const EMPTY: Values = { label: '', name: '', pluralLabel: '', plural: '', description: '' };

export function NewEntityDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { draft, edit } = useDraft();
  const [values, setValues] = useState<Values>(EMPTY);
  const [edited, setEdited] = useState<Set<keyof Values>>(new Set());

  const setLabel = (label: string) =>
    setValues((v) => ({
      ...v,
      label,
      name: edited.has('name') ? v.name : camelName(label),
      pluralLabel: edited.has('pluralLabel') ? v.pluralLabel : pluralize(label),
      plural: edited.has('plural') ? v.plural : camelName(pluralize(label)),
    }));
  const set = (key: keyof Values) => (value: string) => {
    setEdited((e) => new Set(e).add(key));
    setValues((v) => ({ ...v, [key]: value }));
  };

  const problems = useMemo(() => {
    const byKey: Partial<Record<keyof Values | 'other', string[]>> = {};
    const add = (key: keyof Values | 'other', message: string) => (byKey[key] ??= []).push(message);
    if (!values.label.trim()) add('label', 'Enter a label');
    if (!values.name) add('name', 'Enter a name');
    else if (draft.entities[values.name]) add('name', `An entity named “${values.name}” already exists`);
    if (values.name && !draft.entities[values.name]) {
      const candidate = createEntity(draft, { ...values, description: values.description || undefined });
      for (const p of validateDocument(candidate)) {
        const loc = parseProblemPath(p.path);
        if (loc.entity !== values.name) continue;
        const key = loc.field === undefined && ['label', 'pluralLabel', 'plural', 'description'].includes(loc.rest[0] ?? '') ? (loc.rest[0] as keyof Values) : loc.rest.length === 0 && !loc.field ? 'name' : 'other';
        add(key, p.message);
      }
      // a clash of plurals shows up on the other entity's path too
      for (const [other, entity] of Object.entries(draft.entities)) {
        if (entity.plural === values.plural) add('plural', `The entity “${other}” already uses the plural “${values.plural}”`);
      }
    }
    return byKey;
  }, [draft, values]);

  const valid = Object.keys(problems).length === 0;
  const close = () => {
    setValues(EMPTY);
    setEdited(new Set());
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!valid) return;
    const name = values.name;
    edit((doc) => createEntity(doc, { ...values, description: values.description || undefined }));
    close();
    navigate(`/studio/entities/${name}`);
  };

  return (
    <Dialog
      open={open}
      title="New entity"
      onClose={close}
      footer={
        <>
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="submit" form="new-entity-form" className="btn btn-primary" disabled={!valid}>
            Create entity
          </button>
        </>
      }
    >
      <form id="new-entity-form" className="stack" onSubmit={submit} noValidate>
        <TextInput label="Label" value={values.label} onChange={setLabel} autoFocus errors={values.label ? problems.label : undefined} hint="Singular, as people say it: “Support ticket”." />
        <div className="grid-2">
          <TextInput label="Name" value={values.name} onChange={set('name')} mono errors={values.label ? problems.name : undefined} hint="API name, camelCase." />
          <TextInput label="Plural name" value={values.plural} onChange={set('plural')} mono errors={values.label ? problems.plural : undefined} />
        </div>
        <TextInput label="Plural label" value={values.pluralLabel} onChange={set('pluralLabel')} errors={values.label ? problems.pluralLabel : undefined} />
        <TextInput label="Description" value={values.description} onChange={set('description')} multiline errors={problems.description} />
        {values.label && problems.other && (
          <ul className="problem-list" aria-label="Problems">
            {problems.other.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        )}
        <p className="muted small">The entity starts with a required “Name” text field, used to name its records.</p>
      </form>
    </Dialog>
  );
}
