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

/** One pair of settings: their names, and the words of the choice and of each editor. */
export interface EitherSettings {
  label: string;
  durationKey: string;
  dateKey: string;
  /** The words of the choices; neither is a choice only where the step allows it. */
  noneChoice?: string;
  durationChoice: string;
  dateChoice: string;
  durationLabel: string;
  dateLabel: string;
  dateHint: string;
  /** Edits of the pair merge into one undo step under this key. */
  undoKey: string;
}

export const DUE: EitherSettings = {
  label: 'Due',
  durationKey: 'dueIn',
  dateKey: 'dueAt',
  noneChoice: 'No due date',
  durationChoice: 'In (after the step runs)',
  dateChoice: 'At a date',
  durationLabel: 'Due in',
  dateLabel: 'Due at',
  dateHint: "A date or date-time, e.g. the record's close date.",
  undoKey: 'due',
};

export const WAIT_FOR: EitherSettings = {
  label: 'Wait',
  durationKey: 'duration',
  dateKey: 'until',
  durationChoice: 'For a duration',
  dateChoice: 'Until a date',
  durationLabel: 'Wait for',
  dateLabel: 'Wait until',
  dateHint: 'A date or date-time, e.g. 3 days before the close date (a formula).',
  undoKey: 'wait',
};

interface EitherProps {
  settings: EitherSettings;
  duration: WorkflowDuration | undefined;
  date: JsonLogic | undefined;
  onChange: (patch: Record<string, unknown>) => void;
  paths: VarPath[];
  durationErrors: string[];
  dateErrors: string[];
}

export function EitherEditor({ settings: s, duration, date, onChange, paths, durationErrors, dateErrors }: EitherProps) {
  const id = useId();
  const kind = duration ? 'duration' : date !== undefined ? 'date' : s.noneChoice ? 'none' : 'duration';
  const choose = (next: string) => {
    if (next === 'duration') onChange({ [s.durationKey]: { amount: 1, unit: 'days' }, [s.dateKey]: undefined });
    else if (next === 'date') onChange({ [s.dateKey]: { var: 'now' }, [s.durationKey]: undefined });
    else onChange({ [s.durationKey]: undefined, [s.dateKey]: undefined });
  };
  return (
    <div className="field either-editor">
      <label className="field-label" htmlFor={id}>
        {s.label}
      </label>
      <select id={id} className="input either-kind" value={kind} onChange={(e) => choose(e.target.value)}>
        {s.noneChoice && <option value="none">{s.noneChoice}</option>}
        <option value="duration">{s.durationChoice}</option>
        <option value="date">{s.dateChoice}</option>
      </select>
      {kind === 'duration' && <DurationInput label={s.durationLabel} value={duration} errors={durationErrors} onChange={(d) => onChange({ [s.durationKey]: d ?? { amount: 0, unit: 'days' } })} />}
      {kind === 'date' && <ExpressionInput label={s.dateLabel} hint={s.dateHint} value={date} onChange={(v) => onChange({ [s.dateKey]: v ?? null })} paths={paths} field={DATE_TIME} errors={dateErrors} />}
    </div>
  );
}
