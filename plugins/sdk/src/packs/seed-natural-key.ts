import type { MetadataDocument } from '@trellis/metadata';
import type { SeedRecord } from '../seed.js';
import { displayFieldOf } from './display-field.js';

/**
 * The field values that identify a seed record, for idempotent seeding (a record already stored with the same key
 * is not inserted again): the first `unique` field the record sets (e.g. person.email), else the entity's display
 * field (displayField, else its first text field). Null when the record sets none of them (it is always inserted).
 */
export function seedNaturalKey(document: MetadataDocument, entity: string, record: SeedRecord): Record<string, unknown> | null {
  const definition = document.entities[entity];
  if (!definition) return null;
  const isSet = (field: string): boolean => record[field] !== undefined && record[field] !== null && record[field] !== '';
  const unique = Object.keys(definition.fields).find((field) => definition.fields[field]!.unique === true && isSet(field));
  if (unique !== undefined) return { [unique]: record[unique] };
  const display = displayFieldOf(definition);
  return display !== undefined && isSet(display) ? { [display]: record[display] } : null;
}
