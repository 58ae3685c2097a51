/**
 * Settings that are one of two: a task is due after a duration or at a date; a wait lasts a duration or lasts
 * until a date. A choice, then the matching editor; the other setting is removed.
 */
import { useId } from 'react';
import type { FieldDefinition, JsonLogic, WorkflowDuration } from '@trellis/metadata';
import { DurationInput } from './DurationInput.js';
import { ExpressionInput } from './ExpressionInput.js';
import type { VarPath } from './workflow-context.js';

/** A plain value of these settings is a date-time (picked with the date-time input). */
const DATE_TIME: FieldDefinition = { type: 'dateTime', label: 'Date' };

interface EitherProps {
  duration: WorkflowDuration | undefined;
  date: JsonLogic | undefined;
  onChange: (patch: Record<string, unknown>) => void;
  paths: VarPath[];
  durationErrors: string[];
  dateErrors: string[];
}

export function DueEditor({ duration, date, onChange, paths, durationErrors, dateErrors }: EitherProps) {
  const id = useId();
  const kind = duration ? 'in' : date !== undefined ? 'at' : 'none';
  return (
    <div className="field either-editor">
      <label className="field-label" htmlFor={id}>
        Due
      </label>
      <select
        id={id}
        className="input either-kind"
        value={kind}
        onChange={(e) => {
          const v = e.target.value;
          if (v === 'in') onChange({ dueIn: { amount: 1, unit: 'days' }, dueAt: undefined });
          else if (v === 'at') onChange({ dueAt: { var: 'now' }, dueIn: undefined });
          else onChange({ dueIn: undefined, dueAt: undefined });
        }}
      >
        <option value="none">No due date</option>
        <option value="in">In (after the step runs)</option>
        <option value="at">At a date</option>
      </select>
      {kind === 'in' && <DurationInput label="Due in" value={duration} errors={durationErrors} onChange={(d) => onChange({ dueIn: d ?? { amount: 0, unit: 'days' } })} />}
      {kind === 'at' && <ExpressionInput label="Due at" hint="A date or date-time, e.g. the record's close date." value={date} onChange={(v) => onChange({ dueAt: v ?? null })} paths={paths} field={DATE_TIME} errors={dateErrors} />}
    </div>
  );
}

export function WaitForEditor({ duration, date, onChange, paths, durationErrors, dateErrors }: EitherProps) {
  const id = useId();
  const kind = date !== undefined && !duration ? 'until' : 'for';
  return (
    <div className="field either-editor">
      <label className="field-label" htmlFor={id}>
        Wait
      </label>
      <select
        id={id}
        className="input either-kind"
        value={kind}
        onChange={(e) => (e.target.value === 'for' ? onChange({ duration: { amount: 1, unit: 'days' }, until: undefined }) : onChange({ until: { var: 'now' }, duration: undefined }))}
      >
        <option value="for">For a duration</option>
        <option value="until">Until a date</option>
      </select>
      {kind === 'for' && <DurationInput label="Wait for" value={duration} errors={durationErrors} onChange={(d) => onChange({ duration: d ?? { amount: 0, unit: 'days' } })} />}
      {kind === 'until' && <ExpressionInput label="Wait until" hint="A date or date-time, e.g. 3 days before the close date (a formula)." value={date} onChange={(v) => onChange({ until: v ?? null })} paths={paths} field={DATE_TIME} errors={dateErrors} />}
    </div>
  );
}
