/**
 * Where a translation applies: a JSON pointer to a label, pluralLabel or description string of the document,
 * e.g. `/entities/case/label` or `/entities/case/fields/priority/options/high/label`. Inside a list, a segment
 * names an item by its identity (an option's `value`, a step's `key`) or by its index — by identity is what
 * survives a reorder. One resolver for validation (check-translations.ts) and the runtime (translateDocument).
 */
import { isRecord, segmentsOf } from '../problems.js';

export const TRANSLATABLE_PROPERTIES: readonly string[] = ['label', 'pluralLabel', 'description'];

/** A BCP 47 language tag as translations are keyed: `de`, `pt-BR`, `zh-Hant-TW`. */
export const LOCALE_PATTERN = '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$';
export const isLocale = (locale: string): boolean => new RegExp(LOCALE_PATTERN).test(locale);

/** The item of `list` that segment `s` names: by `value` or `key` first, else by index. */
function listIndex(list: unknown[], s: string): number | undefined {
  const byId = list.findIndex((item) => isRecord(item) && (item.value === s || item.key === s));
  if (byId >= 0) return byId;
  return /^(0|[1-9]\d*)$/.test(s) && Number(s) < list.length ? Number(s) : undefined;
}

/**
 * The concrete path (object keys and array indexes) of the translatable string `pointer` leads to in `doc`,
 * or undefined when it leads to none (not a label property, or nothing there).
 */
export function labelPath(doc: unknown, pointer: string): (string | number)[] | undefined {
  if (!pointer.startsWith('/')) return undefined;
  const segments = segmentsOf(pointer);
  if (!TRANSLATABLE_PROPERTIES.includes(segments[segments.length - 1]!)) return undefined;
  const path: (string | number)[] = [];
  let value: unknown = doc;
  for (const s of segments) {
    if (Array.isArray(value)) {
      const index = listIndex(value, s);
      if (index === undefined) return undefined;
      path.push(index);
      value = value[index];
    } else if (isRecord(value) && Object.hasOwn(value, s)) {
      path.push(s);
      value = value[s];
    } else {
      return undefined;
    }
  }
  return typeof value === 'string' ? path : undefined;
}

/** The label string `pointer` leads to in `doc`, or undefined. */
export function labelAt(doc: unknown, pointer: string): string | undefined {
  const path = labelPath(doc, pointer);
  if (!path) return undefined;
  let value: unknown = doc;
  for (const s of path) value = (value as Record<string | number, unknown>)[s];
  return value as string;
}
