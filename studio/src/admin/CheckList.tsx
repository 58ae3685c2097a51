/** A labelled list of checkboxes (roles, teams, team members); a filter box appears when the list is long. */
import { useId, useState } from 'react';

export interface CheckOption {
  value: string;
  label: string;
  description?: string;
}

export function CheckList({
  legend,
  options,
  selected,
  onChange,
  empty,
  hint,
  hideLegend,
}: {
  legend: string;
  options: CheckOption[];
  selected: string[];
  onChange: (values: string[]) => void;
  /** Shown when there are no options. */
  empty: string;
  hint?: string;
  /** The list sits under a heading saying the same: keep the legend for screen readers only. */
  hideLegend?: boolean;
}) {
  const [filter, setFilter] = useState('');
  const filterId = useId();
  const shown = filter ? options.filter((o) => `${o.label} ${o.description ?? ''}`.toLowerCase().includes(filter.toLowerCase())) : options;
  const toggle = (value: string, on: boolean) => onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <fieldset className="field check-list">
      <legend className={hideLegend ? 'visually-hidden' : 'field-label'}>{legend}</legend>
      {hint && <p className="field-help">{hint}</p>}
      {options.length > 8 && (
        <input
          id={filterId}
          className="input check-list-filter"
          type="search"
          placeholder={`Filter ${legend.toLowerCase()}`}
          aria-label={`Filter ${legend.toLowerCase()}`}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      )}
      {options.length === 0 ? (
        <p className="muted small">{empty}</p>
      ) : (
        <ul className="check-list-options">
          {shown.map((o) => (
            <li key={o.value}>
              <label className={selected.includes(o.value) ? 'check-option selected' : 'check-option'}>
                <input type="checkbox" checked={selected.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
                <span className="check-option-text">
                  <span className="check-option-label">{o.label}</span>
                  {o.description && <span className="check-option-desc">{o.description}</span>}
                </span>
              </label>
            </li>
          ))}
          {shown.length === 0 && <li className="muted small">Nothing matches “{filter}”.</li>}
        </ul>
      )}
    </fieldset>
  );
}
