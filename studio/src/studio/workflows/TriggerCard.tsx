/**
 * What starts the workflow: a record event (created / updated / deleted / fields changed), a date of the record
 * coming near, a schedule, a button on the record page, or a webhook — with the settings of that kind.
 */
import { useId } from 'react';
import type { WorkflowDefinition, WorkflowTrigger } from '@trellis/metadata';
import { useDraft } from '../../app/draft-context.js';
import { SelectField, TextInput } from '../inputs.js';
import { DurationInput } from './DurationInput.js';
import { FieldChecklist } from './FieldChecklist.js';
import { ScheduleEditor } from './ScheduleEditor.js';
import { TimingChoice } from './TimingChoice.js';
import { TRIGGER_ORDER, triggerType, triggerTypeLabel, type TriggerType } from './step-kinds.js';
import { dateFields, switchTriggerEntity, switchTriggerType } from './trigger-defaults.js';
import { WebhookPanel } from './WebhookPanel.js';
import { setTrigger } from './workflow-edits.js';
import { problemsOfPart, type LocatedProblem } from './workflow-paths.js';
import { fieldLabel, triggerSummary } from './workflow-summary.js';

export function TriggerCard({ name, def, located }: { name: string; def: WorkflowDefinition; located: LocatedProblem[] }) {
  const { draft, edit } = useDraft();
  const id = useId();
  const trigger = def.trigger;
  const problems = problemsOfPart(located, 'trigger');
  const at = (prop: string) => problems.filter((p) => p.at.rest[0] === prop).map((p) => p.problem.message);
  const general = problems.filter((p) => !['type', 'entity', 'fields', 'field', 'offset', 'direction', 'time', 'timeZone', 'cron', 'buttonLabel'].includes(p.at.rest[0] ?? '')).map((p) => p.problem.message);
  const entities = Object.entries(draft.entities).sort(([, a], [, b]) => a.pluralLabel.localeCompare(b.pluralLabel));
  const set = (next: WorkflowTrigger, key?: string) => edit((d) => setTrigger(d, name, next), key ? `workflow-${name}-trigger-${key}` : undefined);
  const entity = 'entity' in trigger ? trigger.entity : undefined;
  const info = triggerType(trigger.type);
  // A new entity for a trigger that had none: for date-relative triggers, one with a date field.
  const fallbackEntity = (type: string) => (type === 'dateRelative' ? entities.find(([n]) => dateFields(draft, n).length > 0)?.[0] : undefined) ?? entities[0]?.[0] ?? '';
  const canBeforeSave = ['recordCreated', 'recordUpdated', 'fieldChanged'].includes(trigger.type);
  // An optional text setting of the trigger: its value, its problems, and blank removes it.
  const optionalText = (key: 'time' | 'timeZone' | 'buttonLabel') => ({
    value: (trigger as Partial<Record<typeof key, string>>)[key] ?? '',
    errors: at(key),
    onChange: (v: string) => set(withOptional(trigger, key, v), key),
  });

  return (
    <section className="card workflow-trigger" aria-labelledby={`${id}-title`}>
      <header className="card-header">
        <div>
          <h2 id={`${id}-title`} className="card-title">
            Trigger
          </h2>
          <p className="muted small" aria-live="polite">
            {triggerSummary(draft, trigger)}
          </p>
        </div>
      </header>
      <div className="grid-2">
        <SelectField label="Starts" value={trigger.type} hint={info?.description} errors={at('type')} onChange={(v) => set(switchTriggerType(draft, trigger, v as TriggerType, fallbackEntity(v)))}>
          {TRIGGER_ORDER.map((t) => (
            <option key={t} value={t}>
              {triggerTypeLabel(t)}
            </option>
          ))}
        </SelectField>
        {entity !== undefined && (
          <SelectField label="Entity" value={entity} errors={at('entity')} onChange={(v) => set(switchTriggerEntity(draft, trigger, v))}>
            {!draft.entities[entity] && <option value={entity}>{entity || 'Choose…'}</option>}
            {entities.map(([n, e]) => (
              <option key={n} value={n}>
                {e.pluralLabel}
              </option>
            ))}
          </SelectField>
        )}
      </div>

      {(canBeforeSave || def.timing === 'beforeSave') && <TimingChoice name={name} def={def} errors={problemsOfPart(located, 'timing').map((p) => p.problem.message)} />}

      {trigger.type === 'fieldChanged' && (
        <FieldChecklist
          label="Fields"
          hint="The workflow starts when an update changes any of these (the old values are in “previous”)."
          doc={draft}
          entity={trigger.entity}
          value={trigger.fields ?? []}
          errors={at('fields')}
          onChange={(fields) => set({ ...trigger, fields })}
        />
      )}

      {trigger.type === 'dateRelative' && (
        <div className="workflow-date-relative">
          <div className="grid-2">
            <DurationInput label="How long" value={trigger.offset} errors={at('offset')} onChange={(offset) => set({ ...trigger, offset: offset ?? { amount: 1, unit: 'days' } }, 'offset')} />
            <SelectField label="Before or after" value={trigger.direction} errors={at('direction')} onChange={(v) => set({ ...trigger, direction: v as 'before' | 'after' })}>
              <option value="before">before</option>
              <option value="after">after</option>
            </SelectField>
          </div>
          <div className="grid-2">
            <SelectField label="Date field" value={trigger.field} errors={at('field')} onChange={(v) => set({ ...trigger, field: v })}>
              {!dateFields(draft, trigger.entity).includes(trigger.field) && <option value={trigger.field}>{trigger.field || 'Choose…'}</option>}
              {dateFields(draft, trigger.entity).map((f) => (
                <option key={f} value={f}>
                  {fieldLabel(draft, trigger.entity, f)}
                </option>
              ))}
            </SelectField>
            {draft.entities[trigger.entity]?.fields[trigger.field]?.type === 'date' && (
              <TextInput label="At (time of day)" placeholder="09:00" hint="A date field has no time: the workflow fires at this time (HH:MM) of that day." {...optionalText('time')} />
            )}
          </div>
          <TextInput label="Time zone" placeholder="The workspace's (UTC)" hint="An IANA name such as Europe/Paris." {...optionalText('timeZone')} />
          <p className="field-help">Re-scheduled whenever the date changes; records without a date are skipped.</p>
        </div>
      )}

      {trigger.type === 'scheduled' && <ScheduleEditor trigger={trigger} cronErrors={at('cron')} zoneErrors={at('timeZone')} onChange={(next, key) => set(next, key)} />}

      {trigger.type === 'manual' && (
        <TextInput label="Button label" placeholder={def.label} hint="The button people click on the record page (default: the workflow's label)." {...optionalText('buttonLabel')} />
      )}

      {trigger.type === 'webhook' && <WebhookPanel name={name} />}

      {general.map((m, i) => (
        <p key={i} className="field-error">
          {m}
        </p>
      ))}
    </section>
  );
}

/** The trigger with an optional text setting set, or removed when blank. */
function withOptional<T extends WorkflowTrigger>(trigger: T, key: string, value: string): T {
  const next = { ...trigger } as Record<string, unknown>;
  if (value.trim() === '') delete next[key];
  else next[key] = value;
  return next as T;
}
