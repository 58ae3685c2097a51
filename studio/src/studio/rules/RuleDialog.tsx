/**
 * Add or edit a validation rule: name and label, the condition that makes a record invalid (visual builder or
 * JSON Logic), the message with `{{record.field}}` placeholders, the fields it is shown next to, the active
 * flag — and a test panel that runs the rule as edited against a sample. Checked live with validateDocument;
 * saved to the draft as one undo step.
 */
import { useCallback, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { validateDocument, type MetadataDocument, type ValidationRule } from '@trellis/metadata';
import { useDraft } from '../../app/draft-context.js';
import { camelName, uniqueName } from '../../lib/names.js';
import { Dialog } from '../../ui/Dialog.js';
import { CheckboxField, TextInput } from '../inputs.js';
import { parseProblemPath } from '../problem-paths.js';
import { LogicEditor } from './LogicEditor.js';
import { logicProblems } from './logic-context.js';
import { setRule } from './rule-edits.js';
import { RuleTestPanel } from './RuleTestPanel.js';
import { contextFields } from './sample-record.js';

interface Props {
  entityName: string;
  /** Absent when adding a rule. */
  ruleName?: string;
  onClose: () => void;
}

const empty = (): ValidationRule => ({ label: '', invalidWhen: undefined, message: '' });

/** The rule as stored: blank optional parts left out, properties in the document's usual order. */
function cleanRule(rule: ValidationRule): ValidationRule {
  return {
    ...(rule.label?.trim() ? { label: rule.label } : {}),
    ...(rule.description?.trim() ? { description: rule.description } : {}),
    invalidWhen: rule.invalidWhen,
    message: rule.message,
    ...(rule.fields?.length ? { fields: rule.fields } : {}),
    ...(rule.active === false ? { active: false } : {}),
  };
}

export function RuleDialog({ entityName, ruleName, onClose }: Props) {
  const { draft, edit } = useDraft();
  const entity = draft.entities[entityName];
  const existing = ruleName ? entity.rules?.[ruleName] : undefined;
  const [rule, setRuleState] = useState<ValidationRule>(() => (existing ? structuredClone(existing) : empty()));
  const [name, setName] = useState(ruleName ?? '');
  const [nameEdited, setNameEdited] = useState(!!ruleName);
  const [submitted, setSubmitted] = useState(false);
  const [jsonValid, setJsonValid] = useState(true);
  const messageRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  const patch = (p: Partial<ValidationRule>) => setRuleState((r) => ({ ...r, ...p }));
  const setLabel = (label: string) => {
    patch({ label });
    if (!nameEdited) setName(uniqueName(camelName(label), Object.keys(entity.rules ?? {}).filter((n) => n !== ruleName)));
  };

  const stored = useMemo(() => cleanRule(rule), [rule]);
  const apply = useCallback((doc: MetadataDocument) => setRule(doc, entityName, name, stored, ruleName), [entityName, name, stored, ruleName]);

  const duplicate = name !== ruleName && !!entity.rules?.[name];
  const problems = useMemo(() => {
    const byPart: Record<string, string[]> = {};
    const add = (key: string, message: string) => (byPart[key] ??= []).push(message);
    if (!name) add('name', 'Enter a name (or a label to suggest one).');
    if (duplicate) add('name', `This entity already has a rule named “${name}”.`);
    if (rule.invalidWhen === undefined) add('invalidWhen', 'Add at least one condition: the record is refused when the conditions hold.');
    if (!rule.message.trim()) add('message', 'Enter the message people see when the rule refuses a record.');
    if (!jsonValid) add('invalidWhen', 'The JSON does not parse.');
    if (!name || duplicate) return byPart;
    for (const p of validateDocument(apply(draft))) {
      const loc = parseProblemPath(p.path);
      if (loc.entity !== entityName || loc.field || loc.rest[0] !== 'rules' || loc.rest[1] !== name) continue;
      const part = loc.rest[2];
      if (part === 'invalidWhen') continue; // shown by the editor itself, at the place it points to
      add(part === 'message' || part === 'fields' ? part : part ? 'other' : 'name', p.message);
    }
    return byPart;
  }, [draft, apply, name, duplicate, rule, entityName, jsonValid]);

  const logicOk = useMemo(
    () => rule.invalidWhen === undefined || logicProblems(draft, entityName, rule.invalidWhen, 'rule').length === 0,
    [draft, entityName, rule.invalidWhen],
  );
  const blocking = Object.keys(problems).length > 0 || !logicOk;
  /** Before the first save attempt, only problems about what was already typed. */
  const show = (key: string): string[] | undefined => {
    if (submitted) return problems[key];
    if (key === 'name') return duplicate ? problems.name : undefined;
    if (key === 'invalidWhen') return undefined;
    if (key === 'message') return rule.message.trim() ? problems.message : undefined;
    return problems[key];
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (blocking) return;
    edit(apply);
    onClose();
  };

  const fieldChoices = contextFields(draft, entityName);
  const chosen = rule.fields ?? [];
  const insertPlaceholder = (path: string) => {
    if (!path) return;
    const el = messageRef.current;
    const at = el ? el.selectionStart : rule.message.length;
    const token = `{{${path}}}`;
    patch({ message: rule.message.slice(0, at) + token + rule.message.slice(el ? el.selectionEnd : at) });
    window.setTimeout(() => {
      el?.focus();
      el?.setSelectionRange(at + token.length, at + token.length);
    }, 0);
  };

  return (
    <Dialog
      open
      wide
      title={ruleName ? `Edit rule “${existing?.label || ruleName}”` : `Add validation rule to ${entity.label}`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="rule-editor-form" className="btn btn-primary" disabled={submitted && blocking}>
            {ruleName ? 'Save rule' : 'Add rule'}
          </button>
        </>
      }
    >
      <form id="rule-editor-form" className="rule-editor" onSubmit={submit} noValidate>
        <div className="stack">
          <div className="grid-2">
            <TextInput label="Rule label" value={rule.label ?? ''} onChange={setLabel} autoFocus hint="What the rule checks, e.g. “Won needs a close date”." />
            <TextInput
              label="Rule name"
              mono
              value={name}
              errors={show('name')}
              onChange={(v) => {
                setNameEdited(true);
                setName(v);
              }}
              hint="Appears in API errors (fieldErrors[].rule)."
            />
          </div>
          <TextInput label="Rule description" value={rule.description ?? ''} multiline onChange={(v) => patch({ description: v })} />
          <CheckboxField label="Active" checked={rule.active !== false} onChange={(v) => patch({ active: v ? undefined : false })} hint="Inactive rules are kept but not checked." />

          <LogicEditor
            doc={draft}
            entity={entityName}
            context="rule"
            label="Invalid when"
            hint="The record is refused when these conditions hold."
            value={rule.invalidWhen}
            onChange={(invalidWhen) => patch({ invalidWhen })}
            onTextValidity={setJsonValid}
          />
          {show('invalidWhen')?.map((m, i) => (
            <p key={i} className="field-error">
              {m}
            </p>
          ))}

          <div className={show('message') ? 'field invalid' : 'field'}>
            <label className="field-label" htmlFor={`${id}-message`}>
              Message
            </label>
            <textarea
              ref={messageRef}
              id={`${id}-message`}
              className="input"
              rows={2}
              value={rule.message}
              aria-describedby={`${id}-message-hint`}
              aria-invalid={show('message') ? true : undefined}
              onChange={(e) => patch({ message: e.target.value })}
            />
            <p className="field-help" id={`${id}-message-hint`}>
              Shown when the rule refuses a record. Insert values with <code>{'{{record.field}}'}</code>, e.g. <code>{'{{record.name}}'}</code>, or the value
              before the change with <code>{'{{previous.field}}'}</code>; a blank value shows as nothing.
            </p>
            <select className="input input-insert" aria-label="Insert a value into the message" value="" onChange={(e) => insertPlaceholder(e.target.value)}>
              <option value="">Insert a value…</option>
              {fieldChoices.map((f) => (
                <option key={f} value={`record.${f}`}>
                  {entity.fields[f]?.label ?? f}
                </option>
              ))}
              {fieldChoices.map((f) => (
                <option key={`p-${f}`} value={`previous.${f}`}>
                  {entity.fields[f]?.label ?? f} (before the change)
                </option>
              ))}
            </select>
            {show('message')?.map((m, i) => (
              <p key={i} className="field-error">
                {m}
              </p>
            ))}
          </div>

          <fieldset className="field rule-fields">
            <legend className="field-label">Show message next to</legend>
            <div className="check-group">
              {fieldChoices.map((f) => (
                <label key={f} className="check">
                  <input
                    type="checkbox"
                    checked={chosen.includes(f)}
                    onChange={(e) => patch({ fields: e.target.checked ? [...chosen, f] : chosen.filter((x) => x !== f) })}
                  />
                  {entity.fields[f]?.label ?? f}
                </label>
              ))}
            </div>
            <p className="field-help">None chosen: the message is shown at the top of the form, for the whole record.</p>
            {show('fields')?.map((m, i) => (
              <p key={i} className="field-error">
                {m}
              </p>
            ))}
          </fieldset>
          {show('other')?.map((m, i) => (
            <p key={i} className="field-error">
              {m}
            </p>
          ))}
        </div>
        <RuleTestPanel doc={draft} entity={entityName} subject={{ kind: 'rule', name: name || 'untitledRule', rule: stored }} />
      </form>
    </Dialog>
  );
}
