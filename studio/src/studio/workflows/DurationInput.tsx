/** An amount and a unit ("3 days"), as workflow durations are written; a group labelled for assistive tech. */
import { useId } from 'react';
import type { DurationUnit, WorkflowDuration } from '@trellis/metadata';

const UNITS: DurationUnit[] = ['minutes', 'hours', 'days', 'weeks'];

export function DurationInput({
  label,
  value,
  onChange,
  errors,
  hint,
}: {
  label: string;
  value: WorkflowDuration | undefined;
  onChange: (value: WorkflowDuration | undefined) => void;
  errors?: string[];
  hint?: string;
}) {
  const id = useId();
  const amount = typeof value?.amount === 'number' ? value.amount : '';
  const unit = value?.unit ?? 'days';
  return (
    <fieldset className={errors?.length ? 'field invalid duration-input' : 'field duration-input'} aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className="field-label">{label}</legend>
      <div className="duration-row">
        <input
          className="input duration-amount"
          type="number"
          min={0}
          step={1}
          aria-label={`${label}: amount`}
          value={amount}
          onChange={(e) => onChange(e.target.value === '' ? undefined : { amount: Number(e.target.value), unit })}
        />
        <select className="input duration-unit" aria-label={`${label}: unit`} value={unit} onChange={(e) => onChange({ amount: typeof value?.amount === 'number' ? value.amount : 1, unit: e.target.value as DurationUnit })}>
          {UNITS.map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </select>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="field-help">
          {hint}
        </p>
      )}
      {errors?.map((m, i) => (
        <p key={i} className="field-error">
          {m}
        </p>
      ))}
    </fieldset>
  );
}
