/**
 * A duration typed as `1h 30m`, `2d 4h`, `90m` or `1:30`: the value is seconds; what cannot be read is reported
 * to the form (it blocks saving) instead of being sent. On leaving, the text is rewritten in the standard form.
 */
import { durationFromInput, durationInputText } from '../../lib/field-values.js';
import { useEditedText } from '../../lib/use-edited-text.js';

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
  const { text, setText, own } = useEditedText(value, durationInputText);
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
        own(read.value);
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
