/** The plain-value side of an expression setting: the input of the field it is written to, or a user picker. */
import type { FieldDefinition, JsonLogic } from '@trellis/metadata';
import { useDirectory } from '../../api/directory-api.js';
import { useMetadata } from '../../app/metadata-context.js';
import { RelationPicker } from '../../data/RelationPicker.js';
import { isoToLocalInput, localInputToIso } from '../../lib/format.js';
import { valueKindOf } from '../rules/visual-rule.js';

/** A user id picked by name among the active users of the directory. */
export function UserSelect({ label, value, onChange }: { label: string; value: string | undefined; onChange: (v: JsonLogic | undefined) => void }) {
  const directory = useDirectory();
  const users = directory?.users.filter((u) => u.active || u.id === value) ?? [];
  return (
    <select className="input" aria-label={`${label}: user`} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
      <option value="">{directory ? 'Choose a user…' : 'Loading users…'}</option>
      {value && !users.some((u) => u.id === value) && <option value={value}>{value}</option>}
      {users.map((u) => (
        <option key={u.id} value={u.id}>
          {u.name} ({u.email})
        </option>
      ))}
    </select>
  );
}

/** A plain value: the input of the field it is written to (options, yes/no, number, date, a record), else text. */
export function LiteralInput({ label, value, field, onChange }: { label: string; value: JsonLogic | undefined; field?: FieldDefinition; onChange: (v: JsonLogic | undefined) => void }) {
  const { doc: published } = useMetadata();
  const kind = field ? valueKindOf(field) : undefined;
  const name = `${label}: value`;
  const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  switch (kind) {
    case 'select':
      return (
        <select className="input" aria-label={name} value={text(value)} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}>
          <option value="">(empty)</option>
          {field?.options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      );
    case 'multiSelect': {
      const chosen = Array.isArray(value) ? (value as unknown[]) : [];
      return (
        <fieldset className="rule-values" aria-label={name}>
          {field?.options?.map((o) => (
            <label key={o.value} className="check">
              <input type="checkbox" checked={chosen.includes(o.value)} onChange={(e) => onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((c) => c !== o.value))} />
              {o.label}
            </label>
          ))}
        </fieldset>
      );
    }
    case 'boolean':
      return (
        <select className="input" aria-label={name} value={value === true ? 'true' : value === false ? 'false' : ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value === 'true')}>
          <option value="">(empty)</option>
          <option value="true">Yes</option>
          <option value="false">No</option>
        </select>
      );
    case 'number':
      return <input className="input" type="number" step="any" aria-label={name} value={typeof value === 'number' ? value : ''} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))} />;
    case 'date':
      return <input className="input" type="date" aria-label={name} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || null)} />;
    case 'dateTime':
      return (
        <input
          className="input"
          type="datetime-local"
          aria-label={name}
          value={typeof value === 'string' ? isoToLocalInput(value) : ''}
          onChange={(e) => onChange(localInputToIso(e.target.value) ?? null)}
        />
      );
    case 'reference':
      if (field?.target && published.entities[field.target]) {
        return (
          <div className="rule-row-picker">
            <RelationPicker doc={published} target={field.target} ariaLabel={name} fieldLabel={name} value={typeof value === 'string' && value ? value : null} label={undefined} onChange={(c) => onChange(c?.id ?? null)} />
          </div>
        );
      }
      return <input className="input mono" aria-label={name} placeholder="Record id" value={text(value)} onChange={(e) => onChange(e.target.value || null)} />;
    default:
      return <input className="input" type="text" aria-label={name} value={text(value)} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} />;
  }
}
