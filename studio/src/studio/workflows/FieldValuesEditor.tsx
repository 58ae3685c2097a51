/**
 * The `values` of update/create steps: rows of field → value, the fields of the right entity (writable ones
 * only), each value an expression (a plain value typed after the field, a field or output, or a formula).
 */
import type { JsonLogic, MetadataDocument } from '@trellis/metadata';
import { isWritableField } from '@trellis/runtime';
import { Icon } from '../../ui/Icon.js';
import { ExpressionInput } from './ExpressionInput.js';
import type { VarPath } from './workflow-context.js';
import { fieldLabel } from './workflow-summary.js';

/** The fields a workflow step may write (not computed, not a oneToMany list). */
export function writableFieldNames(doc: MetadataDocument, entity: string | undefined): string[] {
  const def = entity ? doc.entities[entity] : undefined;
  if (!def) return [];
  return Object.entries(def.fields)
    .filter(([, f]) => {
      try {
        return isWritableField(f);
      } catch {
        return false;
      }
    })
    .map(([n]) => n);
}

export function FieldValuesEditor({
  label,
  hint,
  doc,
  entity,
  value,
  onChange,
  paths,
  messagesFor,
  errors = [],
}: {
  label: string;
  hint?: string;
  doc: MetadataDocument;
  /** The entity whose fields are set (undefined: not chosen yet). */
  entity: string | undefined;
  value: Record<string, JsonLogic>;
  onChange: (value: Record<string, JsonLogic>) => void;
  paths: VarPath[];
  /** The draft check's messages about one field's value. */
  messagesFor: (field: string) => string[];
  errors?: string[];
}) {
  const fields = writableFieldNames(doc, entity);
  const used = Object.keys(value);
  const free = fields.filter((f) => !used.includes(f));
  const defs = entity ? doc.entities[entity]?.fields ?? {} : {};

  const set = (field: string, expr: JsonLogic | undefined) => onChange({ ...value, [field]: expr === undefined ? null : expr });
  const remove = (field: string) => {
    const { [field]: _removed, ...rest } = value;
    onChange(rest);
  };
  const rename = (from: string, to: string) => onChange(Object.fromEntries(Object.entries(value).map(([k, v]) => (k === from ? [to, v] : [k, v]))));

  return (
    <fieldset className={errors.length ? 'field invalid field-values' : 'field field-values'}>
      <legend className="field-label">{label}</legend>
      {hint && <p className="field-help">{hint}</p>}
      {!entity && <p className="muted small">Choose the entity first.</p>}
      {entity && used.length === 0 && <p className="muted small">No values yet.</p>}
      <ul className="field-value-rows">
        {used.map((field) => {
          const name = fieldLabel(doc, entity, field);
          return (
            <li key={field} className="field-value-row">
              <ExpressionInput
                label={name}
                value={value[field]}
                onChange={(v) => set(field, v)}
                paths={paths}
                field={defs[field]}
                errors={messagesFor(field)}
                head={
                  <span className="field-value-head">
                    <select className="input field-value-field" aria-label={`${label}: field of ${name}`} value={field} onChange={(e) => rename(field, e.target.value)}>
                      <option value={field}>{defs[field] ? name : `${field} (unknown)`}</option>
                      {free.map((f) => (
                        <option key={f} value={f}>
                          {fieldLabel(doc, entity, f)}
                        </option>
                      ))}
                    </select>
                    <button type="button" className="btn btn-icon btn-ghost" aria-label={`Remove value of ${name}`} title="Remove" onClick={() => remove(field)}>
                      <Icon name="x" />
                    </button>
                  </span>
                }
              />
            </li>
          );
        })}
      </ul>
      {entity && free.length > 0 && (
        <select className="input field-value-add" aria-label={`${label}: add a field`} value="" onChange={(e) => e.target.value && onChange({ ...value, [e.target.value]: null })}>
          <option value="">Add a field…</option>
          {free.map((f) => (
            <option key={f} value={f}>
              {fieldLabel(doc, entity, f)}
            </option>
          ))}
        </select>
      )}
      {errors.map((m, i) => (
        <p key={i} className="field-error">
          {m}
        </p>
      ))}
    </fieldset>
  );
}
