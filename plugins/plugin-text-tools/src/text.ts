/** Pure text operations (JSON Logic operations: the same results in the browser and on the server). */

/**
 * A URL-safe slug: accents removed, lowercase, every run of other characters turned into one `separator`
 * (default '-'), none at either end. `slugify("Crème Brûlée & Co.")` → `"creme-brulee-co"`. Null for a non-string.
 */
export function slugify(text: unknown, separator: unknown = '-'): string | null {
  if (typeof text !== 'string' && typeof text !== 'number') return null;
  const sep = typeof separator === 'string' && /^[-_.~]?$/.test(separator) ? separator : '-';
  const words = String(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // combining accents
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.join(sep);
}

/**
 * A phone number in E.164 form (`+` and 8 to 15 digits), or null when it cannot be one.
 * `+…` and `00…` are international; otherwise `countryCode` (digits, e.g. '44') is put in front, dropping
 * one national trunk '0' (`formatPhone('020 7946 0018', '44')` → `'+442079460018'`). Without a country code
 * a national number cannot be placed: null.
 */
export function formatPhone(value: unknown, countryCode?: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const raw = String(value).trim();
  if (/[a-zA-Z]/.test(raw.replace(/\s*(?:ext\.?|x)\s*\d+$/i, ''))) return null;
  const main = raw.replace(/\s*(?:ext\.?|x)\s*\d+$/i, '');
  let digits = main.replace(/\D/g, '');
  if (main.startsWith('+')) {
    // already international
  } else if (digits.startsWith('00')) {
    digits = digits.slice(2);
  } else {
    const cc = typeof countryCode === 'number' ? String(countryCode) : typeof countryCode === 'string' ? countryCode.replace(/^\+/, '') : '';
    if (!/^[1-9]\d{0,2}$/.test(cc)) return null;
    digits = cc + digits.replace(/^0/, '');
  }
  if (!/^[1-9]\d{7,14}$/.test(digits)) return null;
  return `+${digits}`;
}
