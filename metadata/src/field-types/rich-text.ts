import type { FieldTypeDefinition } from './field-type.js';
import { TEXT_STORED, textToHtmlSql } from './common.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/**
 * The text a person reads in (sanitized) rich text: tags removed, character references decoded. `maxLength`
 * of a richText field counts this text, not the markup.
 */
export function richTextPlainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (ref, name: string) => {
      const lower = name.toLowerCase();
      if (ENTITIES[lower] !== undefined) return ENTITIES[lower];
      const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : lower.startsWith('#') ? parseInt(lower.slice(1), 10) : NaN;
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ref;
    });
}

/**
 * Formatted text (paragraphs, bold, italic, lists, links, headings, quotes, code) stored as sanitized HTML in
 * `text`. Every written value goes through runtime's `sanitizeRichText` (normalizer `html`) in the server and the
 * studio renders only sanitized HTML. Searchable, not sortable.
 */
export const richTextFieldType: FieldTypeDefinition = {
  name: 'richText',
  label: 'Rich text',
  description: 'Formatted text with bold, italics, lists and links, such as meeting notes.',
  properties: ['maxLength'],
  columns: () => [{ suffix: '', sqlType: 'text' }],
  graphql: () => ({ output: 'String', input: 'String' }),
  // maxLength counts the text, not the markup: checked by `checkValue`.
  jsonSchema: () => ({ type: 'string' }),
  filterOperators: ['like', 'ilike', 'isNull'],
  sortable: false,
  widget: 'richText',
  normalizer: 'html',
  checkValue: (field, value) => {
    if (field.maxLength === undefined || typeof value !== 'string') return [];
    const length = [...richTextPlainText(value)].length;
    return length > field.maxLength ? [`must be at most ${field.maxLength} characters (it has ${length})`] : [];
  },
  // Plain text becomes one escaped paragraph (lines as <br>): every character is kept.
  convertFrom: (from, _to, col) => (TEXT_STORED.includes(from.type) ? textToHtmlSql(col) : from.type === 'richText' ? col : null),
  losslessFrom: TEXT_STORED,
  supportsUnique: false,
};
