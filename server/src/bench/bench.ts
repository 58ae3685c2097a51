/**
 * Hot-path benchmark: the real Trellis app vs a hand-written node:http + pg server, on the same
 * embedded Postgres (company 1k, person 100k). Run after a build, from the repository root:
 *   node server/dist/bench/bench.js        (env BENCH_SECONDS, BENCH_CONCURRENCY to adjust)
 * Prints req/s per operation and the ratio, then the schema rebuild time of a 100-entity × 30-field document.
 */
import 'reflect-metadata';
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
import { startEmbeddedPostgres } from '../database/embedded-postgres.js';
import { MetadataStoreService } from '../metadata-store/metadata-store.service.js';
import { buildDataSchema } from '../schema/build-schema.js';
import { generatedDocument } from './generated-document.js';
import type { LoadResult, LoadSpec } from './load-worker.js';
import { startRawServer } from './raw-server.js';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 5);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 16);
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
};

const PERSON_FIELDS = 'id name email age createdAt';
const LIST = `query L($min: Int!, $max: Int!) { people(filter: { age: { gte: $min, lt: $max } }, orderBy: [{ field: name }], first: 50) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { ${PERSON_FIELDS} } } } }`;
const LIST_NESTED = `query L($min: Int!, $max: Int!) { people(filter: { age: { gte: $min, lt: $max } }, orderBy: [{ field: name }], first: 50) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { ${PERSON_FIELDS} company { id name } } } } }`;
const BY_ID = `query G($id: ID!) { person(id: $id) { ${PERSON_FIELDS} } }`;
const CREATE = `mutation C($data: PersonCreateInput!) { createPerson(data: $data) { ${PERSON_FIELDS} } }`;

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

async function seed(url: string): Promise<{ personIds: string[]; companyIds: string[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`INSERT INTO main.company (name, created_by, updated_by)
      SELECT 'Company ' || g, 'system:bench', 'system:bench' FROM generate_series(1, ${COMPANIES}) g`);
    await client.query(`WITH c AS (SELECT array_agg(id ORDER BY name) AS ids FROM main.company)
      INSERT INTO main.person (name, email, age, company_id, created_at, updated_at, created_by, updated_by)
      SELECT 'Person ' || substr(md5(g::text), 1, 10), 'p' || g || '@example.com', 18 + (g * 7919) % 60,
             c.ids[1 + g % ${COMPANIES}], now() - make_interval(mins => g), now(), 'system:bench', 'system:bench'
        FROM generate_series(1, ${PEOPLE}) g, c`);
    // Same indexes serve both servers: the list filters on age and sorts on name.
    await client.query('CREATE INDEX ON main.person (age)');
    await client.query('CREATE INDEX ON main.person (name, id)');
    await client.query('ANALYZE');
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
}

/**
 * Warms both servers up, then measures them in ABBA order (half the time each turn) so that load from
 * elsewhere on the machine drifting during the run weighs on both alike.
 */
async function measurePair(trellis: Target, raw: Target): Promise<[LoadResult, LoadResult]> {
  const base = { concurrency: CONCURRENCY, maxRequests: MAX_REQUESTS / 2, expect: '"data"' };
  const turn = (target: Target, prefix: string, durationMs: number) =>
    load({ ...base, url: target.url, bodies: target.bodies.map((b) => b.replaceAll('__N__', `${prefix}__N__`)), durationMs });
  await turn(trellis, 'w', WARMUP_MS);
  await turn(raw, 'w', WARMUP_MS);
  const half = (SECONDS * 1000) / 2;
  const t1 = await turn(trellis, 'a', half);
  const r1 = await turn(raw, 'a', half);
  const r2 = await turn(raw, 'b', half);
  const t2 = await turn(trellis, 'b', half);
  return [combine(t1, t2), combine(r1, r2)];
}

function combine(a: LoadResult, b: LoadResult): LoadResult {
  const requests = a.requests + b.requests;
  const elapsedMs = a.elapsedMs + b.elapsedMs;
  return {
    requests,
    failures: a.failures + b.failures,
    elapsedMs,
    rps: (requests / elapsedMs) * 1000,
    // Percentiles of the two halves, weighted by their request counts (close enough for a summary).
    p50Ms: (a.p50Ms * a.requests + b.p50Ms * b.requests) / requests,
    p99Ms: Math.max(a.p99Ms, b.p99Ms),
    firstFailure: a.firstFailure ?? b.firstFailure,
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

async function main(): Promise<void> {
  const started = performance.now();
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
    const seedStart = performance.now();
    const { personIds, companyIds } = await seed(database.url);
    console.log(`seeded ${COMPANIES} companies + ${PEOPLE} people in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
    const raw = await startRawServer(database.url);
    closeRaw = () => raw.close();

    console.log(`\n${SECONDS} s per server and operation (ABBA halves), concurrency ${CONCURRENCY}, keep-alive, 1 s warm-up each\n`);
    console.log(`${'operation'.padEnd(28)}${pad('trellis rps', 12)}${pad('raw rps', 10)}${pad('ratio', 8)}${pad('trellis p50/p99 ms', 20)}${pad('raw p50/p99 ms', 16)}`);
    for (const op of operations(personIds, companyIds)) {
      const [t, r] = await measurePair({ url: trellisUrl, bodies: op.trellis }, { url: raw.url + op.raw.path, bodies: op.raw.bodies });
      const failures = t.failures + r.failures;
      console.log(
        `${op.name.padEnd(28)}${pad(t.rps.toFixed(0), 12)}${pad(r.rps.toFixed(0), 10)}${pad((t.rps / r.rps).toFixed(2) + '×', 8)}` +
          `${pad(`${t.p50Ms.toFixed(1)}/${t.p99Ms.toFixed(1)}`, 20)}${pad(`${r.p50Ms.toFixed(1)}/${r.p99Ms.toFixed(1)}`, 16)}` +
          (failures ? `  FAILURES trellis ${t.failures} raw ${r.failures}: ${t.firstFailure ?? r.firstFailure}` : ''),
      );
    }
    const rebuild = schemaRebuild();
    console.log(
      `\nschema rebuild, ${rebuild.entities} entities × ${rebuild.fields} fields (median of 20): ` +
        `build ${rebuild.buildMs.toFixed(1)} ms, build + validate ${rebuild.buildAndValidateMs.toFixed(1)} ms`,
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
