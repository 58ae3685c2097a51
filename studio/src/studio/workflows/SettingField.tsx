/**
 * The RJSF field of every step setting: picks the editor for the setting (`settingKind`) and wires it to the
 * draft through the step form's `patch`, with the draft check's messages about that setting underneath.
 */
import { useState } from 'react';
import type { FieldProps } from '@rjsf/utils';
import type { JsonLogic, Recipients, WorkflowDuration } from '@trellis/metadata';
import { formatFieldLabel } from '@trellis/runtime';
import { useDraft } from '../../app/draft-context.js';
import { CheckboxField, NumberField, SelectField, TextInput } from '../inputs.js';
import { LogicEditor } from '../rules/LogicEditor.js';
import { DurationInput } from './DurationInput.js';
import { DUE, EitherEditor, WAIT_FOR } from './EitherEditors.js';
import { ExpressionInput } from './ExpressionInput.js';
import { FieldChecklist } from './FieldChecklist.js';
import { FieldValuesEditor } from './FieldValuesEditor.js';
import { HeadersEditor } from './HeadersEditor.js';
import { PluginActionPicker, PluginInputs } from './PluginActionSettings.js';
import { PoolPicker } from './PoolPicker.js';
import { RecipientsEditor } from './RecipientsEditor.js';
import { isUserSetting, messagesAt, settingKind, shortHelp } from './step-config.js';
import { useStepForm } from './step-form-context.js';
import { starterCondition } from './starter-condition.js';
import { TemplateInput } from './TemplateInput.js';
import { contextRoots } from './workflow-context.js';
import { WorkflowLogicEditor } from './WorkflowLogicEditor.js';

/** Friendlier words for enum values the schema gives as identifiers. */
const ENUM_LABELS: Record<string, string> = { user: 'A given user', roundRobin: 'Round-robin (each in turn)', leastLoaded: 'Least loaded (owns the fewest records)' };

export function SettingField({ name, schema, required }: FieldProps) {
  const { draft } = useDraft();
  const form = useStepForm();
  const { config, problems, paths, entity, step } = form;
  const kind = settingKind(step.type, name, schema, config, form.marks);
  if (kind === 'hidden') return null;

  const s = schema as Record<string, unknown>;
  const label = typeof s.title === 'string' ? s.title : formatFieldLabel(name);
  const hint = shortHelp(s.description);
  const errors = messagesAt(problems, [name], true);
  const inside = (...more: string[]) => messagesAt(problems, [name, ...more]);
  const value = config[name];
  const set = (v: unknown, undoKey?: string) => form.patch({ [name]: v }, undoKey);
  const roots = contextRoots(form.def.trigger);

  switch (kind) {
    case 'expression':
      return <ExpressionInput label={label} hint={hint} value={value} onChange={(v) => set(v, name)} paths={paths} errors={messagesAt(problems, [name])} user={isUserSetting(step.type, name)} />;
    case 'condition':
      return (
        <WorkflowLogicEditor
          doc={draft}
          entity={entity}
          paths={paths}
          value={value}
          onChange={(v) => set(v, name)}
          label={label}
          hint={hint}
          previous={roots.previous}
          problems={problems.filter((p) => p.rest[0] === name).map((p) => ({ path: `/${p.rest.slice(1).join('/')}`.replace(/^\/$/, ''), message: p.message, code: '' }))}
        />
      );
    case 'relatedFilter': {
      const target = entity && typeof config.relation === 'string' ? draft.entities[entity]?.fields[config.relation]?.target : undefined;
      if (!target || !draft.entities[target]) return <p className="muted small">Choose the relation to filter its records.</p>;
      return (
        <div className="stack">
          {value === undefined ? (
            <button type="button" className="btn btn-small" onClick={() => set(starterCondition(draft.entities[target], false))}>
              Only some of them (add a filter)
            </button>
          ) : (
            <>
              <LogicEditor key={target} doc={draft} entity={target} context="rollupFilter" value={value} onChange={(v) => set(v, name)} label={label} hint={hint} />
              <button type="button" className="btn btn-small btn-ghost" onClick={() => set(undefined)}>
                Remove filter (all related records)
              </button>
            </>
          )}
          {errors.map((m, i) => (
            <p key={i} className="field-error">
              {m}
            </p>
          ))}
        </div>
      );
    }
    case 'template':
    case 'longTemplate':
      return (
        <TemplateInput
          label={label}
          hint={hint}
          value={typeof value === 'string' ? value : ''}
          onChange={(v) => set(v === '' && !required ? undefined : v, name)}
          paths={paths}
          multiline={kind === 'longTemplate'}
          required={required}
          errors={errors}
        />
      );
    case 'values': {
      const valuesEntity =
        step.type === 'createRecord'
          ? (config.entity as string) || undefined
          : step.type === 'updateRelated'
            ? entity && typeof config.relation === 'string'
              ? draft.entities[entity]?.fields[config.relation]?.target
              : undefined
            : entity;
      return (
        <FieldValuesEditor
          label={label}
          hint={hint}
          doc={draft}
          entity={valuesEntity}
          value={(value as Record<string, JsonLogic>) ?? {}}
          onChange={(v) => set(v, name)}
          paths={paths}
          messagesFor={(field) => inside(field)}
          errors={errors}
        />
      );
    }
    case 'recipients':
      return (
        <RecipientsEditor
          label={label}
          hint={hint}
          doc={draft}
          value={value as Recipients | undefined}
          onChange={(v) => set(v, name)}
          paths={paths}
          hasRecord={roots.record}
          messagesFor={(part) => inside(part)}
          errors={errors}
        />
      );
    case 'headers':
      return <HeadersEditor label={label} hint={hint} value={value as Record<string, string> | undefined} onChange={(v) => set(v, name)} errors={messagesAt(problems, [name])} />;
    case 'entity': {
      const entities = Object.entries(draft.entities).sort(([, a], [, b]) => a.pluralLabel.localeCompare(b.pluralLabel));
      const current = typeof value === 'string' ? value : '';
      return (
        <SelectField label={label} hint={hint} value={current} errors={errors} onChange={(v) => form.patch({ [name]: v, values: {} })}>
          <option value="">Choose…</option>
          {current && !draft.entities[current] && <option value={current}>{current} (unknown)</option>}
          {entities.map(([n, e]) => (
            <option key={n} value={n}>
              {e.label}
            </option>
          ))}
        </SelectField>
      );
    }
    case 'relation': {
      const fields = Object.entries((entity && draft.entities[entity]?.fields) || {}).filter(([, f]) => f.type === 'relation');
      const current = typeof value === 'string' ? value : '';
      return (
        <SelectField label={label} hint={hint ?? 'The related records to update.'} value={current} errors={errors} onChange={(v) => form.patch({ [name]: v, values: {}, filter: undefined })}>
          <option value="">{fields.length ? 'Choose…' : 'This entity has no relation fields'}</option>
          {current && !fields.some(([n]) => n === current) && <option value={current}>{current} (unknown)</option>}
          {fields.map(([n, f]) => (
            <option key={n} value={n}>
              {f.label} ({draft.entities[f.target ?? '']?.pluralLabel ?? f.target})
            </option>
          ))}
        </SelectField>
      );
    }
    case 'pool':
      return <PoolPicker doc={draft} team={config.team as string | undefined} role={config.role as string | undefined} onChange={(p) => form.patch(p)} errors={[...errors, ...messagesAt(problems, ['role'])]} />;
    case 'fieldList':
      return <FieldChecklist label={label} hint={hint} doc={draft} entity={entity} value={Array.isArray(value) ? (value as string[]) : []} errors={messagesAt(problems, [name])} onChange={(v) => set(v.length ? v : undefined)} />;
    case 'due':
    case 'waitFor': {
      const either = kind === 'due' ? DUE : WAIT_FOR;
      return (
        <EitherEditor
          settings={either}
          duration={config[either.durationKey] as WorkflowDuration | undefined}
          date={config[either.dateKey]}
          onChange={(p) => form.patch(p, either.undoKey)}
          paths={paths}
          durationErrors={messagesAt(problems, [either.durationKey])}
          dateErrors={messagesAt(problems, [either.dateKey])}
        />
      );
    }
    case 'pluginAction':
      return <PluginActionPicker value={typeof value === 'string' ? value : ''} onChange={(v) => set(v)} errors={errors} />;
    case 'pluginInput':
      return (
        <PluginInputs
          action={typeof config.action === 'string' ? config.action : ''}
          value={(value as Record<string, JsonLogic>) ?? {}}
          onChange={(v) => set(v, name)}
          paths={paths}
          messagesFor={(input) => inside(input)}
        />
      );
    case 'duration':
      return <DurationInput label={label} hint={hint} value={value as WorkflowDuration | undefined} onChange={(v) => set(v, name)} errors={messagesAt(problems, [name])} />;
    case 'enum': {
      const options = (s.enum as unknown[]).map(String);
      return (
        <SelectField label={label} hint={hint} value={typeof value === 'string' ? value : ''} errors={errors} onChange={(v) => set(v === '' ? undefined : v)}>
          {(!required || value === undefined) && <option value="">{required ? 'Choose…' : '(default)'}</option>}
          {options.map((o) => (
            <option key={o} value={o}>
              {ENUM_LABELS[o] ?? o}
            </option>
          ))}
        </SelectField>
      );
    }
    case 'boolean':
      return <CheckboxField label={label} hint={hint} checked={value === true} errors={errors} onChange={(v) => set(v || undefined)} />;
    case 'number':
      return <NumberField label={label} hint={hint} value={typeof value === 'number' ? value : undefined} errors={errors} onChange={(v) => set(v, name)} />;
    case 'text':
      return <TextInput label={label} hint={hint} value={typeof value === 'string' ? value : ''} errors={errors} onChange={(v) => set(v === '' ? undefined : v, name)} />;
    default:
      return <JsonSetting label={label} hint={hint} value={value} onChange={(v) => set(v, name)} errors={messagesAt(problems, [name])} />;
  }
}

/** A setting the form has no editor for: its JSON, as text (kept as typed until it parses). */
function JsonSetting({ label, hint, value, onChange, errors }: { label: string; hint?: string; value: unknown; onChange: (v: unknown) => void; errors: string[] }) {
  const [text, setText] = useState(() => (value === undefined ? '' : JSON.stringify(value)));
  const [invalid, setInvalid] = useState(false);
  return (
    <TextInput
      label={label}
      hint={hint ?? 'JSON'}
      mono
      multiline
      value={text}
      errors={invalid ? ['Not valid JSON yet', ...errors] : errors}
      onChange={(t) => {
        setText(t);
        if (t.trim() === '') {
          setInvalid(false);
          return onChange(undefined);
        }
        try {
          onChange(JSON.parse(t));
          setInvalid(false);
        } catch {
          setInvalid(true);
        }
      }}
    />
  );
}
