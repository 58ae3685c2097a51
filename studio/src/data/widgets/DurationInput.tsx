/**
 * A duration typed as `1h 30m`, `2d 4h`, `90m` or `1:30`: the value is seconds; what cannot be read is reported
 * to the form (it blocks saving) instead of being sent. On leaving, the text is rewritten in the standard form.
 */
import { useEffect, useRef, useState } from 'react';
import { durationFromInput, durationInputText } from '../../lib/field-values.js';

interface Props {
  common: {
    id: string;
    className: string;
    disabled?: boolean;
    onBlur: () => void;
    'aria-invalid'?: boolean;
    'aria-required'?: boolean;
    'aria-describedby'?: string;
  };
  value: number | null | undefined;
  onChange: (value: number | null) => void;
  onError: (message: string | null) => void;
}

export function DurationInput({ common, value, onChange, onError }: Props) {
  const [text, setText] = useState(durationInputText(value));
  const last = useRef(value);
  useEffect(() => {
    if (value !== last.current) {
      last.current = value;
      setText(durationInputText(value));
    }
  }, [value]);
  return (
    <input
      {...common}
      type="text"
      autoComplete="off"
      placeholder="e.g. 1h 30m"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const read = durationFromInput(e.target.value);
        if ('error' in read) {
          onError(read.error);
          return;
        }
        onError(null);
        last.current = read.value;
        onChange(read.value);
      }}
      onBlur={() => {
        const read = durationFromInput(text);
        if (!('error' in read)) setText(durationInputText(read.value));
        common.onBlur();
      }}
    />
  );
}
