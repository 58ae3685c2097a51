import { mkdtemp, rm, chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { resolveDatabase } from './database-config.js';
import { DatabaseService } from './database.service.js';
import { platformMigrations } from './platform-schema.js';

describe('DatabaseService', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await startTestDatabase();
  });

  afterAll(async () => {
    await db.stop();
  });

  it('runs the platform migrations once, creating schema trellis, and runs sessions in UTC with custom plans', async () => {
    const first = await DatabaseService.create({ url: db.url });
    await first.onApplicationShutdown();
    const second = await DatabaseService.create({ url: db.url }); // migrations already applied: a no-op
    try {
      const { rows } = await second.pool.query(
        `SELECT current_setting('TimeZone') AS tz, current_setting('plan_cache_mode') AS plans, to_regclass('trellis.metadata_version')::text AS versions,
                (SELECT count(*)::int FROM trellis.migrations) AS migrations`,
      );
      expect(rows[0]).toEqual({ tz: 'UTC', plans: 'force_custom_plan', versions: 'trellis.metadata_version', migrations: platformMigrations.length });
      expect(await second.dataSource.query(`SELECT current_setting('TimeZone') AS tz`)).toEqual([{ tz: 'UTC' }]);
    } finally {
      await second.onApplicationShutdown();
    }
  });

  it('commits a transaction’s work, or rolls all of it back when the work throws', async () => {
    const database = await DatabaseService.create({ url: db.url });
    try {
      await database.pool.query('CREATE TABLE public.tx_probe (n int)');
      await database.transaction((client) => client.query('INSERT INTO public.tx_probe VALUES (1)'));
      await expect(
        database.transaction(async (client) => {
          await client.query('INSERT INTO public.tx_probe VALUES (2)');
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      const { rows } = await database.pool.query('SELECT n FROM public.tx_probe');
      expect(rows).toEqual([{ n: 1 }]);
    } finally {
      await database.onApplicationShutdown();
    }
  });
});

describe('resolveDatabase', () => {
  it('uses DATABASE_URL when it is set, starting no embedded server', async () => {
    const resolved = await resolveDatabase({ DATABASE_URL: 'postgres://u:p@db.example:5432/crm' }, '/nonexistent');
    expect(resolved).toEqual({ url: 'postgres://u:p@db.example:5432/crm', description: 'DATABASE_URL' });
  });

  it('otherwise starts an embedded Postgres in <cwd>/.trellis/pgdata on PGPORT', async () => {
    const cwd = await mkdtemp(path.join(os.tmpdir(), 'trellis-cwd-'));
    await chmod(cwd, 0o755);
    const port = 20000 + Math.floor(Math.random() * 20000);
    const resolved = await resolveDatabase({ PGPORT: String(port) }, cwd);
    try {
      expect(resolved.embedded?.dataDir).toBe(path.join(cwd, '.trellis', 'pgdata'));
      expect(resolved.url).toContain(`@127.0.0.1:${port}/`);
    } finally {
      await resolved.embedded?.stop();
      await rm(cwd, { recursive: true, force: true });
    }
  });
});

describe('platform migrations', () => {
  it('survive several instances starting at once on a fresh database', async () => {
    const db = await startTestDatabase();
    try {
      const services = await Promise.all([1, 2, 3].map(() => DatabaseService.create({ url: db.url, poolSize: 2 })));
      const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM trellis.migrations`);
      expect(rows[0].n).toBe(platformMigrations.length);
      await Promise.all(services.map((s) => s.onApplicationShutdown()));
    } finally {
      await db.stop();
    }
  });
});
