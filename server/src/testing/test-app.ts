/**
 * Boots the whole server (AppModule) on a throwaway Postgres and an ephemeral HTTP port, for
 * integration and e2e tests that speak GraphQL to it. The app has a first administrator
 * (TEST_ADMIN_EMAIL / TEST_ADMIN_PASSWORD), signed in: `graphql` and `metadata` carry its session cookie.
 * Rate limits are off unless a test sets them (`auth.config`).
 */
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { MetadataDocument } from '@trellis/metadata';
import type pg from 'pg';
import type { AuthOptions } from '../auth/auth.module.js';
import { createApp } from '../common/create-app.js';
import { systemContext } from '../common/request-context.js';
import { MetadataStoreService } from '../metadata-store/metadata-store.service.js';
import type { PublishedVersion } from '../metadata-store/metadata-store.types.js';
import { startTestDatabase, type TestDatabase } from './test-database.js';
import type { WorkflowOptionsInput } from '../workflows/workflow-options.js';
import type { PluginDefinition } from '@trellis/plugin-sdk';
import type { MailOptions } from '../mail/mail.module.js';

export const TEST_ADMIN_EMAIL = 'admin@trellis.test';
export const TEST_ADMIN_PASSWORD = 'Tr3llis-test-root-passphrase';
export const TEST_ADMIN_NAME = 'Test Admin';

/** The JSON body of a GraphQL response. */
export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

type Post = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse<T>>;

/** Requests as one signed-in user. */
/** The response's data; throws with the errors when it has any (a test step that must succeed). */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length) throw new Error(JSON.stringify(response.errors, null, 2));
  return response.data!;
}

export interface TestClient {
  /** POSTs to /graphql (the generated API). */
  graphql: Post;
  /** POSTs to /metadata. */
  metadata: Post;
  /** `trellis_session=…`, for the Cookie header of raw requests. */
  cookie: string;
}

export interface NewTestUser {
  email: string;
  name: string;
  roles: string[];
  teamIds?: string[];
  attributes?: Record<string, unknown>;
  /** Default: a strong password derived from the email (see testPassword). */
  password?: string;
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
  /** POSTs to /graphql (the generated API) as the first administrator. */
  graphql: Post;
  /** POSTs to /metadata as the first administrator. */
  metadata: Post;
  /** The first administrator (created through /auth/first-run) and its client. */
  admin: { id: string; email: string; password: string; client: TestClient };
  /** Signs in through /auth/sign-in (throws with the answer when it fails). */
  signIn(email: string, password: string): Promise<TestClient>;
  /** Creates a user through /metadata as the admin, then signs it in. */
  createUser(user: NewTestUser): Promise<{ id: string; client: TestClient }>;
  /** A raw request to the app (path relative to baseUrl). */
  fetch(path: string, init?: RequestInit): Promise<Response>;
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
  /** Auth settings and clock (rate limits default to off here). */
  auth?: AuthOptions;
  /** Workflow engine settings (short leases, fast polling, a clock, fake step executors). */
  workflows?: WorkflowOptionsInput;
  /** Plugins whose workflow actions steps may call. */
  plugins?: PluginDefinition[];
  /** Load the built plugin packages of this folder (default null: none, so tests do not depend on what is built). */
  pluginsDir?: string | null;
  /** The mail transport (e.g. a MemoryMailTransport) and delivery settings; default: outbox only. */
  mail?: MailOptions;
}

/** A password the policy accepts, stable per email. */
export function testPassword(email: string): string {
  return `Pw-${email.split('@')[0]!.split('').reverse().join('')}-correct-staple-93`;
}

export async function withTestApp(document?: MetadataDocument, options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await startTestDatabase());
  let app: NestExpressApplication | undefined;
  try {
    const auth: AuthOptions = { ...options.auth, config: { rateLimitPerMinute: 0, authRateLimitPerMinute: 0, ...options.auth?.config } };
    app = await createApp({ databaseUrl: database.url, starterPack: options.starterPack ?? false, studioDir: options.studioDir, auth, workflows: options.workflows, plugins: options.plugins, pluginsDir: options.pluginsDir ?? null, mail: options.mail ?? { transport: null } });
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const baseUrl = `http://127.0.0.1:${port}`;
    const store = app.get(MetadataStoreService);
    const publish = (doc: MetadataDocument, message = 'test fixture') =>
      store.publish(systemContext('test'), doc, { message });
    const published = document ? await publish(document) : undefined;
    const rawFetch = (path: string, init?: RequestInit) => fetch(baseUrl + path, init);
    const client = (cookie: string): TestClient => {
      const post = async <T>(path: string, query: string, variables?: Record<string, unknown>) => {
        const response = await rawFetch(path, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', cookie },
          body: JSON.stringify({ query, variables }),
        });
        const text = await response.text();
        try {
          return JSON.parse(text) as GraphQLResponse<T>;
        } catch {
          throw new Error(`${path} answered ${response.status} with non-JSON: ${text.slice(0, 500)}`);
        }
      };
      return { cookie, graphql: (query, variables) => post('/graphql', query, variables), metadata: (query, variables) => post('/metadata', query, variables) };
    };
    const authPost = async (path: string, body: unknown): Promise<{ status: number; json: Record<string, any>; cookie: string | undefined }> => {
      const response = await rawFetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const cookie = response.headers.get('set-cookie')?.split(';')[0];
      return { status: response.status, json: (await response.json()) as Record<string, any>, cookie };
    };
    const signIn = async (email: string, password: string): Promise<TestClient> => {
      const answer = await authPost('/auth/sign-in', { email, password });
      if (answer.status !== 200 || !answer.cookie) throw new Error(`sign-in of ${email} answered ${answer.status}: ${JSON.stringify(answer.json)}`);
      return client(answer.cookie);
    };
    // The first administrator: through the first-run endpoint, or (a reused database) by signing in.
    const firstRun = await authPost('/auth/first-run', { email: TEST_ADMIN_EMAIL, name: TEST_ADMIN_NAME, password: TEST_ADMIN_PASSWORD });
    let adminClient: TestClient;
    let adminId: string;
    if (firstRun.status === 201 && firstRun.cookie) {
      adminClient = client(firstRun.cookie);
      adminId = firstRun.json['user'].id;
    } else if (firstRun.status === 409) {
      adminClient = await signIn(TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD);
      const me = await adminClient.metadata<{ me: { user: { id: string } } }>('{ me { user { id } } }');
      adminId = me.data!.me.user.id;
    } else {
      throw new Error(`first-run answered ${firstRun.status}: ${JSON.stringify(firstRun.json)}`);
    }
    const createUser = async (user: NewTestUser): Promise<{ id: string; client: TestClient }> => {
      const password = user.password ?? testPassword(user.email);
      const created = await adminClient.metadata<{ createUser: { id: string } }>(
        'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
        { input: { email: user.email, name: user.name, roles: user.roles, teamIds: user.teamIds, attributes: user.attributes, password } },
      );
      if (!created.data?.createUser) throw new Error(`createUser ${user.email}: ${JSON.stringify(created.errors)}`);
      return { id: created.data.createUser.id, client: await signIn(user.email, password) };
    };
    const started = app;
    let closed = false;
    return {
      baseUrl,
      app: started,
      pool: database.pool,
      database,
      published,
      graphql: adminClient.graphql,
      metadata: adminClient.metadata,
      admin: { id: adminId, email: TEST_ADMIN_EMAIL, password: TEST_ADMIN_PASSWORD, client: adminClient },
      signIn,
      createUser,
      fetch: rawFetch,
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
