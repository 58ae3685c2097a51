/**
 * A throwaway Postgres for integration tests: a fresh embedded cluster in a temp dir on a free port,
 * deleted on stop. Each jest file may start its own (init ~1-2 s).
 */
import { mkdtemp, rm, chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DatabaseService } from '../database/database.service.js';
import { startEmbeddedPostgres } from '../database/embedded-postgres.js';

export interface TestDatabase {
  url: string;
  /** A pool on the test database (sessions in UTC), ended by stop(). */
  pool: pg.Pool;
  stop(): Promise<void>;
}

export async function startTestDatabase(): Promise<TestDatabase> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'trellis-test-'));
  await chmod(dir, 0o755); // the `postgres` OS user runs the server when we are root
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pgdata'), persistent: false, fast: true });
  // The platform tables (users, teams, audit…) exist in every Trellis database: record tables point at them.
  const platform = await DatabaseService.create({ url: server.url, poolSize: 2 });
  await platform.dataSource.destroy();
  const pool = new pg.Pool({ connectionString: server.url, options: '-c TimeZone=UTC', max: 5 });
  pool.on('error', () => undefined); // idle clients die when the server stops
  let stopped = false;
  return {
    url: server.url,
    pool,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pool.end().catch(() => undefined);
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
