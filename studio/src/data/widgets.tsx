/**
 * The record form's field renderer for @rjsf/core: one RJSF custom field ("trellis") that draws the label,
 * the input for the registry widget name (`ui:widget`), the help text and the inline errors.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { FieldProps, FieldTemplateProps } from '@rjsf/utils';
import type { FieldDefinition, MetadataDocument } from '@trellis/metadata';
import type { FieldWidgetProps } from '@trellis/plugin-sdk/studio';
import { isoToLocalInput, localInputToIso } from '../lib/format.js';
import { pluginWidget } from '../plugins/studio-plugins.js';
import { ratingMax } from '../lib/field-values.js';
import { useEditedText } from '../lib/use-edited-text.js';
import { MultiRelationPicker, RelationPicker } from './RelationPicker.js';
import { DurationInput } from './widgets/DurationInput.js';
import { RatingInput } from './widgets/RatingInput.js';
import { RichTextEditor } from './widgets/RichTextEditor.js';

/** What the form passes down to every field (RJSF `formContext`). */
export interface RecordFormContext {
  doc: MetadataDocument;
  entityName: string;
  /** Messages to show under each field. */
  errors: Record<string, string[]>;
  /** Labels of referenced records by id. */
  labels: Record<string, string>;
  /** Per field, from the form conditions: hidden fields are not drawn, required gets the asterisk, read-only is disabled. */
  fieldStates?: Record<string, { visible: boolean; required: boolean; readOnly: boolean }>;
  /** Fields the person's roles make read-only (or every field, when they may not change the record): shown disabled. */
  locked?: string[];
  /** Stable callbacks (behind a ref: RJSF compares contexts deeply and ignores functions). */
  actions: {
    current: {
      blur(field: string): void;
      setLocalError(field: string, message: string | null): void;
      remember(id: string, label: string): void;
    };
  };
}

export const CURRENCY_CODES = ['USD', 'EUR', 'GBP', 'CHF', 'JPY', 'CAD', 'AUD', 'NZD', 'CNY', 'INR', 'BRL', 'MXN', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'ZAR', 'SGD', 'HKD'];

/** Root FieldTemplate: fields draw their own chrome, so this only passes children through. */
export function PassThroughFieldTemplate({ children, hidden }: FieldTemplateProps) {
  if (hidden) return null;
  return children;
}

interface ChromeProps {
  id: string;
  label: string;
  required?: boolean;
  description?: string;
  errors: string[];
  /** A group of inputs (fieldset + legend) instead of one labelled input. */
  group?: boolean;
  /** Checkbox style: the label follows the input. */
  inline?: boolean;
  field: string;
  children: ReactNode;
}

function FieldChrome({ id, label, required, description, errors, group, inline, field, children }: ChromeProps) {
  const messages = (
    <>
      {description && (
        <p className="field-help" id={`${id}__help`}>
          {description}
        </p>
      )}
      {errors.length > 0 && (
        <div className="field-errors" id={`${id}__error`}>
          {errors.map((m, i) => (
            <p key={i} className="field-error">
              {m}
            </p>
          ))}
        </div>
      )}
    </>
  );
  const invalid = errors.length > 0 ? ' invalid' : '';
  if (group) {
    return (
      <fieldset className={`field field-group${invalid}`} data-field={field} aria-describedby={errors.length ? `${id}__error` : undefined}>
        <legend className="field-label">
          {label}
          {required && <span className="req" aria-hidden="true"> *</span>}
        </legend>
        {children}
        {messages}
      </fieldset>
    );
  }
  if (inline) {
    return (
      <div className={`field field-inline${invalid}`} data-field={field}>
        <label className="check" htmlFor={id}>
          {children}
          <span>{label}</span>
        </label>
        {messages}
      </div>
    );
  }
  return (
    <div className={`field${invalid}`} data-field={field}>
      <div className="field-label-row">
        <label className="field-label" htmlFor={id}>
          {label}
        </label>
        {required && (
          <span className="req" aria-hidden="true">
            *
          </span>
        )}
      </div>
      {children}
      {messages}
    </div>
  );
}

/** `ui:field: 'trellis'` — every record field goes through here. */
export function TrellisField(props: FieldProps) {
  const { name, formData, onChange, uiSchema, registry, fieldPathId, schema, disabled } = props;
  const ctx = registry.formContext as RecordFormContext;
  // Form conditions (visibleWhen / requiredWhen / readOnlyWhen) decide over the schema's flags.
  const state = ctx.fieldStates?.[name];
  if (state && !state.visible) return null;
  const required = state ? state.required : props.required;
  const readonly = props.readonly || state?.readOnly === true || ctx.locked?.includes(name) === true;
  const field: FieldDefinition = ctx.doc.entities[ctx.entityName]?.fields[name] ?? { type: 'text', label: name };
  const widget = (uiSchema?.['ui:widget'] as string | undefined) ?? 'text';
  const id = fieldPathId.$id;
  const label = (schema.title as string | undefined) ?? field.label;
  const errors = ctx.errors[name] ?? [];
  const set = (value: unknown) => onChange(value, fieldPathId.path);
  const blur = () => ctx.actions.current.blur(name);
  const describedBy = [errors.length ? `${id}__error` : '', field.description ? `${id}__help` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    className: 'input',
    disabled: disabled || readonly,
    'aria-invalid': errors.length > 0 || undefined,
    'aria-required': required || undefined,
    'aria-describedby': describedBy,
    onBlur: blur,
  };
  const chrome = { id, label, required, description: field.description, errors, field: name };
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const emptyToNull = (v: string) => (v === '' ? null : v);

  const Plugin = pluginWidget(widget) as ((props: FieldWidgetProps) => ReactNode) | undefined;
  if (Plugin) {
    return (
      <FieldChrome {...chrome} group>
        <Plugin
          id={id}
          label={label}
          field={field}
          value={formData}
          onChange={set}
          onBlur={blur}
          disabled={common.disabled}
          invalid={errors.length > 0}
          describedBy={describedBy}
        />
      </FieldChrome>
    );
  }

  switch (widget) {
    case 'textarea':
      return (
        <FieldChrome {...chrome}>
          <textarea {...common} rows={4} value={text(formData)} onChange={(e) => set(emptyToNull(e.target.value))} />
        </FieldChrome>
      );
    case 'number':
    case 'percent':
      return (
        <FieldChrome {...chrome}>
          <NumberInput
            common={common}
            value={formData as number | null | undefined}
            integer={field.type === 'integer'}
            suffix={widget === 'percent' ? '%' : undefined}
            onChange={set}
          />
        </FieldChrome>
      );
    case 'currency': {
      const money = (formData ?? {}) as { amount?: number | null; currency?: string };
      const code = money.currency || field.defaultCurrency || 'USD';
      const codes = CURRENCY_CODES.includes(code) ? CURRENCY_CODES : [code, ...CURRENCY_CODES];
      return (
        <FieldChrome {...chrome}>
          <div className="money-input">
            <NumberInput
              common={common}
              value={money.amount}
              onChange={(amount) => set(amount === null ? null : { amount, currency: code })}
            />
            <select
              className="input money-code"
              aria-label={`${label} currency`}
              disabled={common.disabled}
              value={code}
              onBlur={blur}
              onChange={(e) => set({ amount: money.amount ?? null, currency: e.target.value })}
            >
              {codes.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </div>
        </FieldChrome>
      );
    }
    case 'checkbox':
      return (
        <FieldChrome {...chrome} inline>
          <input {...common} className="checkbox" type="checkbox" checked={formData === true} onChange={(e) => set(e.target.checked)} />
        </FieldChrome>
      );
    case 'date':
      return (
        <FieldChrome {...chrome}>
          <input {...common} type="date" value={text(formData)} onChange={(e) => set(emptyToNull(e.target.value))} />
        </FieldChrome>
      );
    case 'dateTime':
      return (
        <FieldChrome {...chrome}>
          <DateTimeInput common={common} value={formData as string | undefined} onChange={set} />
        </FieldChrome>
      );
    case 'select':
      return (
        <FieldChrome {...chrome}>
          <select {...common} value={text(formData)} onChange={(e) => set(emptyToNull(e.target.value))}>
            <option value="">—</option>
            {(field.options ?? []).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </FieldChrome>
      );
    case 'multiSelect': {
      const chosen = Array.isArray(formData) ? (formData as string[]) : [];
      return (
        <FieldChrome {...chrome} group>
          <div className="check-group" id={id}>
            {(field.options ?? []).map((o) => (
              <label key={o.value} className="check">
                <input
                  type="checkbox"
                  disabled={common.disabled}
                  checked={chosen.includes(o.value)}
                  onBlur={blur}
                  onChange={(e) => set(e.target.checked ? [...chosen, o.value] : chosen.filter((c) => c !== o.value))}
                />
                {o.label}
              </label>
            ))}
          </div>
        </FieldChrome>
      );
    }
    case 'rating':
      return (
        <FieldChrome {...chrome} group>
          <RatingInput
            id={id}
            label={label}
            max={ratingMax(field)}
            value={formData as number | null | undefined}
            disabled={common.disabled}
            invalid={errors.length > 0}
            describedBy={describedBy}
            onBlur={blur}
            onChange={set}
          />
        </FieldChrome>
      );
    case 'duration':
      return (
        <FieldChrome {...chrome}>
          <DurationInput common={common} value={formData as number | null | undefined} onChange={set} onError={(m) => ctx.actions.current.setLocalError(name, m)} />
        </FieldChrome>
      );
    case 'richText':
      return (
        <FieldChrome {...chrome}>
          <RichTextEditor
            id={id}
            label={label}
            value={formData as string | null | undefined}
            disabled={common.disabled}
            invalid={errors.length > 0}
            required={required}
            describedBy={describedBy}
            onBlur={blur}
            onChange={set}
          />
        </FieldChrome>
      );
    case 'json':
      return (
        <FieldChrome {...chrome}>
          <JsonTextarea common={common} value={formData} onChange={set} onError={(m) => ctx.actions.current.setLocalError(name, m)} />
        </FieldChrome>
      );
    case 'relation': {
      const target = field.target ?? '';
      if (field.cardinality === 'manyToMany') {
        const ids = Array.isArray(formData) ? (formData as string[]) : [];
        return (
          <FieldChrome {...chrome}>
            <MultiRelationPicker
              doc={ctx.doc}
              target={target}
              id={id}
              fieldLabel={label}
              value={ids}
              labels={ctx.labels}
              invalid={errors.length > 0}
              describedBy={describedBy}
              disabled={common.disabled}
              onBlur={blur}
              onChange={(next, added) => {
                if (added) ctx.actions.current.remember(added.id, added.label);
                set(next);
              }}
            />
          </FieldChrome>
        );
      }
      const value = typeof formData === 'string' ? formData : null;
      return (
        <FieldChrome {...chrome}>
          <RelationPicker
            doc={ctx.doc}
            target={target}
            id={id}
            fieldLabel={label}
            value={value}
            label={value ? ctx.labels[value] : undefined}
            invalid={errors.length > 0}
            describedBy={describedBy}
            disabled={common.disabled}
            onBlur={blur}
            onChange={(choice) => {
              if (choice) ctx.actions.current.remember(choice.id, choice.label);
              set(choice?.id ?? null);
            }}
          />
        </FieldChrome>
      );
    }
    default: {
      const type = widget === 'email' ? 'email' : widget === 'url' ? 'url' : widget === 'phone' ? 'tel' : 'text';
      return (
        <FieldChrome {...chrome}>
          <input
            {...common}
            type={type}
            inputMode={type === 'tel' ? 'tel' : undefined}
            autoComplete="off"
            placeholder={widget === 'url' ? 'https://' : undefined}
            value={text(formData)}
            onChange={(e) => set(emptyToNull(e.target.value))}
          />
        </FieldChrome>
      );
    }
  }
}

type CommonInputProps = {
  id: string;
  className: string;
  disabled?: boolean;
  onBlur: () => void;
  'aria-invalid'?: boolean;
  'aria-required'?: boolean;
  'aria-describedby'?: string;
};

/** A number input that keeps what is typed ("1.", "-") while the value is a number or null. */
function NumberInput({
  common,
  value,
  integer,
  suffix,
  onChange,
}: {
  common: CommonInputProps;
  value: number | null | undefined;
  integer?: boolean;
  suffix?: string;
  onChange: (value: number | null) => void;
}) {
  const [text, setText] = useState(value == null ? '' : String(value));
  const last = useRef(value);
  useEffect(() => {
    if (value !== last.current) {
      last.current = value;
      if (value == null ? text !== '' : Number(text) !== value) setText(value == null ? '' : String(value));
    }
  }, [value, text]);
  const input = (
    <input
      {...common}
      type="text"
      inputMode={integer ? 'numeric' : 'decimal'}
      value={text}
      onChange={(e) => {
        const raw = e.target.value;
        setText(raw);
        const trimmed = raw.trim().replace(',', '.');
        const parsed = trimmed === '' ? null : Number(trimmed);
        const next = parsed === null || Number.isNaN(parsed) ? (trimmed === '' ? null : (trimmed as unknown as number)) : parsed;
        last.current = next;
        onChange(next);
      }}
    />
  );
  if (!suffix) return input;
  return (
    <div className="input-affix">
      {input}
      <span className="affix" aria-hidden="true">
        {suffix}
      </span>
    </div>
  );
}

function DateTimeInput({ common, value, onChange }: { common: CommonInputProps; value: string | undefined; onChange: (v: string | null) => void }) {
  const { text, setText, own } = useEditedText(value, isoToLocalInput);
  return (
    <input
      {...common}
      type="datetime-local"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const iso = localInputToIso(e.target.value) ?? null;
        own(iso ?? undefined);
        onChange(iso);
      }}
    />
  );
}

/** JSON values edited as text; parse errors are reported to the form (they block saving). */
function JsonTextarea({
  common,
  value,
  onChange,
  onError,
}: {
  common: CommonInputProps;
  value: unknown;
  onChange: (v: unknown) => void;
  onError: (message: string | null) => void;
}) {
  const [text, setText] = useState(value === undefined || value === null ? '' : JSON.stringify(value, null, 2));
  return (
    <textarea
      {...common}
      className="input mono"
      rows={6}
      spellCheck={false}
      value={text}
      onChange={(e) => {
        const raw = e.target.value;
        setText(raw);
        if (raw.trim() === '') {
          onError(null);
          onChange(null);
          return;
        }
        try {
          onChange(JSON.parse(raw));
          onError(null);
        } catch (err) {
          onError(`Not valid JSON: ${(err as Error).message}`);
        }
      }}
    />
  );
}
