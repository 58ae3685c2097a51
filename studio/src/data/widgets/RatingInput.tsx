/**
 * A rating as a group of star radio buttons: native radios, so arrow keys move between stars and screen readers
 * announce "Stars, radio group, 4 of 5, checked". "Clear" removes the rating.
 */
import { ratingLabel } from '../../lib/field-values.js';

interface Props {
  id: string;
  label: string;
  max: number;
  value: number | null | undefined;
  disabled?: boolean;
  invalid?: boolean;
  describedBy?: string;
  onChange: (value: number | null) => void;
  onBlur: () => void;
}

export function RatingInput({ id, label, max, value, disabled, invalid, describedBy, onChange, onBlur }: Props) {
  const current = typeof value === 'number' ? value : 0;
  return (
    <div className="rating-input">
      <div
        role="radiogroup"
        id={id}
        aria-label={ratingLabel(value, max, label)}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        className="rating-stars"
      >
        {Array.from({ length: max }, (_, i) => i + 1).map((n) => (
          <label key={n} className={n <= current ? 'rating-star on' : 'rating-star'} title={`${n} of ${max}`}>
            <input
              type="radio"
              className="visually-hidden"
              name={`${id}-stars`}
              value={n}
              checked={current === n}
              disabled={disabled}
              aria-label={`${n} of ${max}`}
              onBlur={onBlur}
              onChange={() => onChange(n)}
            />
            <span aria-hidden="true">{n <= current ? '★' : '☆'}</span>
          </label>
        ))}
      </div>
      {current > 0 && !disabled && (
        <button type="button" className="btn btn-link btn-small" onClick={() => onChange(null)} aria-label={`Clear ${label}`}>
          Clear
        </button>
      )}
    </div>
  );
}
