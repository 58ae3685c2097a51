/**
 * Sample records for testing rules and previewing formulas: an existing record read through the generated API
 * (of the PUBLISHED document: the draft's new fields do not exist on the server yet) and turned into the values
 * rules see — keyed by field name, manyToOne as the related id, currency as { amount, currency }, blanks null.
 */
import type { MetadataDocument } from '@trellis/metadata';
import type { RecordValues } from '@trellis/runtime';
import { recordsClient } from '../../api/graphql-client.js';
import { buildRecordQuery, fromRecordNode, isToMany } from '../../api/record-queries.js';

/** Fields a record holds a value of in the rule context (every field but oneToMany). */
export function contextFields(doc: MetadataDocument, entity: string): string[] {
  const def = doc.entities[entity];
  if (!def) return [];
  return Object.entries(def.fields)
    .filter(([, f]) => !(f.type === 'relation' && f.cardinality === 'oneToMany'))
    .map(([name]) => name);
}

/** A record with every field of the draft entity blank: the starting sample to edit by hand. */
export function blankSample(doc: MetadataDocument, entity: string): RecordValues {
  return Object.fromEntries(contextFields(doc, entity).map((f) => [f, null]));
}

/** Node values (relations as `{ id … }` objects) → rule context values. */
export function nodeToContextValues(doc: MetadataDocument, entity: string, node: Record<string, unknown>): RecordValues {
  const { values } = fromRecordNode(doc, entity, node);
  const def = doc.entities[entity];
  const out: RecordValues = {};
  for (const name of contextFields(doc, entity)) {
    const value = values[name];
    const field = def.fields[name];
    if (value === undefined) out[name] = isToMany(field) ? [] : null;
    else out[name] = value;
  }
  return out;
}

/** An existing record's values, read with the published document; null when there is no such record. */
export async function fetchSample(published: MetadataDocument, entity: string, id: string): Promise<RecordValues | null> {
  const fields = contextFields(published, entity);
  const op = buildRecordQuery(published, entity, fields, id);
  const data = await recordsClient.request<Record<string, Record<string, unknown> | null>>(op.query, op.variables);
  const node = data[entity];
  return node ? nodeToContextValues(published, entity, node) : null;
}

/** `sample` completed with the draft's fields the published record does not have yet (as null). */
export function withDraftFields(doc: MetadataDocument, entity: string, sample: RecordValues): RecordValues {
  return { ...blankSample(doc, entity), ...sample };
}
