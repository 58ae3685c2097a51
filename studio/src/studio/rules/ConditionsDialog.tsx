/**
 * A field's conditions on the form: visible when / required when / read-only when, each edited with the rule
 * editor (visual or JSON), and a test of all three against a sample. Saved to the form layout's `conditions`.
 */
import { useMemo, useState, type FormEvent } from 'react';
import type { FieldConditions, JsonLogic, MetadataDocument } from '@trellis/metadata';
import { evaluateConditions } from '@trellis/runtime';
import { useDraft } from '../../app/draft-context.js';
import { Dialog } from '../../ui/Dialog.js';
import { setFormLayout } from '../doc-edits.js';
import { LogicEditor } from './LogicEditor.js';
import { logicProblems } from './logic-context.js';
import { withFieldConditions } from './rule-edits.js';
import { sampleContext, type RuleSample } from './rule-test.js';
import { SamplePicker } from './SamplePicker.js';

const KINDS = [
  { key: 'visibleWhen', label: 'Visible when', hint: 'Shown only while these conditions hold; a hidden field is not required and keeps its stored value.' },
  { key: 'requiredWhen', label: 'Required when', hint: 'Must have a value while these conditions hold — in the form and in the API.' },
  { key: 'readOnlyWhen', label: 'Read-only when', hint: 'Cannot be changed while these conditions hold (checked on the record as stored) — in the form and in the API.' },
] as const;

/** Whether the field type accepts requiredWhen / readOnlyWhen (people enter its value). */
function enteredByPeople(doc: MetadataDocument, entity: string, field: string): boolean {
  const def = doc.entities[entity]?.fields[field];
  return !!def && !(def.type === 'relation' && def.cardinality === 'oneToMany') && !['formula', 'rollup', 'autoNumber'].includes(def.type);
}

export function ConditionsDialog({ entityName, field, onClose }: { entityName: string; field: string; onClose: () => void }) {
  const { draft, edit } = useDraft();
  const entity = draft.entities[entityName];
  const layout = entity.layouts?.form ?? { sections: [] };
  const [conditions, setConditions] = useState<FieldConditions>(() => structuredClone(layout.conditions?.[field] ?? {}));
  const [jsonValid, setJsonValid] = useState<Record<string, boolean>>({});
  const [sample, setSample] = useState<RuleSample | null>(null);
  const label = entity.fields[field]?.label ?? field;
  const kinds = KINDS.filter((k) => k.key === 'visibleWhen' || enteredByPeople(draft, entityName, field));

  const apply = (doc: MetadataDocument) => setFormLayout(doc, entityName, withFieldConditions(layout, field, conditions));
  const candidate = useMemo(() => apply(draft), [draft, conditions]); // eslint-disable-line react-hooks/exhaustive-deps
  const blocking =
    Object.values(jsonValid).some((v) => !v) ||
    kinds.some((k) => conditions[k.key] !== undefined && logicProblems(draft, entityName, conditions[k.key], 'condition').length > 0);

  const state = useMemo(() => {
    if (!sample) return null;
    try {
      return evaluateConditions(candidate, entityName, sampleContext(sample))[field] ?? null;
    } catch (e) {
      return { error: (e as Error).message, visible: true, required: false, readOnly: false };
    }
  }, [candidate, entityName, field, sample]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (blocking) return;
    edit(apply);
    onClose();
  };

  return (
    <Dialog
      open
      wide
      title={`Conditions of “${label}”`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="conditions-form" className="btn btn-primary" disabled={blocking}>
            Save conditions
          </button>
        </>
      }
    >
      <form id="conditions-form" className="rule-editor" onSubmit={submit} noValidate>
        <div className="stack">
          <p className="muted small">Leave a condition empty for the default: always visible, required as the field says, editable.</p>
          {kinds.map((k) => (
            <LogicEditor
              key={k.key}
              doc={draft}
              entity={entityName}
              context="condition"
              label={k.label}
              hint={k.hint}
              value={conditions[k.key]}
              onChange={(v: JsonLogic | undefined) => setConditions((c) => ({ ...c, [k.key]: v }))}
              onTextValidity={(ok) => setJsonValid((all) => (all[k.key] === ok ? all : { ...all, [k.key]: ok }))}
            />
          ))}
        </div>
        <section className="test-panel stack" aria-label="Test these conditions">
          <h3 className="card-title">Test these conditions</h3>
          <SamplePicker doc={draft} entity={entityName} withPrevious onSample={setSample} />
          <div className="test-result" role="status" aria-live="polite" aria-label="Test result">
            {!state && <p className="muted small">Fix the sample to test the conditions.</p>}
            {state && 'error' in state && state.error && <p className="field-error">{state.error}</p>}
            {state && (
              <p>
                For this record, “{label}” is <strong>{state.visible ? 'visible' : 'hidden'}</strong>
                {state.visible && (
                  <>
                    , <strong>{state.required ? 'required' : 'optional'}</strong>
                  </>
                )}
                {' '}and <strong>{state.readOnly ? 'read-only' : 'editable'}</strong>.
              </p>
            )}
          </div>
        </section>
      </form>
    </Dialog>
  );
}
