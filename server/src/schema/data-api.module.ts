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
import { Logger, Module, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express } from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DEFAULT_WORKSPACE, httpRequestContext } from '../common/request-context.js';
import { RecordService } from '../records/record.service.js';
import { RecordsModule } from '../records/records.module.js';
import type { DataApiContext } from './data-api-context.js';
import { DATA_API_PATH, DataApiEndpoint } from './data-api-endpoint.js';
import { explorerPagePlugin } from './explorer-page.js';
import { graphqlHttpHandler } from './graphql-http.js';
import { SchemaCache } from './schema-cache.js';

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

/** An Apollo "gateway" that only feeds the cached schema of one workspace (no query planning, no executor). */
export function schemaSourceGateway(cache: SchemaCache, workspace: string): GatewayInterface {
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
        if (entry.workspace === workspace) announce(entry.schema);
      });
      announce((await cache.get(workspace)).schema);
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

@Module({ imports: [RecordsModule], providers: [SchemaCache, DataApiEndpoint], exports: [SchemaCache, DataApiEndpoint] })
export class DataApiModule implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('DataApi');
  private server?: ApolloServer<DataApiContext>;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly schemas: SchemaCache,
    private readonly records: RecordService,
    private readonly endpoint: DataApiEndpoint,
  ) {}

  async onModuleInit(): Promise<void> {
    const plugins: ApolloServerPlugin<DataApiContext>[] = [
      explorerPagePlugin(),
      // Per-field cache hints and traces cost time on every field of every request; we use neither.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      // Never talk to Apollo's cloud, even if an APOLLO_KEY is in the environment.
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
    ];
    const server = new ApolloServer<DataApiContext>({
      gateway: schemaSourceGateway(this.schemas, DEFAULT_WORKSPACE),
      plugins,
      introspection: true,
      includeStacktraceInErrorResponses: false,
      stopOnTerminationSignals: false,
      formatError: formatDataApiError(this.logger),
    });
    await server.start();
    this.server = server;
    const records = this.records;
    this.endpoint.serve(graphqlHttpHandler(server, { context: async () => ({ request: httpRequestContext(), records }) }));
    // Where Express routes the endpoint's requests (all but the fast path's POSTs): after Nest's middleware
    // and routes, as any module's, so they apply. The JSON body parser skips this path (see create-app.ts).
    this.adapterHost.httpAdapter.getInstance<Express>().use(DATA_API_PATH, this.endpoint.expressHandler);
  }

  async onModuleDestroy(): Promise<void> {
    await this.server?.stop();
  }
}
