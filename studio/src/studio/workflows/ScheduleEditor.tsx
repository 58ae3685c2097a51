/**
 * A scheduled trigger: the cron expression (or a preset), the time zone, the schedule in words and its next five
 * fire times computed with runtime's `nextCronTime` — the scheduler's own function.
 */
import { useId, useMemo } from 'react';
import type { ScheduledTrigger } from '@trellis/metadata';
import { TextInput } from '../inputs.js';
import { formatFireTime, nextFireTimes } from './cron-preview.js';
import { CRON_PRESETS, cronText } from './cron-text.js';

export function ScheduleEditor({
  trigger,
  cronErrors,
  zoneErrors,
  onChange,
}: {
  trigger: ScheduledTrigger;
  cronErrors: string[];
  zoneErrors: string[];
  onChange: (next: ScheduledTrigger, key?: string) => void;
}) {
  const id = useId();
  const cron = trigger.cron ?? '';
  const zone = trigger.timeZone;
  const preview = useMemo(() => nextFireTimes(cron, zone, new Date()), [cron, zone]);
  const preset = CRON_PRESETS.find((p) => p.cron === cron.trim())?.cron ?? '';
  const localErrors = preview.ok || cronErrors.length || zoneErrors.length ? [] : [preview.problem];

  return (
    <div className="workflow-schedule stack">
      <div className="field">
        <label className="field-label" htmlFor={`${id}-preset`}>
          Repeat
        </label>
        <select id={`${id}-preset`} className="input" value={preset} onChange={(e) => e.target.value && onChange({ ...trigger, cron: e.target.value })}>
          <option value="">Custom (cron expression)</option>
          {CRON_PRESETS.map((p) => (
            <option key={p.cron} value={p.cron}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      <div className="grid-2">
        <TextInput
          label="Cron expression"
          mono
          value={cron}
          hint="minute hour day-of-month month weekday, e.g. 0 9 * * 1-5"
          errors={[...cronErrors, ...localErrors]}
          onChange={(v) => onChange({ ...trigger, cron: v }, 'cron')}
        />
        <TextInput
          label="Time zone"
          value={zone ?? ''}
          placeholder="The workspace's (UTC)"
          hint="An IANA name such as Europe/Paris."
          errors={zoneErrors}
          onChange={(v) => {
            const next = { ...trigger };
            if (v.trim()) next.timeZone = v;
            else delete next.timeZone;
            onChange(next, 'timeZone');
          }}
        />
      </div>
      <div className="schedule-preview" role="region" aria-label="Next runs" aria-live="polite">
        <p className="small">
          <strong>{cronText(cron)}</strong>
          {zone ? ` (${zone})` : ' (UTC)'}
        </p>
        {preview.ok && preview.times.length > 0 && (
          <ol className="schedule-times">
            {preview.times.map((t) => (
              <li key={t.toISOString()}>
                <time dateTime={t.toISOString()}>{formatFireTime(t, zone)}</time>
              </li>
            ))}
          </ol>
        )}
        {preview.ok && preview.times.length === 0 && <p className="muted small">This schedule never fires again.</p>}
      </div>
    </div>
  );
}
