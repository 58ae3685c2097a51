/**
 * Seeds a pack's records unless they are already there: a record whose natural key (the SDK's seedNaturalKey: a
 * unique field it sets, else the display field) matches a stored record is skipped, so installing twice (or
 * reinstalling after an uninstall) never duplicates. `$lookup`s of the seeded records find skipped ones too.
 */
import type { MetadataDocument } from '@trellis/metadata';
import { isSeedLookup, seedNaturalKey, type SeedData, type SeedRecord } from '@trellis/plugin-sdk';
import type { RequestContext } from '../common/request-context.js';
import type { Queryable, RecordService } from '../records/record.service.js';
import { seedRecords } from './seed-records.js';

export interface SeedCount {
  created: number;
  skipped: number;
}

export async function seedIdempotently(
  records: RecordService,
  ctx: RequestContext,
  document: MetadataDocument,
  seed: SeedData,
  client: Queryable,
): Promise<Record<string, SeedCount>> {
  const counts: Record<string, SeedCount> = {};
  const fresh: SeedData = [];
  for (const group of seed) {
    const count = (counts[group.entity] ??= { created: 0, skipped: 0 });
    const kept = [];
    for (const record of group.records) {
      if (await alreadySeeded(records, ctx, document, group.entity, record, client)) {
        count.skipped += 1;
        continue;
      }
      kept.push(record);
    }
    count.created += kept.length;
    if (kept.length) fresh.push({ entity: group.entity, records: kept });
  }
  if (fresh.length) await seedRecords(records, ctx, document, fresh, client);
  return counts;
}

/** Whether a record with the seed record's natural key is stored already (then seeding skips it). */
export async function alreadySeeded(
  records: RecordService,
  ctx: RequestContext,
  document: MetadataDocument,
  entity: string,
  record: SeedRecord,
  client: Queryable,
): Promise<boolean> {
  const key = document.entities[entity] ? seedNaturalKey(document, entity, record) : null;
  const comparable = key && Object.values(key).every((v) => !isSeedLookup(v) && v !== null && typeof v !== 'object');
  if (!comparable) return false;
  const filter = Object.fromEntries(Object.entries(key).map(([field, value]) => [field, { eq: value }]));
  const page = await records.list(ctx, entity, { filter, first: 1 }, { client, document });
  return page.edges.length > 0;
}
