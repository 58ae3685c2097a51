/**
 * The JSON Schema formats the field types use (`email`, `uri`, `date`, `date-time`, `uuid`), for ajv,
 * so this package depends on ajv alone. `runtime` may use ajv-formats instead; both accept the same values
 * for the cases that matter (ajv-formats is stricter about exotic URIs).
 */
import type { Ajv } from 'ajv';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

export function isValidDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export function isValidDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  return !!m && isValidDate(m[1]!) && Number(m[2]) < 24 && Number(m[3]) < 60 && Number(m[4]) < 61;
}

export const FORMATS: Record<string, (value: string) => boolean> = {
  email: (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
  uri: (v) => /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]+$/.test(v),
  date: isValidDate,
  'date-time': isValidDateTime,
  uuid: (v) => /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(v),
};

/** Registers the formats on an ajv instance (no-op for formats it already has). */
export function addFormats(ajv: Ajv): Ajv {
  for (const [name, validate] of Object.entries(FORMATS)) {
    ajv.addFormat(name, { type: 'string', validate });
  }
  return ajv;
}
