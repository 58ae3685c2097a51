/**
 * Rule messages with placeholders: `{{record.name}}`, `{{previous.stage}}`, `{{user.id}}`, `{{now}}` —
 * any dotted path into the rule context. A missing value becomes the empty string. Templates are parsed
 * once (when the entity's rules are compiled) into a function of the context.
 */
import { isPlainObject, valueAtPath } from './values.js';

export type MessageTemplate = (context: unknown) => string;

const PLACEHOLDER = /\{\{\s*([A-Za-z_$][\w$]*(?:\.[\w$]+)*)\s*\}\}/g;

/** Parses `template` once; the result fills in the placeholders from a rule context. */
export function compileMessage(template: string): MessageTemplate {
  const parts: (string | { path: string })[] = [];
  let at = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (match.index > at) parts.push(template.slice(at, match.index));
    parts.push({ path: match[1]! });
    at = match.index + match[0].length;
  }
  if (at < template.length) parts.push(template.slice(at));
  if (parts.every((p) => typeof p === 'string')) return () => template;
  return (context) => parts.map((p) => (typeof p === 'string' ? p : formatValue(valueAtPath(context, p.path)))).join('');
}

/** Fills the placeholders of `template` from `context` (parses on every call; prefer `compileMessage`). */
export function interpolateMessage(template: string, context: unknown): string {
  return compileMessage(template)(context);
}

/** A value as a person reads it in a sentence: lists comma-separated, compound values' parts space-separated. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  if (isPlainObject(value)) return Object.values(value).map(formatValue).filter((s) => s !== '').join(' ');
  return String(value);
}
