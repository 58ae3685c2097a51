/** Key/value rows of a user's attributes (`user.attributes.<key>` in rules and record scopes). */
import { Icon } from '../ui/Icon.js';
import type { AttributeRow } from './attribute-rows.js';

export function AttributesEditor({ rows, onChange, problems }: { rows: AttributeRow[]; onChange: (rows: AttributeRow[]) => void; problems: Record<number, string> }) {
  const set = (i: number, patch: Partial<AttributeRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div className="attributes-editor">
      {rows.length === 0 ? (
        <p className="muted small">No attributes. Add one, e.g. region = EMEA, to use it in access rules.</p>
      ) : (
        <ul className="attribute-rows">
          <li className="attribute-row attribute-head" aria-hidden="true">
            <span>Key</span>
            <span>Value</span>
            <span />
          </li>
          {rows.map((row, i) => (
            <li key={i} className="attribute-row-wrap">
              <div className="attribute-row">
                <input className="input mono" aria-label={`Key ${i + 1}`} placeholder="region" value={row.key} aria-invalid={problems[i] ? true : undefined} onChange={(e) => set(i, { key: e.target.value })} />
                <input className="input" aria-label={`Value ${i + 1}`} placeholder="EMEA" value={row.value} onChange={(e) => set(i, { value: e.target.value })} />
                <button type="button" className="btn btn-icon btn-ghost" aria-label={`Remove attribute ${row.key || i + 1}`} title="Remove" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                  <Icon name="trash" />
                </button>
              </div>
              {problems[i] && <p className="field-error">{problems[i]}</p>}
            </li>
          ))}
        </ul>
      )}
      <div>
        <button type="button" className="btn btn-small" onClick={() => onChange([...rows, { key: '', value: '' }])}>
          <Icon name="plus" /> Add attribute
        </button>
      </div>
    </div>
  );
}
