/** Options of a select/multi-select field: value + label (+ color), add, remove, reorder. */
import type { SelectOption } from '@trellis/metadata';
import { Icon } from '../ui/Icon.js';

const COLORS = ['', 'gray', 'blue', 'green', 'amber', 'orange', 'red', 'pink', 'purple', 'indigo', 'teal'];

/** `Closed won` → `closed_won`: option values are stored, so they stay stable and plain. */
export const optionValueFrom = (label: string): string =>
  label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

export function OptionsEditor({
  options,
  onChange,
  errors,
}: {
  options: SelectOption[];
  onChange: (options: SelectOption[]) => void;
  errors?: string[];
}) {
  const update = (i: number, patch: Partial<SelectOption>) => onChange(options.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  const setLabel = (i: number, label: string) => {
    const o = options[i];
    const followsLabel = o.value === '' || o.value === optionValueFrom(o.label);
    update(i, followsLabel ? { label, value: optionValueFrom(label) } : { label });
  };
  const move = (i: number, by: number) => {
    const j = i + by;
    if (j < 0 || j >= options.length) return;
    const next = [...options];
    [next[i], next[j]] = [next[j], next[i]];
    onChange(next);
  };
  return (
    <fieldset className={errors?.length ? 'options-editor invalid' : 'options-editor'}>
      <legend className="field-label">Options</legend>
      {options.length === 0 && <p className="muted small">No options yet.</p>}
      {options.length > 0 && (
        <ol className="option-rows">
          {options.map((o, i) => (
            <li key={i} className="option-row">
              <input className="input" aria-label={`Option ${i + 1} label`} placeholder="Label" autoFocus={i === options.length - 1 && o.label === "" && o.value === ""} value={o.label} onChange={(e) => setLabel(i, e.target.value)} />
              <input className="input mono" aria-label={`Option ${i + 1} value`} placeholder="value" value={o.value} onChange={(e) => update(i, { value: e.target.value })} />
              <select className="input color-select" aria-label={`Option ${i + 1} color`} value={o.color ?? ''} onChange={(e) => update(i, { color: e.target.value || undefined })}>
                {COLORS.map((c) => (
                  <option key={c} value={c}>
                    {c || 'auto'}
                  </option>
                ))}
              </select>
              <button type="button" className="btn btn-icon btn-ghost" aria-label={`Move option ${i + 1} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                <Icon name="arrowUp" />
              </button>
              <button type="button" className="btn btn-icon btn-ghost" aria-label={`Move option ${i + 1} down`} disabled={i === options.length - 1} onClick={() => move(i, 1)}>
                <Icon name="arrowDown" />
              </button>
              <button type="button" className="btn btn-icon btn-ghost" aria-label={`Remove option ${i + 1}`} onClick={() => onChange(options.filter((_, j) => j !== i))}>
                <Icon name="x" />
              </button>
            </li>
          ))}
        </ol>
      )}
      <button type="button" className="btn btn-small" onClick={() => onChange([...options, { value: '', label: '' }])}>
        <Icon name="plus" /> Add option
      </button>
      {errors && errors.length > 0 && (
        <div className="field-errors">
          {errors.map((m, i) => (
            <p key={i} className="field-error">
              {m}
            </p>
          ))}
        </div>
      )}
    </fieldset>
  );
}
