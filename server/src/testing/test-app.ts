/**
 * Boots the whole server (AppModule) on a throwaway Postgres and an ephemeral HTTP port, for
 * integration and e2e tests that speak GraphQL to it.
 */
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { MetadataDocument } from '@trellis/metadata';
import type pg from 'pg';
import { createApp } from '../common/create-app.js';
import { systemContext } from '../common/request-context.js';
import { MetadataStoreService } from '../metadata-store/metadata-store.service.js';
import type { PublishedVersion } from '../metadata-store/metadata-store.types.js';
import { startTestDatabase, type TestDatabase } from './test-database.js';

/** The JSON body of a GraphQL response. */
export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestApp {
  /** http://127.0.0.1:<port> (no trailing slash) */
  baseUrl: string;
  app: NestExpressApplication;
  /** A pool on the app's database, for assertions on tables. */
  pool: pg.Pool;
  database: TestDatabase;
  /** The version published from `document`, if one was given. */
  published?: PublishedVersion;
  /** POSTs to /graphql (the generated API). */
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** POSTs to /metadata. */
  metadata<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Publishes a document directly through the store (as system:test). */
  publish(document: MetadataDocument, message?: string): Promise<PublishedVersion>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Install the starter pack on boot (default false). */
  starterPack?: boolean;
  /** Reuse a database instead of starting one (it is not stopped on close). */
  database?: TestDatabase;
  /** Serve the studio from this directory (default: studio/dist). */
  studioDir?: string;
}

export async function withTestApp(document?: MetadataDocument, options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await startTestDatabase());
  let app: NestExpressApplication | undefined;
  try {
    app = await createApp({ databaseUrl: database.url, starterPack: options.starterPack ?? false, studioDir: options.studioDir });
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const baseUrl = `http://127.0.0.1:${port}`;
    const store = app.get(MetadataStoreService);
    const publish = (doc: MetadataDocument, message = 'test fixture') =>
      store.publish(systemContext('test'), doc, { message });
    const published = document ? await publish(document) : undefined;
    const post = async <T>(path: string, query: string, variables?: Record<string, unknown>) => {
      const response = await fetch(baseUrl + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      try {
        return JSON.parse(text) as GraphQLResponse<T>;
      } catch {
        throw new Error(`${path} answered ${response.status} with non-JSON: ${text.slice(0, 500)}`);
      }
    };
    const started = app;
    let closed = false;
    return {
      baseUrl,
      app: started,
      pool: database.pool,
      database,
      published,
      graphql: (query, variables) => post('/graphql', query, variables),
      metadata: (query, variables) => post('/metadata', query, variables),
      publish,
      close: async () => {
        if (closed) return;
        closed = true;
        await started.close();
        if (!options.database) await database.stop();
      },
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    if (!options.database) await database.stop();
    throw error;
  }
}
