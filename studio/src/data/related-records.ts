/**
 * The related records the form's validation rules read (`record.account.status`): fetched for the relation ids
 * the form holds now (and the stored ones), read as rules see them, so the live check gives the server's answer.
 * Until they are loaded, such rules are left to the server (runtime skips them without `$related`).
 */
import { useEffect, useMemo, useState } from 'react';
import type { MetadataDocument } from '@trellis/metadata';
import { relatedRuleReads, type RecordValues, type RelatedRead, type RelatedRecords } from '@trellis/runtime';
import { recordsClient } from '../api/graphql-client.js';
import { buildRecordQuery, fromRecordNode } from '../api/record-queries.js';
import { storedValues } from './form-rules.js';

/** `target:id` → the record as rules see it (null: none, or not readable by this person). */
type Loaded = Record<string, RecordValues | null>;

const keyOf = (read: RelatedRead, id: unknown): string | null => (typeof id === 'string' && id !== '' ? `${read.target}:${id}` : null);

/** The related records for `record` / `previous`, once every one needed is loaded (else undefined). */
export function relatedFrom(reads: RelatedRead[], loaded: Loaded, record: RecordValues, previous: RecordValues | null): RelatedRecords | undefined {
  const related = { record: {} as Record<string, RecordValues | null>, previous: {} as Record<string, RecordValues | null> };
  for (const read of reads) {
    for (const side of ['record', 'previous'] as const) {
      const values = side === 'record' ? record : previous;
      const key = keyOf(read, values?.[read.relation]);
      if (key !== null && !(key in loaded)) return undefined;
      related[side][read.relation] = key === null ? null : loaded[key]!;
    }
  }
  return related;
}

/** What to fetch: one entry per related record not loaded yet. */
export function missingRelated(reads: RelatedRead[], loaded: Loaded, record: RecordValues, previous: RecordValues | null): { key: string; read: RelatedRead; id: string }[] {
  const missing = new Map<string, { key: string; read: RelatedRead; id: string }>();
  for (const read of reads) {
    for (const values of [record, previous]) {
      const id = values?.[read.relation];
      const key = keyOf(read, id);
      if (key !== null && !(key in loaded) && !missing.has(key)) missing.set(key, { key, read, id: id as string });
    }
  }
  return [...missing.values()];
}

async function fetchRelated(doc: MetadataDocument, read: RelatedRead, id: string): Promise<RecordValues | null> {
  try {
    const op = buildRecordQuery(doc, read.target, read.fields, id);
    const data = await recordsClient.request<Record<string, Record<string, unknown> | null>>(op.query, op.variables);
    const node = data[read.target];
    return node ? storedValues(doc, read.target, fromRecordNode(doc, read.target, node).values) : null;
  } catch {
    return null; // not readable by this person: the server still checks the rule on save
  }
}

export function useRelatedRecords(doc: MetadataDocument, entityName: string, record: RecordValues, previous: RecordValues | null): RelatedRecords | undefined {
  const reads = useMemo(() => relatedRuleReads(doc, entityName), [doc, entityName]);
  const [loaded, setLoaded] = useState<Loaded>({});
  const missing = reads.length === 0 ? [] : missingRelated(reads, loaded, record, previous);
  const missingKeys = missing.map((m) => m.key).join(',');
  useEffect(() => {
    if (missing.length === 0) return;
    let live = true;
    void Promise.all(missing.map(async (m) => [m.key, await fetchRelated(doc, m.read, m.id)] as const)).then((entries) => {
      if (live) setLoaded((before) => ({ ...before, ...Object.fromEntries(entries) }));
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc, missingKeys]);
  return useMemo(() => (reads.length === 0 ? undefined : relatedFrom(reads, loaded, record, previous)), [reads, loaded, record, previous]);
}
