/**
 * Roll-up maintenance cost per child write: person creates through RecordService against a document without
 * vs with roll-ups on the person's company (a count, and a sum with a filter), measured in process like the rule
 * bench. With roll-ups each create also locks its company row and runs one UPDATE per roll-up in its transaction.
 * Publishing the roll-ups first computes them for every company over the seeded people (timed: the backfill).
 */
import type { MetadataDocument } from '@trellis/metadata';
import { systemContext } from '../common/request-context.js';
import type { MetadataStoreService } from '../metadata-store/metadata-store.service.js';
import type { RecordService } from '../records/record.service.js';
import { writeRate } from './write-rate.js';

export interface RollupBenchResult {
  writesPerSecondWithout: number;
  writesPerSecondWith: number;
  /** Server-process CPU per write, µs. */
  cpuUsWithout: number;
  cpuUsWith: number;
  /** Publishing the two roll-ups: adding their columns and computing them for every company, ms. */
  backfillMs: number;
}

/** `doc` with the company's people listed and two roll-ups over them. */
export function withRollups(doc: MetadataDocument): MetadataDocument {
  const copy = structuredClone(doc);
  copy.entities['person']!.fields['company']!.inverse = 'people';
  Object.assign(copy.entities['company']!.fields, {
    people: { type: 'relation', label: 'People', target: 'person', cardinality: 'oneToMany', inverse: 'company' },
    headcount: { type: 'rollup', label: 'Headcount', relation: 'people', aggregate: 'count' },
    adultAges: { type: 'rollup', label: 'Sum of adult ages', relation: 'people', aggregate: 'sum', aggregateField: 'age', filter: { '>=': [{ var: 'record.age' }, 18] } },
  });
  return copy;
}


export async function runRollupBench(records: RecordService, store: MetadataStoreService, seconds: number, companyIds: string[]): Promise<RollupBenchResult> {
  const ctx = systemContext('bench');
  const without = (await store.current('main')).document;
  const published = Date.now();
  const withDoc = (await store.publish(ctx, withRollups(without), { message: 'bench: roll-ups' })).document;
  const backfillMs = Date.now() - published;
  const create = (doc: MetadataDocument, tag: string) => (n: number) =>
    records.create(ctx, 'person', { name: `Rollup ${tag} ${n}`, email: `rollup-${tag}-${n}@bench.test`, age: 10 + (n % 60), company: companyIds[n % companyIds.length] }, { document: doc });
  const concurrency = 8;
  const half = (seconds * 1000) / 2;
  await writeRate(create(without, 'w0'), concurrency, 500);
  await writeRate(create(withDoc, 'w1'), concurrency, 500);
  // ABBA halves, so drift of other load on the machine weighs on both alike.
  const a1 = await writeRate(create(without, 'a0'), concurrency, half);
  const b1 = await writeRate(create(withDoc, 'a1'), concurrency, half);
  const b2 = await writeRate(create(withDoc, 'b1'), concurrency, half);
  const a2 = await writeRate(create(without, 'b0'), concurrency, half);
  return {
    writesPerSecondWithout: ((a1.writes + a2.writes) / (a1.ms + a2.ms)) * 1000,
    writesPerSecondWith: ((b1.writes + b2.writes) / (b1.ms + b2.ms)) * 1000,
    cpuUsWithout: (a1.cpuUs + a2.cpuUs) / (a1.writes + a2.writes),
    cpuUsWith: (b1.cpuUs + b2.cpuUs) / (b1.writes + b2.writes),
    backfillMs,
  };
}
