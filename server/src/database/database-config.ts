/**
 * Where the database is: DATABASE_URL when set, otherwise an embedded Postgres whose data lives in
 * `$TRELLIS_DATA_DIR/pgdata`, by default `<cwd>/.trellis/pgdata` (initialised on first start, reused afterwards).
 */
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './embedded-postgres.js';

export interface ResolvedDatabase {
  url: string;
  /** Set when we started an embedded cluster (stop it on shutdown). */
  embedded?: EmbeddedPostgresHandle;
  /** Human description for logs ("embedded Postgres in …" / "DATABASE_URL"). */
  description: string;
}

export async function resolveDatabase(
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): Promise<ResolvedDatabase> {
  const url = env['DATABASE_URL']?.trim();
  if (url) return { url, description: 'DATABASE_URL' };
  const dataDir = path.join(path.resolve(cwd, env['TRELLIS_DATA_DIR']?.trim() || '.trellis'), 'pgdata');
  const port = env['PGPORT'] ? Number.parseInt(env['PGPORT'], 10) : undefined;
  if (port !== undefined && !(port > 0 && port < 65536)) throw new Error(`PGPORT is not a port: ${env['PGPORT']}`);
  const embedded = await startEmbeddedPostgres({ dataDir, port, persistent: true });
  return { url: embedded.url, embedded, description: `embedded Postgres in ${dataDir} (port ${embedded.port})` };
}
