/** Display formatting of record values (list cells, related lists) and date input conversions. */

export interface Money {
  amount: number;
  currency: string;
}

export function formatMoney(value: Money | null | undefined, locale?: string): string {
  if (!value || value.amount == null) return '';
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: value.currency || 'USD' }).format(value.amount);
  } catch {
    return `${value.amount} ${value.currency}`;
  }
}

/** 12.5 → "12.5 %" (values are percent points). */
export function formatPercent(value: number | null | undefined, locale?: string): string {
  if (value == null) return '';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 4 }).format(value / 100);
}

export function formatNumber(value: number | null | undefined, locale?: string): string {
  if (value == null) return '';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 10 }).format(value);
}

/** 'YYYY-MM-DD' → a short local date, without time zone shifts. */
export function formatDate(value: string | null | undefined, locale?: string): string {
  if (!value) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return value;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

export function formatDateTime(value: string | null | undefined, locale?: string, timeZone?: string): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO instant → the value of an `<input type="datetime-local">` in the browser's time zone. */
export function isoToLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** `<input type="datetime-local">` value (local time) → ISO instant; '' → undefined. */
export function localInputToIso(local: string): string | undefined {
  if (!local) return undefined;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** "3 minutes ago", "yesterday", … for history entries. */
export function relativeTime(iso: string, now = Date.now(), locale?: string): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31536000],
    ['month', 2592000],
    ['week', 604800],
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
  return rtf.format(seconds, 'second');
}
