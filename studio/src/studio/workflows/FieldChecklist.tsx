/** A multi-field picker: the fields of an entity as checkboxes (a trigger's changed fields, a refusal's fields). */
import type { MetadataDocument } from '@trellis/metadata';
import { fieldLabel } from './workflow-summary.js';

export function FieldChecklist({
  label,
  hint,
  doc,
  entity,
  value,
  onChange,
  errors,
  filter,
}: {
  label: string;
  hint?: string;
  doc: MetadataDocument;
  entity: string | undefined;
  value: string[];
  onChange: (fields: string[]) => void;
  errors?: string[];
  filter?: (field: string) => boolean;
}) {
  const fields = Object.entries((entity && doc.entities[entity]?.fields) || {})
    .filter(([name, f]) => !(f.type === 'relation' && f.cardinality === 'oneToMany') && (!filter || filter(name)))
    .map(([name]) => name);
  const unknown = value.filter((f) => !fields.includes(f));
  const toggle = (field: string, on: boolean) => onChange(on ? [...value, field] : value.filter((f) => f !== field));
  return (
    <fieldset className={errors?.length ? 'field invalid field-checklist' : 'field field-checklist'}>
      <legend className="field-label">{label}</legend>
      {hint && <p className="field-help">{hint}</p>}
      {fields.length === 0 && <p className="muted small">{entity ? 'This entity has no fields.' : 'Choose the entity first.'}</p>}
      <div className="check-group field-checklist-items">
        {[...fields, ...unknown].map((f) => (
          <label key={f} className="check">
            <input type="checkbox" checked={value.includes(f)} onChange={(e) => toggle(f, e.target.checked)} />
            <span>{fieldLabel(doc, entity, f)}</span>
            {unknown.includes(f) && <span className="badge badge-red">unknown</span>}
          </label>
        ))}
      </div>
      {errors?.map((m, i) => (
        <p key={i} className="field-error">
          {m}
        </p>
      ))}
    </fieldset>
  );
}
