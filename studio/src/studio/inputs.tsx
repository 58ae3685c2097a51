/** Labelled inputs of the studio's editors: a visible <label>, hint and inline problems wired with aria. */
import { useId, type ReactNode } from 'react';

interface Base {
  label: string;
  hint?: string;
  errors?: string[];
  id?: string;
}

function Messages({ id, hint, errors }: { id: string; hint?: string; errors?: string[] }) {
  return (
    <>
      {hint && (
        <p className="field-help" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {errors && errors.length > 0 && (
        <div className="field-errors" id={`${id}-error`}>
          {errors.map((m, i) => (
            <p key={i} className="field-error">
              {m}
            </p>
          ))}
        </div>
      )}
    </>
  );
}

const describedBy = (id: string, hint?: string, errors?: string[]) =>
  [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export function TextInput({
  label,
  hint,
  errors,
  value,
  onChange,
  onBlur,
  mono,
  multiline,
  autoFocus,
  placeholder,
  id: givenId,
}: Base & {
  value: string;
  onChange: (v: string) => void;
  onBlur?: () => void;
  mono?: boolean;
  multiline?: boolean;
  autoFocus?: boolean;
  placeholder?: string;
}) {
  const autoId = useId();
  const id = givenId ?? autoId;
  const props = {
    id,
    className: mono ? 'input mono' : 'input',
    value,
    placeholder,
    autoFocus,
    onBlur,
    'aria-invalid': errors?.length ? true : undefined,
    'aria-describedby': describedBy(id, hint, errors),
  };
  return (
    <div className={errors?.length ? 'field invalid' : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {multiline ? (
        <textarea {...props} rows={2} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...props} type="text" autoComplete="off" spellCheck={false} onChange={(e) => onChange(e.target.value)} />
      )}
      <Messages id={id} hint={hint} errors={errors} />
    </div>
  );
}

export function NumberField({
  label,
  hint,
  errors,
  value,
  onChange,
  min,
  step,
}: Base & { value: number | undefined; onChange: (v: number | undefined) => void; min?: number; step?: number | 'any' }) {
  const id = useId();
  return (
    <div className={errors?.length ? 'field invalid' : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input"
        type="number"
        min={min}
        step={step ?? 'any'}
        value={value ?? ''}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      />
      <Messages id={id} hint={hint} errors={errors} />
    </div>
  );
}

export function SelectField({
  label,
  hint,
  errors,
  value,
  onChange,
  children,
  disabled,
}: Base & { value: string; onChange: (v: string) => void; children: ReactNode; disabled?: boolean }) {
  const id = useId();
  return (
    <div className={errors?.length ? 'field invalid' : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="input"
        value={value}
        disabled={disabled}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        onChange={(e) => onChange(e.target.value)}
      >
        {children}
      </select>
      <Messages id={id} hint={hint} errors={errors} />
    </div>
  );
}

export function CheckboxField({
  label,
  hint,
  errors,
  checked,
  onChange,
  disabled,
}: Base & { checked: boolean; onChange: (v: boolean) => void; disabled?: boolean }) {
  const id = useId();
  return (
    <div className={errors?.length ? 'field field-inline invalid' : 'field field-inline'}>
      <label className="check" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          className="checkbox"
          checked={checked}
          disabled={disabled}
          aria-describedby={describedBy(id, hint, errors)}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span>{label}</span>
      </label>
      <Messages id={id} hint={hint} errors={errors} />
    </div>
  );
}
