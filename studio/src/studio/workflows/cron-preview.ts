/** The next fire times of a schedule, computed with runtime's `nextCronTime` (croner), the scheduler's own function. */
import { cronProblem, nextCronTime } from '@trellis/runtime';

export type CronPreview = { ok: true; times: Date[] } | { ok: false; problem: string };

export function nextFireTimes(cron: string, timeZone: string | undefined, from: Date, count = 5): CronPreview {
  const problem = cronProblem(cron, timeZone || undefined);
  if (problem) return { ok: false, problem };
  const times: Date[] = [];
  let after = from;
  try {
    for (let i = 0; i < count; i++) {
      const next = nextCronTime(cron, timeZone || 'UTC', after);
      if (!next) break;
      times.push(next);
      after = next;
    }
  } catch (e) {
    return { ok: false, problem: (e as Error).message };
  }
  return { ok: true, times };
}

/** "Mon 3 Feb 2031, 09:00" in `timeZone` (the schedule's), for the preview list. */
export function formatFireTime(date: Date, timeZone: string | undefined, locale?: string): string {
  try {
    return new Intl.DateTimeFormat(locale ?? 'en-GB', {
      timeZone: timeZone || 'UTC',
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    }).format(date);
  } catch {
    return date.toISOString();
  }
}
