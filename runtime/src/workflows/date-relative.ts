/**
 * When a date-relative workflow fires for one record: `offset` before or after the value of its date field.
 * A date (no time) is taken at `time` (default 09:00) on the wall clock of the trigger's time zone, and
 * day/week offsets move the calendar date, so "3 days before" stays at 09:00 across a DST change.
 */
import type { DateRelativeTrigger } from '@trellis/metadata';
import { durationMs } from './durations.js';
import { zonedTimeToInstant } from './zoned-time.js';

export const DEFAULT_DATE_RELATIVE_TIME = '09:00';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The fire time for a field value (`YYYY-MM-DD` or an ISO instant); null when the value is blank or not a date. */
export function dateRelativeFireAt(
  trigger: Pick<DateRelativeTrigger, 'offset' | 'direction' | 'time' | 'timeZone'>,
  value: string | null | undefined,
  defaultTimeZone?: string | null,
): Date | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const sign = trigger.direction === 'before' ? -1 : 1;
  const date = DATE_ONLY.exec(value);
  if (!date) {
    const instant = Date.parse(value);
    return Number.isNaN(instant) ? null : new Date(instant + sign * durationMs(trigger.offset));
  }
  const time = TIME.exec(trigger.time ?? DEFAULT_DATE_RELATIVE_TIME);
  if (!time) throw new Error(`Invalid time '${trigger.time}' of a date-relative trigger: use HH:MM, e.g. 09:00`);
  const zone = trigger.timeZone || defaultTimeZone || 'UTC';
  const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
  const [hour, minute] = [Number(time[1]), Number(time[2])];
  const { amount, unit } = trigger.offset;
  if (unit === 'days' || unit === 'weeks') {
    const shifted = new Date(Date.UTC(year, month - 1, day + sign * amount * (unit === 'weeks' ? 7 : 1)));
    return zonedTimeToInstant(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate(), hour, minute, zone);
  }
  return new Date(zonedTimeToInstant(year, month, day, hour, minute, zone).getTime() + sign * durationMs(trigger.offset));
}
