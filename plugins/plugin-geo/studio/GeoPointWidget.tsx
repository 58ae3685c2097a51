/**
 * The coordinate widget: latitude and longitude inputs (a pasted "48.8566, 2.3522" fills both) and the point
 * in words below. Map-less on purpose: no tiles to download, works offline. A half-filled point is passed on
 * as it is, so the form's validation says which half is missing.
 */
import { useEffect, useState } from 'react';
import type { FieldWidgetProps } from '@trellis/plugin-sdk/studio';
import { formatGeoPoint, parseGeoPoint } from '../src/geo-point.js';

type Draft = { lat: string; lng: string };

const draftOf = (value: unknown): Draft => {
  const point = (value ?? {}) as { lat?: unknown; lng?: unknown };
  return { lat: typeof point.lat === 'number' ? String(point.lat) : '', lng: typeof point.lng === 'number' ? String(point.lng) : '' };
};

/** The value for a draft: null when both are empty, else the numbers given (a missing half left out). */
function valueOf(draft: Draft): Record<string, number> | null {
  if (draft.lat.trim() === '' && draft.lng.trim() === '') return null;
  const value: Record<string, number> = {};
  for (const key of ['lat', 'lng'] as const) {
    const n = Number(draft[key]);
    if (draft[key].trim() !== '' && Number.isFinite(n)) value[key] = n;
  }
  return value;
}

export function GeoPointWidget({ id, label, value, onChange, onBlur, disabled, invalid, describedBy }: FieldWidgetProps) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(value));
  // Follow values set from outside (a reset, a workflow's update) unless they are what the draft already says.
  useEffect(() => {
    const outside = draftOf(value);
    const same = JSON.stringify(valueOf(draft)) === JSON.stringify(valueOf(outside));
    if (!same) setDraft(outside);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  const edit = (key: keyof Draft, text: string) => {
    const pasted = parseGeoPoint(text);
    const next = pasted ? { lat: String(pasted.lat), lng: String(pasted.lng) } : { ...draft, [key]: text };
    setDraft(next);
    onChange(valueOf(next));
  };
  const words = formatGeoPoint(valueOf(draft));
  const input = (key: keyof Draft, name: string, range: number) => (
    <input
      id={key === 'lat' ? id : `${id}-lng`}
      className="input"
      type="text"
      inputMode="decimal"
      aria-label={`${label} ${name.toLowerCase()}`}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      placeholder={`${name} (±${range})`}
      disabled={disabled}
      value={draft[key]}
      onChange={(e) => edit(key, e.target.value)}
      onBlur={onBlur}
    />
  );
  return (
    <div className="geo-point-input" style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '0.5rem' }}>
      {input('lat', 'Latitude', 90)}
      {input('lng', 'Longitude', 180)}
      {words && (
        <span className="field-help" style={{ gridColumn: '1 / span 2' }} data-testid={`${id}-words`}>
          {words}
        </span>
      )}
    </div>
  );
}
