/**
 * A text setting with `{{placeholders}}` (titles, subjects, bodies, URLs, messages): the text, and "Insert a
 * value" offering what this step can read, put in at the cursor as `{{record.name}}`.
 */
import { useId, useRef } from 'react';
import { PathOptions } from './PathSelect.js';
import type { VarPath } from './workflow-context.js';

export function TemplateInput({
  label,
  hint,
  value,
  onChange,
  paths,
  multiline,
  errors = [],
  required,
}: {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  paths: VarPath[];
  multiline?: boolean;
  errors?: string[];
  required?: boolean;
}) {
  const id = useId();
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const insert = (path: string) => {
    if (!path) return;
    const el = ref.current;
    const token = `{{${path}}}`;
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    onChange(value.slice(0, start) + token + value.slice(end));
    window.setTimeout(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    }, 0);
  };
  const props = {
    id,
    ref,
    className: 'input',
    value,
    'aria-invalid': errors.length ? true : undefined,
    'aria-describedby': hint ? `${id}-hint` : undefined,
    spellCheck: true,
  };
  return (
    <div className={errors.length ? 'field invalid template-input' : 'field template-input'}>
      <div className="expression-head">
        <label className="field-label" htmlFor={id}>
          {label}
          {required && <span className="req" aria-hidden="true"> *</span>}
        </label>
        <select className="input template-insert" aria-label={`${label}: insert a value`} value="" onChange={(e) => insert(e.target.value)}>
          <option value="">Insert a value…</option>
          <PathOptions paths={paths} />
        </select>
      </div>
      {multiline ? <textarea {...props} rows={4} onChange={(e) => onChange(e.target.value)} /> : <input {...props} type="text" autoComplete="off" onChange={(e) => onChange(e.target.value)} />}
      {hint && (
        <p id={`${id}-hint`} className="field-help">
          {hint}
        </p>
      )}
      {errors.map((m, i) => (
        <p key={i} className="field-error">
          {m}
        </p>
      ))}
    </div>
  );
}
