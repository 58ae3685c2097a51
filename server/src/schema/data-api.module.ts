/**
 * The generated data API at /graphql: our own ApolloServer (Apollo 5) behind DataApiEndpoint (reached by
 * the HTTP entry's fast path for POST, by Express for the rest; see data-api-endpoint.ts).
 * @nestjs/graphql builds its schema once at bootstrap; here Apollo's `gateway` option is used only as a
 * schema source, so each publish swaps the schema in place (no restart). See shared/STACK.md.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type { GatewayInterface, GatewaySchemaLoadOrUpdateCallback } from '@apollo/server-gateway-interface';
import { Inject, Logger, Module, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express } from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEFAULT_WORKSPACE, httpRequestContext, requestActor } from '../common/request-context.js';
import { queryLimitRules } from '../common/query-limits.js';
import { AUTH_CONFIG } from '../auth/auth-clock.js';
import type { AuthConfig } from '../auth/auth-config.js';
import { SecurityLogService } from '../auth/security-log.service.js';
import { permissionDenialsPlugin } from '../permissions/denials-plugin.js';
import { RecordService } from '../records/record.service.js';
import { RecordsModule } from '../records/records.module.js';
import type { DataApiContext } from './data-api-context.js';
import { DATA_API_PATH, DataApiEndpoint } from './data-api-endpoint.js';
import { explorerPagePlugin } from './explorer-page.js';
import { HttpRequestError, graphqlHttpHandler, sendGraphQLError, type GraphQLHttpHandler } from './graphql-http.js';
import { FULL_ACCESS, SchemaCache } from './schema-cache.js';
import { ServerPool } from './server-pool.js';

export { DATA_API_PATH } from './data-api-endpoint.js';

/** Error codes Apollo itself produces for the client's mistakes: shown as they are. */
const CLIENT_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * An Apollo "gateway" that only feeds the cached schema of one workspace as one role set sees it (`roles`
 * null: the full schema) — no query planning, no executor.
 */
export function schemaSourceGateway(cache: SchemaCache, workspace: string, access: string = FULL_ACCESS, roles: string[] | null = null): GatewayInterface {
  const callbacks = new Set<GatewaySchemaLoadOrUpdateCallback>();
  let unsubscribe: (() => void) | undefined;
  const announce = (schema: Parameters<GatewaySchemaLoadOrUpdateCallback>[0]['apiSchema']) => {
    for (const callback of callbacks) callback({ apiSchema: schema, coreSupergraphSdl: '' });
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      callbacks.add(callback);
      return () => callbacks.delete(callback);
    },
    async load() {
      unsubscribe = cache.onChange((entry) => {
        if (entry.workspace === workspace && entry.access === access) announce(entry.schema);
      });
      announce((await cache.getFor(workspace, roles)).schema);
      return { executor: null };
    },
    async stop() {
      unsubscribe?.();
    },
  };
}

/** Our errors (GraphQLErrors with a code) pass; anything else is logged and answered generically. */
export function formatDataApiError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.['code'];
    if (original instanceof GraphQLError && code !== 'INTERNAL_SERVER_ERROR') return withoutStack(formatted);
    if (original === error && typeof code === 'string' && CLIENT_ERROR_CODES.has(code)) return withoutStack(formatted);
    logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
    return {
      message: 'Internal server error',
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

function withoutStack(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !('stacktrace' in formatted.extensions)) return formatted;
  const { stacktrace: _dropped, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}

/**
 * How many role sets' servers the data API keeps. Role sets are the combinations people hold, so a workspace
 * uses a handful; a publish that changes grants gives new keys, and the old servers then go as unused.
 */
const MAX_DATA_API_SERVERS = 32;

interface StartedServer {
  server: ApolloServer<DataApiContext>;
  handle: GraphQLHttpHandler;
}

/**
 * The data API. One Apollo server per role set (Apollo serves one schema per server), each fed the schema its
 * roles see; a request goes to the server of its actor's role set. Servers start on first use, and at most
 * MAX_DATA_API_SERVERS are kept (ServerPool: the least recently used goes; the full schema's always stays).
 */
@Module({ imports: [RecordsModule], providers: [SchemaCache, DataApiEndpoint], exports: [SchemaCache, DataApiEndpoint] })
export class DataApiModule implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('DataApi');
  private readonly servers = new ServerPool<StartedServer>({
    max: MAX_DATA_API_SERVERS,
    pinned: new Set([FULL_ACCESS]),
    stop: ({ server }) => server.stop().catch((error: unknown) => this.logger.error(`Stopping an unused data API server failed: ${String(error)}`)),
  });

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly schemas: SchemaCache,
    private readonly records: RecordService,
    private readonly endpoint: DataApiEndpoint,
    private readonly securityLog: SecurityLogService,
    @Inject(AUTH_CONFIG) private readonly authConfig: AuthConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.servers.with(FULL_ACCESS, () => this.startServer(FULL_ACCESS, null), async () => undefined); // ready before the first request
    this.endpoint.serve((req, res) => this.handle(req, res));
    // Where Express routes the endpoint's requests (all but the fast path's POSTs): after Nest's middleware
    // and routes, as any module's, so they apply. The JSON body parser skips this path (see create-app.ts).
    this.adapterHost.httpAdapter.getInstance<Express>().use(DATA_API_PATH, this.endpoint.expressHandler);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const known = requestActor(req);
    if (!known) {
      return sendGraphQLError(res, new HttpRequestError(401, 'UNAUTHENTICATED', 'Sign in first: this request carries no valid session or API key.'));
    }
    const roles = known.actor.roles;
    const current = this.schemas.peek(DEFAULT_WORKSPACE);
    const key = current ? this.schemas.accessKey(current.document, roles) : FULL_ACCESS;
    return this.servers.with(key, () => this.startServer(key, key === FULL_ACCESS ? null : roles), ({ handle }) => handle(req, res));
  }

  private async startServer(key: string, roles: string[] | null): Promise<StartedServer> {
    const plugins: ApolloServerPlugin<DataApiContext>[] = [
      explorerPagePlugin(),
      // Per-field cache hints and traces cost time on every field of every request; we use neither.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      // Never talk to Apollo's cloud, even if an APOLLO_KEY is in the environment.
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      permissionDenialsPlugin(this.securityLog, DATA_API_PATH, this.authConfig.trustProxy),
    ];
    const server = new ApolloServer<DataApiContext>({
      gateway: schemaSourceGateway(this.schemas, DEFAULT_WORKSPACE, key, roles),
      plugins,
      introspection: process.env['TRELLIS_INTROSPECTION'] !== '0',
      validationRules: queryLimitRules(),
      includeStacktraceInErrorResponses: false,
      stopOnTerminationSignals: false,
      formatError: formatDataApiError(this.logger),
    });
    await server.start();
    const records = this.records;
    const handle = graphqlHttpHandler(server, { context: async (req) => ({ request: httpRequestContext(req), records, req }) });
    return { server, handle };
  }

  async onModuleDestroy(): Promise<void> {
    await this.servers.stopAll();
  }
}
