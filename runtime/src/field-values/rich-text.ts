/**
 * Rich text is stored and shown as sanitized HTML. `sanitizeRichText` is the one sanitizer: the server runs it
 * on every write (as the `html` value normalizer) and the studio on everything it renders, so stored and shown
 * markup are both safe, whatever reached the database by other paths.
 */
import sanitizeHtml from 'sanitize-html';
import { richTextPlainText } from '@trellis/metadata';

/** Tags kept: basic formatting, lists, links, two heading levels, quotes and code. */
export const RICH_TEXT_TAGS = ['p', 'br', 'b', 'strong', 'i', 'em', 'u', 's', 'ul', 'ol', 'li', 'a', 'h2', 'h3', 'blockquote', 'code', 'pre'];

/** Link schemes kept; any other href (javascript:, data:, vbscript:, relative, protocol-relative) is dropped. */
export const RICH_TEXT_LINK_SCHEMES = ['http', 'https', 'mailto'];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: RICH_TEXT_TAGS,
  // No style, class, id or on* attribute anywhere; links keep only their href (rel and target are set below).
  allowedAttributes: { a: ['href', 'rel', 'target'] },
  allowedSchemes: RICH_TEXT_LINK_SCHEMES,
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Elements whose content is code or markup, not text: dropped with their content.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'embed', 'xmp', 'noembed', 'noframes', 'title', 'svg', 'math'],
  disallowedTagsMode: 'discard',
  transformTags: {
    // Links open in a new tab without access to this window (noopener) or the page's address (noreferrer).
    a: (tagName, attribs) => {
      const safe: sanitizeHtml.Attributes = isSafeLink(attribs.href) ? { href: attribs.href!, rel: 'noopener noreferrer', target: '_blank' } : {};
      return { tagName, attribs: safe };
    },
    // Old bold/italic spellings are kept as their semantic tags.
    b: 'strong',
    i: 'em',
  },
};

/** Whether an href is an absolute http(s) or mailto URL (browsers ignore blanks and control characters in schemes). */
function isSafeLink(href: string | undefined): boolean {
  if (!href) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href.replace(/[\u0000-\u0020\u007f-\u009f]/g, ''));
  return scheme !== null && RICH_TEXT_LINK_SCHEMES.includes(scheme[1]!.toLowerCase());
}

/**
 * Safe HTML out of any HTML: only the formatting tags above, links only to http(s) and mailto with
 * `rel="noopener noreferrer"`, no scripts, styles, event handlers or other attributes. Idempotent.
 */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

/**
 * The stored value of a written rich text: sanitized HTML, or null when nothing readable is left
 * (an editor's `<p><br></p>`), so "required" treats it as empty.
 */
export function normalizeRichText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const safe = sanitizeRichText(value);
  return richTextPlainText(safe).trim() === '' ? null : safe;
}

/** The text of rich text, for previews and lengths (tags dropped, entities decoded). */
export function richTextToPlainText(html: string): string {
  return richTextPlainText(sanitizeRichText(html));
}
