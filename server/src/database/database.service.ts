/**
 * The database connection: one TypeORM DataSource (platform entities + migrations in schema `trellis`)
 * whose pg.Pool is shared by the record hot path. Sessions run in UTC.
 */
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { PLATFORM_SCHEMA, platformEntities, platformMigrations } from './platform-schema.js';
import { inPoolTransaction } from './pool-transaction.js';

/**
 * Connection settings every session gets (pool clients and dedicated LISTEN clients). Record statements are
 * named prepared statements (records/prepared.ts) with values as parameters; left to itself, Postgres switches
 * such a statement to a generic plan after five runs when that plan's estimate looks no worse — and for a
 * range filter with an ORDER BY … LIMIT the estimate is blind to the values: measured, a list went from 2 ms
 * (index walk in sort order) to 12 ms (bitmap scan + sort): 0.20× of raw pg in the bench instead of 0.6–0.8×. Custom
 * plans cost a few tenths of a millisecond of planning; the saved parse stays.
 */
const SESSION_OPTIONS = '-c TimeZone=UTC -c plan_cache_mode=force_custom_plan';

export interface DatabaseOptions {
  url: string;
  /** Max pool connections (default 10, env TRELLIS_DB_POOL_SIZE). */
  poolSize?: number;
}

export const DATABASE_OPTIONS = Symbol('DATABASE_OPTIONS');

@Injectable()
export class DatabaseService implements OnApplicationShutdown {
  private constructor(
    readonly dataSource: DataSource,
    private readonly options: DatabaseOptions,
  ) {}

  /** Connects, creates schema `trellis` if missing and runs pending platform migrations. */
  static async create(options: DatabaseOptions): Promise<DatabaseService> {
    const poolSize = options.poolSize ?? (Number(process.env['TRELLIS_DB_POOL_SIZE']) || 10);
    const dataSource = new DataSource({
      type: 'postgres',
      url: options.url,
      schema: PLATFORM_SCHEMA,
      entities: platformEntities,
      migrations: platformMigrations,
      migrationsTableName: 'migrations',
      migrationsTransactionMode: 'each',
      poolSize,
      installExtensions: false,
      applicationName: 'trellis',
      extra: { options: SESSION_OPTIONS },
      logging: false,
    });
    await dataSource.initialize();
    try {
      await runPlatformMigrations(dataSource);
    } catch (error) {
      await dataSource.destroy();
      throw error;
    }
    return new DatabaseService(dataSource, options);
  }

  /** The pg.Pool behind the DataSource: use it for raw SQL on the hot path. */
  get pool(): pg.Pool {
    return (this.dataSource.driver as unknown as { master: pg.Pool }).master;
  }

  /** A dedicated connection outside the pool (LISTEN); the caller ends it. */
  async connectDedicated(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.options.url, options: SESSION_OPTIONS, application_name: 'trellis-listen' });
    await client.connect();
    return client;
  }

  /** Runs `work` in one transaction on a pooled client: COMMIT on success, ROLLBACK on throw. */
  async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return inPoolTransaction(this.pool, work);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** Instances starting together on one database take turns (session advisory lock) to migrate. */
async function runPlatformMigrations(dataSource: DataSource): Promise<void> {
  const lock = dataSource.createQueryRunner('master');
  await lock.connect();
  try {
    await lock.query(`SELECT pg_advisory_lock(hashtextextended('trellis.platform-migrations', 0))`);
    // The migrations table lives in `trellis`, so the schema must exist before TypeORM looks for it.
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${PLATFORM_SCHEMA}"`);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lock.query(`SELECT pg_advisory_unlock(hashtextextended('trellis.platform-migrations', 0))`).catch(() => undefined);
    await lock.release();
  }
}
