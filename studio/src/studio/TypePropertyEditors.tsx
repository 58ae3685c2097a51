/**
 * Property editors of the field types whose properties need more than a plain number box: an auto-number's
 * prefix and padding (with a preview), a rating's number of stars, a duration's bounds typed as `1h 30m`.
 * FieldEditor shows these next to the generic editors; `ownsProperty` tells it which ones it must not repeat.
 */
import { useState } from 'react';
import { DEFAULT_RATING_MAX, RATING_MAX_RANGE, formatAutoNumber, type FieldDefinition } from '@trellis/metadata';
import { durationFromInput, durationInputText, starsText } from '../lib/field-values.js';
import { widgetOf } from '../lib/field-types.js';
import { NumberField, SelectField, TextInput } from './inputs.js';

interface Props {
  def: FieldDefinition;
  patch: (p: Partial<FieldDefinition>) => void;
  /** Problems of a property (from validateDocument), when they are to be shown. */
  show: (key: string) => string[] | undefined;
}

const OWNED: Record<string, string[]> = { autoNumber: ['prefix', 'digits'], rating: ['max'], duration: ['min', 'max'] };

/** Whether this module edits `property` of fields shown with `typeName`'s widget. */
export const ownsProperty = (typeName: string, property: string): boolean => OWNED[widgetOf(typeName)]?.includes(property) ?? false;

export function TypePropertyEditors({ def, patch, show }: Props) {
  switch (widgetOf(def.type)) {
    case 'autoNumber':
      return (
        <div className="stack">
          <div className="grid-2">
            <TextInput label="Prefix" mono value={def.prefix ?? ''} placeholder="e.g. INV-" errors={show('prefix')} onChange={(v) => patch({ prefix: v || undefined })} />
            <NumberField label="Digits" value={def.digits} min={1} step={1} errors={show('digits')} hint="Numbers are zero-padded to this many digits." onChange={(v) => patch({ digits: v })} />
          </div>
          <p className="muted small" aria-live="polite">
            New records are numbered {formatAutoNumber(1, def)}, {formatAutoNumber(2, def)}, {formatAutoNumber(3, def)}… Existing records get numbers in the
            order they were created. A new prefix or padding changes how every number is shown, without rewriting data.
          </p>
        </div>
      );
    case 'rating': {
      const max = def.max ?? DEFAULT_RATING_MAX;
      const choices = Array.from({ length: RATING_MAX_RANGE.max - RATING_MAX_RANGE.min + 1 }, (_, i) => RATING_MAX_RANGE.min + i);
      return (
        <SelectField
          label="Number of stars"
          value={String(max)}
          errors={show('max')}
          hint={`Shown as ${starsText(0, max)}`}
          onChange={(v) => patch({ max: Number(v) === DEFAULT_RATING_MAX ? undefined : Number(v) })}
        >
          {!choices.includes(max) && <option value={String(max)}>{max}</option>}
          {choices.map((n) => (
            <option key={n} value={String(n)}>
              {n}
            </option>
          ))}
        </SelectField>
      );
    }
    case 'duration':
      return (
        <div className="grid-2">
          <DurationBound label="Shortest" value={def.min} errors={show('min')} onChange={(v) => patch({ min: v })} />
          <DurationBound label="Longest" value={def.max} errors={show('max')} onChange={(v) => patch({ max: v })} />
        </div>
      );
    default:
      return null;
  }
}

/** A duration bound typed as `15m` or `8h`, kept in seconds. */
function DurationBound({ label, value, errors, onChange }: { label: string; value: number | undefined; errors?: string[]; onChange: (v: number | undefined) => void }) {
  const [text, setText] = useState(durationInputText(value));
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <TextInput
      label={label}
      value={text}
      placeholder="e.g. 15m, 8h, 2d"
      errors={[...(problem ? [problem] : []), ...(errors ?? [])]}
      hint={!problem && value !== undefined ? `${value} seconds` : undefined}
      onChange={(v) => {
        setText(v);
        const read = durationFromInput(v);
        if ('error' in read) {
          setProblem(read.error);
          return;
        }
        setProblem(null);
        onChange(read.value ?? undefined);
      }}
      onBlur={() => {
        if (!problem) setText(durationInputText(value));
      }}
    />
  );
}
