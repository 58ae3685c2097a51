/**
 * Value normalizers: functions a field type names in its registry entry (`normalizer`) that turn a written
 * value into the value stored, before validation (richText's `html` sanitizes markup). The server applies them
 * to every create and update; plugins register their own names.
 */
import { findFieldType, type MetadataDocument } from '@trellis/metadata';
import { getEntity } from '../entity.js';
import { normalizeRichText } from './rich-text.js';

/** Turns one written value (never undefined) into the value to validate and store. */
export type ValueNormalizer = (value: unknown) => unknown;

const normalizers = new Map<string, ValueNormalizer>([['html', normalizeRichText]]);

/** Adds (or replaces) the normalizer a field type names with `normalizer: name`. */
export function registerValueNormalizer(name: string, normalize: ValueNormalizer): void {
  normalizers.set(name, normalize);
}

/** The normalizer registered under `name`; throws for a name nothing registered (a type would go unchecked). */
export function getValueNormalizer(name: string): ValueNormalizer {
  const found = normalizers.get(name);
  if (!found) throw new Error(`No value normalizer "${name}" is registered (known: ${[...normalizers.keys()].join(', ')})`);
  return found;
}

/**
 * The record's values with each field's normalizer applied (null and absent values, and fields without a
 * normalizer, are kept as they are). Returns `values` itself when nothing changed.
 */
export function normalizeRecordValues(doc: MetadataDocument, entityName: string, values: Record<string, unknown>): Record<string, unknown> {
  const fields = getEntity(doc, entityName).fields;
  let result = values;
  for (const name of Object.keys(values)) {
    const value = values[name];
    const field = Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : undefined;
    const normalizer = field ? findFieldType(field.type)?.normalizer : undefined;
    if (normalizer === undefined || value === null || value === undefined) continue;
    const next = getValueNormalizer(normalizer)(value);
    if (next !== value) {
      if (result === values) result = { ...values };
      result[name] = next;
    }
  }
  return result;
}
