/**
 * Hot-path benchmark: the real Trellis app vs a hand-written node:http + pg server, on the same
 * embedded Postgres (company 1k, person 100k). Run after a build, from the repository root:
 *   node server/dist/bench/bench.js        (env BENCH_SECONDS, BENCH_CONCURRENCY, BENCH_CYCLES to adjust)
 * Prints req/s per operation and the ratio, then the schema rebuild time of a 100-entity × 30-field document,
 * then creates with 0 vs 50 active validation rules (rules-bench.ts), then creates of a child without vs with
 * roll-ups on its parent (rollup-bench.ts), then the workflow engine's trigger-to-first-step latency and sustained
 * steps/s against raw pg doing the same updates (workflow-bench.ts), then a pack upgrade's 3-way merge and installing
 * the industry packs (pack-bench.ts).
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AddressInfo } from 'node:net';
import type { MetadataDocument } from '@trellis/metadata';
import { validateSchema } from 'graphql';
import pg from 'pg';
import { createApp } from '../common/create-app.js';
import { systemContext } from '../common/request-context.js';
import { ApiKeysService } from '../auth/api-keys.service.js';
import { DatabaseService } from '../database/database.service.js';
import { startEmbeddedPostgres } from '../database/embedded-postgres.js';
import { MetadataStoreService } from '../metadata-store/metadata-store.service.js';
import { RecordService } from '../records/record.service.js';
import { buildDataSchema } from '../schema/build-schema.js';
import { generatedDocument } from './generated-document.js';
import type { LoadResult, LoadSpec } from './load-worker.js';
import { startRawServer } from './raw-server.js';
import { RULE_COUNT, runRuleBench } from './rules-bench.js';
import { runRollupBench } from './rollup-bench.js';
import { runWorkflowBench } from './workflow-bench.js';
import { runPackBench } from './pack-bench.js';
import { PacksService } from '../packs/packs.service.js';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 5);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 16);
const CYCLES = Number(process.env['BENCH_CYCLES'] ?? 4);
const WARMUP_MS = 1000;
const MAX_REQUESTS = 100_000;
const COMPANIES = 1000;
const PEOPLE = 100_000;

const benchDocument: MetadataDocument = {
  entities: {
    company: {
      label: 'Company',
      pluralLabel: 'Companies',
      plural: 'companies',
      fields: { name: { type: 'text', label: 'Name', required: true } },
    },
    person: {
      label: 'Person',
      pluralLabel: 'People',
      plural: 'people',
      fields: {
        name: { type: 'text', label: 'Name', required: true },
        email: { type: 'email', label: 'Email', unique: true },
        age: { type: 'integer', label: 'Age' },
        company: { type: 'relation', label: 'Company', target: 'company', cardinality: 'manyToOne' },
      },
    },
  },
  roles: {
    // The record-level predicate measured against unrestricted access: a rep sees the people they own.
    ownPeople: {
      label: 'Own people',
      entities: { company: { read: true }, person: { read: { '==': [{ var: 'record.owner' }, { var: 'user.id' }] } } },
    },
  },
};

const PERSON_FIELDS = 'id name email age createdAt';
const LIST = `query L($min: Int!, $max: Int!) { people(filter: { age: { gte: $min, lt: $max } }, orderBy: [{ field: name }], first: 50) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { ${PERSON_FIELDS} } } } }`;
const LIST_NESTED = `query L($min: Int!, $max: Int!) { people(filter: { age: { gte: $min, lt: $max } }, orderBy: [{ field: name }], first: 50) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { ${PERSON_FIELDS} company { id name } } } } }`;
const BY_ID = `query G($id: ID!) { person(id: $id) { ${PERSON_FIELDS} } }`;
const CREATE = `mutation C($data: PersonCreateInput!) { createPerson(data: $data) { ${PERSON_FIELDS} } }`;

/**
 * CPU time of this process's main thread in ms — where both servers run (the load is generated in a worker
 * thread). Unlike req/s it hardly moves with load from elsewhere on the machine. Linux only (else NaN).
 */
function mainThreadCpuMs(): number {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return Number.NaN;
  }
}

interface Measured extends LoadResult {
  /** Main-thread CPU per request, µs: the server's own cost. */
  cpuUs: number;
}

function load(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.js', import.meta.url), { workerData: spec });
    worker.once('message', (result: LoadResult) => {
      void worker.terminate();
      resolve(result);
    });
    worker.once('error', reject);
  });
}

/** One person in ten is owned by `owner` (the restricted bench user, one rep of ten), the others by nobody. */
async function seed(url: string, owner: string): Promise<{ personIds: string[]; companyIds: string[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Bulk set-up data, not edits: no record history for it (the trigger honours trellis.history = off).
    await client.query(`SET trellis.history = 'off'`);
    await client.query(`INSERT INTO main.company (name, created_by, updated_by)
      SELECT 'Company ' || g, 'system:bench', 'system:bench' FROM generate_series(1, ${COMPANIES}) g`);
    await client.query(`WITH c AS (SELECT array_agg(id ORDER BY name) AS ids FROM main.company)
      INSERT INTO main.person (name, email, age, company_id, created_at, updated_at, created_by, updated_by, owner_id)
      SELECT 'Person ' || substr(md5(g::text), 1, 10), 'p' || g || '@example.com', 18 + (g * 7919) % 60,
             c.ids[1 + g % ${COMPANIES}], now() - make_interval(mins => g), now(), 'system:bench', 'system:bench',
             CASE WHEN g % 10 = 0 THEN $1::uuid END
        FROM generate_series(1, ${PEOPLE}) g, c`, [owner]);
    // Same indexes serve both servers: the list filters on age and sorts on name.
    await client.query('CREATE INDEX ON main.person (age)');
    await client.query('CREATE INDEX ON main.person (name, id)');
    // Vacuum too: otherwise autovacuum and first-read hint-bit writes on the fresh rows run during the measurements.
    await client.query('VACUUM ANALYZE');
    const people = await client.query<{ id: string }>('SELECT id FROM main.person ORDER BY md5(id::text) LIMIT 1000');
    const companies = await client.query<{ id: string }>('SELECT id FROM main.company ORDER BY md5(id::text) LIMIT 100');
    return { personIds: people.rows.map((r) => r.id), companyIds: companies.rows.map((r) => r.id) };
  } finally {
    await client.end();
  }
}

interface Operation {
  name: string;
  trellis: string[];
  raw: { path: string; bodies: string[] };
}

function operations(personIds: string[], companyIds: string[]): Operation[] {
  const ranges = [20, 30, 40, 50, 60, 70].map((min) => ({ min, max: min + 2 }));
  const gql = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
  const createVars = (prefix: string) =>
    companyIds.slice(0, 10).map((company, i) => ({ name: `Bench ${prefix}__N__`, email: `${prefix}__N__@bench.test`, age: 20 + i, company }));
  return [
    {
      name: 'list 50, filter + sort',
      trellis: ranges.map((r) => gql(LIST, r)),
      raw: { path: '/list', bodies: ranges.map((r) => JSON.stringify({ minAge: r.min, maxAge: r.max })) },
    },
    {
      name: 'list 50 + nested company',
      trellis: ranges.map((r) => gql(LIST_NESTED, r)),
      raw: { path: '/listNested', bodies: ranges.map((r) => JSON.stringify({ minAge: r.min, maxAge: r.max })) },
    },
    {
      name: 'get by id',
      trellis: personIds.map((id) => gql(BY_ID, { id })),
      raw: { path: '/byId', bodies: personIds.map((id) => JSON.stringify({ id })) },
    },
    {
      name: 'create',
      trellis: createVars('t').map((data) => gql(CREATE, { data })),
      raw: { path: '/create', bodies: createVars('r').map((d) => JSON.stringify(d)) },
    },
  ];
}

interface Target {
  url: string;
  bodies: string[];
  headers?: Record<string, string>;
}

/**
 * Warms both servers up, then measures them in CYCLES rounds of ABBA order (SECONDS / (2 × CYCLES) each
 * turn), so that load from elsewhere on the machine — it comes in bursts of seconds on a shared box —
 * weighs on both alike instead of on whichever server happened to be measured during the burst.
 */
async function measurePair(trellis: Target, raw: Target): Promise<[Measured, Measured]> {
  const base = { concurrency: CONCURRENCY, maxRequests: MAX_REQUESTS / (2 * CYCLES), expect: '"data"' };
  // `prefix` keeps created values unique across turns (the worker appends its own counter after it).
  const turn = async (target: Target, prefix: string, durationMs: number): Promise<Measured> => {
    const cpu0 = mainThreadCpuMs();
    const result = await load({ ...base, url: target.url, headers: target.headers, bodies: target.bodies.map((b) => b.replaceAll('__N__', `${prefix}_x__N__`)), durationMs });
    return { ...result, cpuUs: ((mainThreadCpuMs() - cpu0) * 1000) / Math.max(1, result.requests) };
  };
  await turn(trellis, 'w', WARMUP_MS);
  await turn(raw, 'w', WARMUP_MS);
  const slice = (SECONDS * 1000) / (2 * CYCLES);
  const t: Measured[] = [];
  const r: Measured[] = [];
  for (let cycle = 0; cycle < CYCLES; cycle++) {
    t.push(await turn(trellis, `a${cycle}`, slice));
    r.push(await turn(raw, `a${cycle}`, slice));
    r.push(await turn(raw, `b${cycle}`, slice));
    t.push(await turn(trellis, `b${cycle}`, slice));
  }
  return [combine(t), combine(r)];
}

function combine(turns: Measured[]): Measured {
  const requests = turns.reduce((sum, x) => sum + x.requests, 0);
  const elapsedMs = turns.reduce((sum, x) => sum + x.elapsedMs, 0);
  return {
    requests,
    failures: turns.reduce((sum, x) => sum + x.failures, 0),
    elapsedMs,
    rps: (requests / elapsedMs) * 1000,
    // Percentiles of the turns, weighted by their request counts (close enough for a summary).
    p50Ms: turns.reduce((sum, x) => sum + x.p50Ms * x.requests, 0) / requests,
    p99Ms: Math.max(...turns.map((x) => x.p99Ms)),
    firstFailure: turns.find((x) => x.firstFailure)?.firstFailure,
    cpuUs: turns.reduce((sum, x) => sum + x.cpuUs * x.requests, 0) / requests,
  };
}

function schemaRebuild(): { buildMs: number; buildAndValidateMs: number; entities: number; fields: number } {
  const doc = generatedDocument(100, 30);
  const build: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < 21; i++) {
    const copy = structuredClone(doc); // a new document object: nothing cached from the previous round
    const t0 = performance.now();
    const schema = buildDataSchema(copy, { version: i });
    const t1 = performance.now();
    const errors = validateSchema(schema); // Apollo asserts validity on each swap
    const t2 = performance.now();
    if (errors.length > 0) throw new Error(`generated schema invalid: ${errors[0]!.message}`);
    if (i === 0) continue; // warm-up round
    build.push(t1 - t0);
    full.push(t2 - t0);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { buildMs: median(build), buildAndValidateMs: median(full), entities: 100, fields: 30 };
}

const pad = (text: string | number, width: number) => String(text).padStart(width);

/** API keys (Bearer headers) of an admin and of a user holding only the restricted role, and that user's id. */
async function benchKeys(app: Awaited<ReturnType<typeof createApp>>): Promise<{ admin: Record<string, string>; restricted: Record<string, string>; ownerId: string }> {
  const pool = app.get(DatabaseService).pool;
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO "trellis"."user" (email, name) VALUES ('bench-admin@bench.test', 'Bench admin'), ('bench-rep@bench.test', 'Bench rep') RETURNING id::text`,
  );
  const [adminId, ownerId] = [rows[0]!.id, rows[1]!.id];
  await pool.query(`INSERT INTO "trellis"."user_role" (user_id, role) VALUES ($1, 'admin'), ($2, 'ownPeople')`, [adminId, ownerId]);
  const keys = app.get(ApiKeysService);
  const admin = await keys.create({ name: 'bench admin', role: 'admin' }, adminId);
  const restricted = await keys.create({ name: 'bench rep', role: 'ownPeople' }, ownerId);
  const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
  return { admin: bearer(admin.secret), restricted: bearer(restricted.secret), ownerId };
}

async function main(): Promise<void> {
  const started = performance.now();
  process.env['TRELLIS_RATE_LIMIT'] ??= '0'; // the load generator is one "user" sending thousands of requests a second
  const dir = await mkdtemp(path.join(os.tmpdir(), 'trellis-bench-'));
  await chmod(dir, 0o755);
  const database = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pgdata'), persistent: false, fast: true });
  let closeApp: (() => Promise<void>) | undefined;
  let closeRaw: (() => Promise<void>) | undefined;
  try {
    const app = await createApp({ databaseUrl: database.url, starterPack: false, logLevels: ['error'] });
    closeApp = () => app.close();
    await app.listen(0, '127.0.0.1');
    const trellisUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/graphql`;
    await app.get(MetadataStoreService).publish(systemContext('bench'), benchDocument, { message: 'bench' });
    const keys = await benchKeys(app);
    const seedStart = performance.now();
    const { personIds, companyIds } = await seed(database.url, keys.ownerId);
    console.log(`seeded ${COMPANIES} companies + ${PEOPLE} people in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
    const raw = await startRawServer(database.url);
    closeRaw = () => raw.close();

    // The same list as a user whose role reads only the people they own (one in ten), measured
    // before the creates below add people to the filtered ages.
    const list = operations(personIds, companyIds)[0]!;
    const [restricted, unrestricted] = await measurePair({ url: trellisUrl, bodies: list.trellis, headers: keys.restricted }, { url: trellisUrl, bodies: list.trellis, headers: keys.admin });
    console.log(
      `\n${list.name}, record-level predicate (owner is me) vs unrestricted: ${restricted.rps.toFixed(0)} vs ${unrestricted.rps.toFixed(0)} rps = ` +
        `${(restricted.rps / unrestricted.rps).toFixed(2)}× (p50 ${restricted.p50Ms.toFixed(1)} vs ${unrestricted.p50Ms.toFixed(1)} ms)` +
        (restricted.failures + unrestricted.failures ? `  FAILURES: ${restricted.firstFailure ?? unrestricted.firstFailure}` : ''),
    );
    console.log(
      `\n${SECONDS} s per server and operation (${CYCLES} ABBA cycles), concurrency ${CONCURRENCY}, keep-alive, 1 s warm-up each\n`,
    );
    console.log(`${'operation'.padEnd(28)}${pad('trellis rps', 12)}${pad('raw rps', 10)}${pad('ratio', 8)}${pad('trellis p50/p99 ms', 20)}${pad('raw p50/p99 ms', 16)}${pad('cpu µs/req t/r', 16)}`);
    for (const op of operations(personIds, companyIds)) {
      const [t, r] = await measurePair({ url: trellisUrl, bodies: op.trellis, headers: keys.admin }, { url: raw.url + op.raw.path, bodies: op.raw.bodies });
      const failures = t.failures + r.failures;
      console.log(
        `${op.name.padEnd(28)}${pad(t.rps.toFixed(0), 12)}${pad(r.rps.toFixed(0), 10)}${pad((t.rps / r.rps).toFixed(2) + '×', 8)}` +
          `${pad(`${t.p50Ms.toFixed(1)}/${t.p99Ms.toFixed(1)}`, 20)}${pad(`${r.p50Ms.toFixed(1)}/${r.p99Ms.toFixed(1)}`, 16)}` +
          `${pad(`${t.cpuUs.toFixed(0)}/${r.cpuUs.toFixed(0)}`, 16)}` +
          (failures ? `  FAILURES trellis ${t.failures} raw ${r.failures}: ${t.firstFailure ?? r.firstFailure}` : ''),
      );
    }
    const rebuild = schemaRebuild();
    console.log(
      `\nschema rebuild, ${rebuild.entities} entities × ${rebuild.fields} fields (median of 20): ` +
        `build ${rebuild.buildMs.toFixed(1)} ms, build + validate ${rebuild.buildAndValidateMs.toFixed(1)} ms`,
    );
    const store = app.get(MetadataStoreService);
    const rules = await runRuleBench(app.get(RecordService), (await store.current('main')).document, SECONDS, companyIds);
    console.log(
      `\ncreate person (in process, concurrency 8): 0 rules ${rules.writesPerSecond0.toFixed(0)} writes/s, ` +
        `${RULE_COUNT} active rules ${rules.writesPerSecond50.toFixed(0)} writes/s ` +
        `\n  server CPU per write: ${rules.cpuUsPerWrite0.toFixed(0)} µs with 0 rules, ${rules.cpuUsPerWrite50.toFixed(0)} µs with ${RULE_COUNT} ` +
        `(≈ ${rules.cpuUsPerRule.toFixed(2)} µs per rule)` +
        `\nrule check alone: ${rules.checkUsPerRecord.toFixed(1)} µs per record = ${rules.checkUsPerRule.toFixed(2)} µs per rule; ` +
        `compiling the ${RULE_COUNT} rules once per metadata version: ${rules.compileMs.toFixed(2)} ms` +
        `\na rule reading the related company (record.company.name, loaded in each write): ${rules.writesPerSecondRelated.toFixed(0)} writes/s ` +
        `vs ${rules.writesPerSecondRelated0.toFixed(0)} without rules (ratio ${(rules.writesPerSecondRelated / rules.writesPerSecondRelated0).toFixed(2)})`,
    );
    // Last: it publishes roll-ups on company (a count, and a filtered sum of the people's ages).
    const rollups = await runRollupBench(app.get(RecordService), store, SECONDS, companyIds);
    console.log(
      `
roll-up maintenance, create person (in process, concurrency 8): without roll-ups ${rollups.writesPerSecondWithout.toFixed(0)} writes/s, ` +
        `with 2 roll-ups on its company ${rollups.writesPerSecondWith.toFixed(0)} writes/s` +
        `
  server CPU per write: ${rollups.cpuUsWithout.toFixed(0)} µs without, ${rollups.cpuUsWith.toFixed(0)} µs with ` +
        `(+${(rollups.cpuUsWith - rollups.cpuUsWithout).toFixed(0)} µs per child write); ` +
        `publishing them (columns + backfill over ${PEOPLE} people): ${rollups.backfillMs} ms`,
    );
    const workflows = await runWorkflowBench(app.get(RecordService), store, database.url);
    console.log(
      `\nworkflows (in process, engine concurrency ${workflows.concurrency}): trigger → first step p50 ${workflows.p50Ms.toFixed(1)} ms, ` +
        `p95 ${workflows.p95Ms.toFixed(1)} ms, max ${workflows.maxMs.toFixed(1)} ms (${workflows.latencyRuns} runs, one every ~25 ms)` +
        `\n  sustained: ${workflows.runs} runs × ${workflows.steps / workflows.runs} updateRecord steps = ${workflows.stepsPerSecond.toFixed(0)} steps/s; ` +
        `raw pg, the same ${workflows.steps} single-row updates: ${workflows.rawUpdatesPerSecond.toFixed(0)}/s = ` +
        `${(workflows.stepsPerSecond / workflows.rawUpdatesPerSecond).toFixed(2)}×`,
    );
    // Last of all: the packs bring workflows of their own, which must not run during the workflow bench.
    const packs = await runPackBench(app.get(PacksService));
    console.log(
      `\npacks: 3-way merge of an upgrade, 100 entities × 30 fields: ${packs.mergeMs.toFixed(1)} ms ` +
        `(${packs.mergeChanges} changes, ${packs.mergeConflicts} conflicts)` +
        packs.installs.map((i) => `\n  install ${i.pack} (${i.packs} pack${i.packs > 1 ? 's' : ''}: DDL, seed data, one publish): ${i.ms.toFixed(0)} ms`).join(''),
    );
  } finally {
    await closeRaw?.().catch(() => undefined);
    await closeApp?.().catch(() => undefined);
    await database.stop().catch(() => undefined);
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
  console.log(`\nbench finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('bench failed:', error);
    process.exit(1);
  },
);
