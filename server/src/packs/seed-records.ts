/**
 * Inserts a pack's seed records through the RecordService (validated like any API write), resolving
 * `{ "$lookup": { field: value } }` relation values to the id of a record seeded earlier or already stored.
 */
import type { MetadataDocument } from '@trellis/metadata';
import { isSeedLookup, type SeedData, type SeedLookup } from '@trellis/plugin-sdk';
import type { RequestContext } from '../common/request-context.js';
import type { Queryable, RecordData, RecordJson, RecordService } from '../records/record.service.js';

/** Seeds every group in order on `client` (the caller's transaction); returns the created records per entity. */
export async function seedRecords(
  records: RecordService,
  ctx: RequestContext,
  document: MetadataDocument,
  seed: SeedData,
  client: Queryable,
): Promise<Map<string, RecordJson[]>> {
  const seeded = new Map<string, RecordJson[]>();
  const options = { client, document };

  const findSeeded = (target: string, lookup: SeedLookup): string | undefined =>
    seeded.get(target)?.find((record) => Object.entries(lookup.$lookup).every(([key, value]) => sameValue(record[key], value)))?.['id'] as
      | string
      | undefined;

  const findStored = async (target: string, lookup: SeedLookup): Promise<string> => {
    const filter = Object.fromEntries(Object.entries(lookup.$lookup).map(([key, value]) => [key, { eq: value }]));
    const page = await records.list(ctx, target, { filter, first: 2 }, options);
    const ids = page.edges.map((edge) => edge.node['id'] as string);
    if (ids.length !== 1) {
      throw new Error(`seed: ${ids.length === 0 ? 'no' : 'more than one'} ${target} record matches ${JSON.stringify(lookup.$lookup)}`);
    }
    return ids[0]!;
  };

  for (const group of seed) {
    const entity = document.entities[group.entity];
    if (!entity) throw new Error(`seed: entity '${group.entity}' is not in the pack's metadata`);
    let batch: RecordData[] = [];
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      const created = await records.createMany(ctx, group.entity, batch, options);
      seeded.set(group.entity, [...(seeded.get(group.entity) ?? []), ...created]);
      batch = [];
    };
    const resolve = async (target: string, lookup: SeedLookup): Promise<string> => {
      let id = findSeeded(target, lookup);
      if (id === undefined && target === group.entity && batch.length > 0) {
        await flush(); // a record pointing at one earlier in its own group
        id = findSeeded(target, lookup);
      }
      return id ?? findStored(target, lookup);
    };

    for (const record of group.records) {
      const row: RecordData = {};
      for (const [field, value] of Object.entries(record)) {
        const target = entity.fields[field]?.target;
        if (target && isSeedLookup(value)) row[field] = await resolve(target, value);
        else if (target && Array.isArray(value)) {
          row[field] = await Promise.all(value.map((item) => (isSeedLookup(item) ? resolve(target, item) : item)));
        } else row[field] = value;
      }
      batch.push(row);
    }
    await flush();
  }
  return seeded;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
