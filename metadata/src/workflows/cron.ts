/**
 * Cron expressions and time zones of scheduled workflows, checked with croner (pure, no timers: a `Cron`
 * without a function never schedules). Kept here so publish refuses a bad schedule and the runtime and the
 * studio give the same message.
 */
import { Cron, CronPattern } from 'croner';

/** 5 fields (minute precision), or 6 with seconds first; croner's nicknames (`@daily`) too. */
export const CRON_MODE = '5-or-6-parts' as const;

/** Why `timeZone` is not an IANA time zone this JavaScript engine knows, or null. */
export function timeZoneProblem(timeZone: string): string | null {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return null;
  } catch {
    return `'${timeZone}' is not a time zone: use an IANA name such as 'UTC', 'Europe/Paris' or 'America/New_York'`;
  }
}

/** Why `cron` (in `timeZone`, default UTC) is not a usable schedule, or null. */
export function cronProblem(cron: string, timeZone?: string): string | null {
  if (typeof cron !== 'string' || cron.trim() === '') return 'The cron expression is empty: write 5 fields (minute hour day month weekday), e.g. "0 9 * * 1-5"';
  if (timeZone !== undefined) {
    const tzProblem = timeZoneProblem(timeZone);
    if (tzProblem) return tzProblem;
  }
  try {
    // CronPattern first: `new Cron('2030-01-01T00:00')` would accept a date as a one-off run.
    new CronPattern(cron, timeZone, { mode: CRON_MODE });
    const next = new Cron(cron, { timezone: timeZone ?? 'UTC', mode: CRON_MODE, paused: true }).nextRun();
    if (!next) return `The cron expression "${cron}" never fires (e.g. February 30th): check the day and month fields`;
    return null;
  } catch (error) {
    const reason = (error as Error).message.replace(/^CronPattern:\s*/, '');
    return `"${cron}" is not a valid cron expression (${reason}); write 5 fields (minute hour day month weekday), e.g. "0 9 * * 1-5", or 6 with seconds first`;
  }
}
