/**
 * The condition of one record scope ("which opportunities may Sales reps update?"), edited with the rule editor
 * over the context `{ record, user }`, with one-click presets "Owner is me" and "My team".
 */
import { useState, type FormEvent } from 'react';
import type { JsonLogic, JsonLogicObject } from '@trellis/metadata';
import { useDraft } from '../../app/draft-context.js';
import { deepEqual } from '../../lib/stable.js';
import { Dialog } from '../../ui/Dialog.js';
import { LogicEditor } from '../rules/LogicEditor.js';
import { logicProblems } from '../rules/logic-context.js';
import { MY_TEAM, OWNER_IS_ME, setScope, type ScopedOperation } from './role-edits.js';
import { scopeText } from './role-summary.js';

const PRESETS: { label: string; hint: string; value: JsonLogicObject }[] = [
  { label: 'Owner is me', hint: 'Records whose owner is the signed-in user', value: OWNER_IS_ME },
  { label: 'My team', hint: 'Records whose team is one of the user’s teams', value: MY_TEAM },
  { label: 'Mine or my team’s', hint: 'Either of the two', value: { or: [OWNER_IS_ME, MY_TEAM] } },
];

const VERBS: Record<ScopedOperation, string> = { read: 'read', update: 'update', delete: 'delete' };

interface Props {
  roleName: string;
  entityName: string;
  operation: ScopedOperation;
  onClose: () => void;
}

export function ScopeDialog({ roleName, entityName, operation, onClose }: Props) {
  const { draft, edit } = useDraft();
  const role = draft.roles?.[roleName];
  const entity = draft.entities[entityName];
  const stored = role?.entities?.[entityName]?.[operation];
  const [value, setValue] = useState<JsonLogic | undefined>(() => (stored && typeof stored === 'object' ? structuredClone(stored) : OWNER_IS_ME));
  const [jsonValid, setJsonValid] = useState(true);
  // The editor follows outside changes of its value: a preset replaces what is shown.
  const [presetKey, setPresetKey] = useState(0);

  const problems = value === undefined ? [] : logicProblems(draft, entityName, value, 'roleScope');
  const blocking = !jsonValid || value === undefined || typeof value !== 'object' || problems.length > 0;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (blocking) return;
    edit((d) => setScope(d, roleName, entityName, operation, value as JsonLogicObject));
    onClose();
  };

  return (
    <Dialog
      open
      wide
      title={`Which ${entity.pluralLabel.toLowerCase()} may ${role?.label ?? roleName} ${VERBS[operation]}?`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="scope-form" className="btn btn-primary" disabled={blocking}>
            Save condition
          </button>
        </>
      }
    >
      <form id="scope-form" className="stack" onSubmit={submit} noValidate>
        <div className="scope-presets" role="group" aria-label="Presets">
          {PRESETS.map((p) => (
            <button
              key={p.label}
              type="button"
              className={deepEqual(value, p.value) ? 'btn btn-small btn-active' : 'btn btn-small'}
              title={p.hint}
              aria-pressed={deepEqual(value, p.value)}
              onClick={() => {
                setValue(structuredClone(p.value));
                setPresetKey((k) => k + 1);
              }}
            >
              {p.label}
            </button>
          ))}
        </div>
        <LogicEditor
          key={presetKey}
          doc={draft}
          entity={entityName}
          context="roleScope"
          label="Records where"
          hint="Reads the record (record.owner, record.team, record.<field>) and the signed-in user: user.id, user.email, user.name, user.roles, user.teams, user.attributes.<key>."
          value={value}
          onChange={setValue}
          onTextValidity={setJsonValid}
        />
        {!blocking && (
          <p className="scope-summary" role="status">
            {role?.label ?? roleName} may {VERBS[operation]} the {entity.pluralLabel.toLowerCase()} where <strong>{scopeText(draft, entityName, value as JsonLogicObject).replace(/^./, (c) => c.toLowerCase())}</strong>
            {operation !== 'read' && ' (among those it can read)'}.
          </p>
        )}
      </form>
    </Dialog>
  );
}
