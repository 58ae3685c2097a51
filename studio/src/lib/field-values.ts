/**
 * Pure helpers behind the widgets and cells of the rating, richText, duration and autoNumber field types:
 * accessible labels, safe HTML, link checks and filter operands. Everything that renders rich text goes
 * through `safeRichTextHtml` (the runtime's sanitizer), whatever the server sent.
 */
import { DEFAULT_RATING_MAX, findFieldType, formatAutoNumber, getFieldType, ratingMaxOf, type FieldDefinition } from '@trellis/metadata';
import { formatDuration, formatDurationLong, parseDuration, richTextToPlainText, sanitizeRichText } from '@trellis/runtime';

/** Number of stars a rating field shows. */
export const ratingMax = (field: Pick<FieldDefinition, 'max'> | undefined): number => (field ? ratingMaxOf(field) : DEFAULT_RATING_MAX);

/** `Rating, 4 of 5` / `Rating, not rated`: the accessible name of a rating value. */
export function ratingLabel(value: unknown, max: number, label = 'Rating'): string {
  return typeof value === 'number' && value >= 1 ? `${label}, ${value} of ${max}` : `${label}, not rated`;
}

/** `★★★★☆` for 4 of 5 (shown; screen readers get `ratingLabel`). */
export function starsText(value: unknown, max: number): string {
  const filled = typeof value === 'number' ? Math.max(0, Math.min(max, Math.round(value))) : 0;
  return '★'.repeat(filled) + '☆'.repeat(max - filled);
}

/** HTML safe to put into the page for a rich-text value (anything else renders as nothing). */
export function safeRichTextHtml(value: unknown): string {
  return typeof value === 'string' ? sanitizeRichText(value) : '';
}

/** The text of a rich-text value, for list cells and previews, cut to `limit` characters with an ellipsis. */
export function richTextPreview(value: unknown, limit = 120): string {
  if (typeof value !== 'string') return '';
  const text = richTextToPlainText(value).replace(/\s+/g, ' ').trim();
  return text.length > limit ? `${text.slice(0, limit - 1).trimEnd()}…` : text;
}

/**
 * What a person typed as a link address → the URL to link to, or an error: `example.com` becomes
 * `https://example.com`, an address with @ becomes `mailto:`; only http, https and mailto are accepted.
 */
export function linkFromInput(input: string): { url: string } | { error: string } {
  const text = input.trim();
  if (text === '') return { error: 'Enter a link address' };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text.replace(/[\u0000-\u0020\u007f-\u009f]/g, ''))?.[1]?.toLowerCase();
  if (scheme === undefined) {
    if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(text)) return { url: `mailto:${text}` };
    if (/^[^\s/]+\.[^\s/]+/.test(text)) return { url: `https://${text}` };
    return { error: 'Enter a web address such as https://example.com or an email address' };
  }
  if (!['http', 'https', 'mailto'].includes(scheme)) return { error: 'Only http, https and mailto links are allowed' };
  return { url: text };
}

/** The text a duration input shows for a value (seconds). */
export const durationInputText = (value: unknown): string => (typeof value === 'number' ? formatDuration(value) : '');

/** The seconds in what was typed: a number, null for blank, or an error message. */
export function durationFromInput(text: string): { value: number | null } | { error: string } {
  if (text.trim() === '') return { value: null };
  const seconds = parseDuration(text);
  return seconds === null ? { error: 'Enter a duration such as 1h 30m, 2d 4h or 45m' } : { value: seconds };
}

/** How a cell reads a value of a field shown with these widgets; undefined for other widgets. */
export function cellText(widget: string, field: FieldDefinition, value: unknown): { text: string; label?: string } | undefined {
  switch (widget) {
    case 'rating': {
      const max = ratingMax(field);
      return { text: starsText(value, max), label: ratingLabel(value, max, field.label) };
    }
    case 'duration':
      return typeof value === 'number' ? { text: formatDuration(value), label: formatDurationLong(value) } : { text: '' };
    case 'richText':
      return { text: richTextPreview(value) };
    case 'autoNumber':
      return { text: typeof value === 'number' ? formatAutoNumber(value, field) : String(value ?? '') };
    default: {
      // A plugin type says in words what its values are (a geo point's "48.8566° N, 2.3522° E").
      const format = findFieldType(field.type)?.formatValue;
      return format ? { text: format(field, value) } : undefined;
    }
  }
}

/**
 * A filter operand typed into the list's filter bar → the value the API compares with: seconds for durations
 * (`1h 30m`), numbers for number inputs (registry GraphQL Int/Float), the text otherwise.
 */
export function filterOperand(field: FieldDefinition, raw: unknown): unknown {
  if (Array.isArray(raw)) return raw.map((v) => filterOperand(field, v));
  const type = getFieldType(field.type);
  if (type.widget === 'duration' && typeof raw === 'string') return parseDuration(raw) ?? raw;
  const names = type.graphql(field);
  const scalar = (names.input || names.output).replace(/[[\]!]/g, '');
  if ((scalar === 'Int' || scalar === 'Float') && typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  return raw;
}
