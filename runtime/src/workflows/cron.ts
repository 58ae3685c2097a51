/**
 * When a scheduled workflow fires next. The expression's validity (`cronProblem`) is metadata's check, so
 * publish, the studio and the scheduler agree on it.
 */
import { CRON_MODE } from '@trellis/metadata';
import { Cron } from 'croner';

export { cronProblem } from '@trellis/metadata';

// The scheduler asks often for the same few schedules: keep their parsed patterns (bounded).
const MAX_CACHED = 200;
const parsed = new Map<string, Cron>();

/**
 * The first fire time strictly after `after` (whole seconds), in `timeZone` (default UTC); null when the
 * schedule never fires again. Throws on an invalid expression or time zone (publish refuses those).
 */
export function nextCronTime(cron: string, timeZone: string | null | undefined, after: Date): Date | null {
  const zone = timeZone || 'UTC';
  const key = `${zone} ${cron}`;
  let job = parsed.get(key);
  if (!job) {
    if (parsed.size >= MAX_CACHED) parsed.clear();
    job = new Cron(cron, { timezone: zone, mode: CRON_MODE, paused: true });
    parsed.set(key, job);
  }
  return job.nextRun(after);
}
