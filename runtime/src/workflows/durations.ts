/** Workflow durations (`{ amount: 3, unit: 'days' }`) in milliseconds; a day is 24 hours here. */
import type { DurationUnit, WorkflowDuration } from '@trellis/metadata';

const UNIT_MS: Record<DurationUnit, number> = { minutes: 60_000, hours: 3_600_000, days: 86_400_000, weeks: 604_800_000 };

export function durationMs(duration: WorkflowDuration): number {
  const unit = UNIT_MS[duration.unit];
  if (unit === undefined) throw new Error(`Unknown duration unit '${String(duration.unit)}' (use minutes, hours, days or weeks)`);
  return duration.amount * unit;
}
