/** HTTP request headers: name → value rows, each value a template (`Bearer {{trigger.payload.token}}`). */
import { useState } from 'react';
import { Icon } from '../../ui/Icon.js';

export function HeadersEditor({
  label,
  hint,
  value,
  onChange,
  errors = [],
}: {
  label: string;
  hint?: string;
  value: Record<string, string> | undefined;
  onChange: (value: Record<string, string> | undefined) => void;
  errors?: string[];
}) {
  const rows = Object.entries(value ?? {});
  const [draftName, setDraftName] = useState('');
  const write = (entries: [string, string][]) => onChange(entries.length ? Object.fromEntries(entries) : undefined);
  return (
    <fieldset className={errors.length ? 'field invalid headers-editor' : 'field headers-editor'}>
      <legend className="field-label">{label}</legend>
      {hint && <p className="field-help">{hint}</p>}
      <ul className="header-rows">
        {rows.map(([name, v], i) => (
          <li key={i} className="header-row">
            <input className="input mono" aria-label={`${label}: name of header ${i + 1}`} value={name} onChange={(e) => write(rows.map((r, j) => (j === i ? [e.target.value, r[1]] : r)))} />
            <input className="input" aria-label={`${label}: value of ${name || `header ${i + 1}`}`} value={v} onChange={(e) => write(rows.map((r, j) => (j === i ? [r[0], e.target.value] : r)))} />
            <button type="button" className="btn btn-icon btn-ghost" aria-label={`Remove header ${name}`} onClick={() => write(rows.filter((_, j) => j !== i))}>
              <Icon name="x" />
            </button>
          </li>
        ))}
      </ul>
      <div className="header-add">
        <input className="input mono" aria-label={`${label}: new header name`} placeholder="Header name, e.g. Authorization" value={draftName} onChange={(e) => setDraftName(e.target.value)} />
        <button
          type="button"
          className="btn btn-small"
          disabled={!draftName.trim() || rows.some(([n]) => n.toLowerCase() === draftName.trim().toLowerCase())}
          onClick={() => {
            write([...rows, [draftName.trim(), '']]);
            setDraftName('');
          }}
        >
          <Icon name="plus" /> Add header
        </button>
      </div>
      {errors.map((m, i) => (
        <p key={i} className="field-error">
          {m}
        </p>
      ))}
    </fieldset>
  );
}
