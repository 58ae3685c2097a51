/** Cron expressions in words for the schedule picker and the workflow list, with the presets the picker offers. */

export interface CronPreset {
  cron: string;
  label: string;
}

export const CRON_PRESETS: CronPreset[] = [
  { cron: '*/15 * * * *', label: 'Every 15 minutes' },
  { cron: '0 * * * *', label: 'Every hour' },
  { cron: '0 9 * * *', label: 'Every day at 09:00' },
  { cron: '0 9 * * 1-5', label: 'Every weekday at 09:00' },
  { cron: '0 9 * * 1', label: 'Every Monday at 09:00' },
  { cron: '0 9 1 * *', label: 'On the 1st of every month at 09:00' },
];

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const num = (s: string | undefined): number | null => (s !== undefined && /^\d+$/.test(s) ? Number(s) : null);
const two = (n: number) => String(n).padStart(2, '0');

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${s}`;
}

/** "Every weekday at 09:00"; a schedule it cannot put in words is given as it is ("On the schedule “…”"). */
export function cronText(cron: string): string {
  const fields = cron.trim().split(/\s+/);
  const fallback = `On the schedule “${cron.trim()}”`;
  if (fields.length !== 5) return fallback;
  const [min, hour, dom, month, dow] = fields;
  if (month !== '*') return fallback;
  const m = num(min);
  const h = num(hour);
  if (min === '*' && hour === '*' && dom === '*' && dow === '*') return 'Every minute';
  const every = /^\*\/(\d+)$/.exec(min);
  if (every && hour === '*' && dom === '*' && dow === '*') return `Every ${every[1]} minutes`;
  if (m !== null && hour === '*' && dom === '*' && dow === '*') return m === 0 ? 'Every hour' : `Every hour at ${two(m)} past`;
  if (m === null || h === null || m > 59 || h > 23) return fallback;
  const at = `at ${two(h)}:${two(m)}`;
  if (dom === '*' && dow === '*') return `Every day ${at}`;
  if (dom === '*' && dow === '1-5') return `Every weekday ${at}`;
  if (dom === '*' && (dow === '0,6' || dow === '6,0')) return `Every Saturday and Sunday ${at}`;
  const d = num(dow);
  if (dom === '*' && d !== null && d <= 7) return `Every ${DAYS[d]} ${at}`;
  const day = num(dom);
  if (day !== null && day >= 1 && day <= 31 && dow === '*') return `On the ${ordinal(day)} of every month ${at}`;
  return fallback;
}
