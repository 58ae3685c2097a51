/**
 * Workflow engine speed, in the running bench app (its engine, its embedded Postgres):
 * - trigger-to-first-step latency: records created one at a time at a steady rate, each starting a one-step
 *   workflow; latency = the first step's start − the record's `created_at` (both Postgres clock), p50/p95;
 * - sustained steps/s: 1,000 records created in one write start 1,000 runs of 5 `updateRecord` steps; the
 *   time from that write until the last run succeeded. Baseline: the same 5,000 single-row UPDATEs sent with
 *   raw `pg` (one pool, the engine's concurrency), i.e. what the steps do without a workflow engine around them.
 */
import type { MetadataDocument } from '@trellis/metadata';
import pg from 'pg';
import { systemContext } from '../common/request-context.js';
import type { MetadataStoreService } from '../metadata-store/metadata-store.service.js';
import type { RecordService } from '../records/record.service.js';

export interface WorkflowBenchResult {
  latencyRuns: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  runs: number;
  steps: number;
  stepsPerSecond: number;
  rawUpdatesPerSecond: number;
  concurrency: number;
}

const LATENCY_RUNS = 200;
const LATENCY_GAP_MS = 25;
const THROUGHPUT_RUNS = 1000;
const STEPS_PER_RUN = 5;

function withBenchWorkflows(doc: MetadataDocument): MetadataDocument {
  const copy = structuredClone(doc);
  copy.entities['ping'] = { label: 'Ping', pluralLabel: 'Pings', plural: 'pings', fields: { name: { type: 'text', label: 'Name' }, seen: { type: 'boolean', label: 'Seen' } } };
  const counters = Object.fromEntries(Array.from({ length: STEPS_PER_RUN }, (_, i) => [`n${i + 1}`, { type: 'integer', label: `N${i + 1}` }]));
  copy.entities['job'] = { label: 'Job', pluralLabel: 'Jobs', plural: 'jobs', fields: { name: { type: 'text', label: 'Name' }, ...counters } };
  copy.workflows = {
    ...copy.workflows,
    onPing: { label: 'On ping', trigger: { type: 'recordCreated', entity: 'ping' }, steps: [{ key: 'see', type: 'updateRecord', values: { seen: true } }] },
    onJob: {
      label: 'On job',
      trigger: { type: 'recordCreated', entity: 'job' },
      steps: Array.from({ length: STEPS_PER_RUN }, (_, i) => ({ key: `set${i + 1}`, type: 'updateRecord' as const, values: { [`n${i + 1}`]: i + 1 } })),
    },
  };
  return copy;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? NaN;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForRuns(pool: pg.Pool, workflow: string, count: number): Promise<void> {
  for (;;) {
    const { rows } = await pool.query(`SELECT count(*) FILTER (WHERE status = 'succeeded') AS done, count(*) FILTER (WHERE status = 'dead') AS dead FROM trellis.workflow_run WHERE workflow = $1`, [workflow]);
    if (Number(rows[0].dead) > 0) throw new Error(`${rows[0].dead} ${workflow} runs failed`);
    if (Number(rows[0].done) >= count) return;
    await sleep(20);
  }
}

export async function runWorkflowBench(records: RecordService, store: MetadataStoreService, databaseUrl: string): Promise<WorkflowBenchResult> {
  const ctx = systemContext('bench');
  await store.publish(ctx, withBenchWorkflows((await store.current('main')).document), { message: 'bench: workflows' });
  const concurrency = Number(process.env['TRELLIS_WORKFLOW_CONCURRENCY'] ?? 4);
  // The baseline's updates must not start workflow events of their own (the engine's outbox trigger is on `job`).
  const pool = new pg.Pool({ connectionString: databaseUrl, max: concurrency, options: '-c trellis.workflow_events=off' });
  try {
    // Latency: a steady trickle, each write committed before the next, so runs do not queue behind each other.
    for (let i = 0; i < LATENCY_RUNS; i++) {
      await records.create(ctx, 'ping', { name: `ping ${i}` });
      await sleep(LATENCY_GAP_MS);
    }
    await waitForRuns(pool, 'onPing', LATENCY_RUNS);
    const { rows } = await pool.query<{ ms: number }>(
      `SELECT extract(epoch FROM (s.started_at - p.created_at)) * 1000 AS ms
         FROM trellis.workflow_run r JOIN trellis.workflow_step_run s ON s.run_id = r.id AND s.status = 'succeeded'
         JOIN main.ping p ON p.id = r.record_id WHERE r.workflow = 'onPing'`,
    );
    const latencies = rows.map((r) => Number(r.ms)).sort((a, b) => a - b);

    // Throughput: 1,000 runs of 5 steps queued by one write.
    const started = performance.now();
    const jobs = await records.createMany(ctx, 'job', Array.from({ length: THROUGHPUT_RUNS }, (_, i) => ({ name: `job ${i}` })), { selection: { fields: [{ key: 'id', field: 'id' }] } });
    await waitForRuns(pool, 'onJob', THROUGHPUT_RUNS);
    const seconds = (performance.now() - started) / 1000;

    // Raw pg: the same single-row updates, autocommit, from `concurrency` connections.
    const ids = jobs.map((j) => j['id'] as string);
    const work = ids.flatMap((id) => Array.from({ length: STEPS_PER_RUN }, (_, i) => [id, i + 1] as const));
    let next = 0;
    const rawStarted = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < work.length) {
          const [id, n] = work[next++]!;
          await pool.query(`UPDATE main.job SET ${`n${n}`} = $2, updated_at = now() WHERE id = $1`, [id, n * 10]);
        }
      }),
    );
    const rawSeconds = (performance.now() - rawStarted) / 1000;
    const steps = THROUGHPUT_RUNS * STEPS_PER_RUN;
    return {
      latencyRuns: latencies.length,
      p50Ms: percentile(latencies, 0.5),
      p95Ms: percentile(latencies, 0.95),
      maxMs: latencies[latencies.length - 1] ?? NaN,
      runs: THROUGHPUT_RUNS,
      steps,
      stepsPerSecond: steps / seconds,
      rawUpdatesPerSecond: work.length / rawSeconds,
      concurrency,
    };
  } finally {
    await pool.end();
  }
}
