import type { MetadataDocument } from '@trellis/metadata';
import { getEntity, writableFields } from './entity.js';

/**
 * A new record's values with each absent writable field set to its `defaultValue`. Apply before validating a
 * create, so a required field with a default may be omitted. Values given (including null) are kept.
 */
export function withDefaultValues(doc: MetadataDocument, entityName: string, values: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...values };
  for (const [name, field] of writableFields(getEntity(doc, entityName))) {
    if (result[name] === undefined && field.defaultValue !== undefined) result[name] = structuredClone(field.defaultValue);
  }
  return result;
}
