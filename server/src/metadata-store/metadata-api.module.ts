import type { IncomingMessage } from 'node:http';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { AuditModule } from '../audit/audit.module.js';
import { InboxModule } from '../inbox/inbox.module.js';
import { WorkflowsModule } from '../workflows/workflows.module.js';
import { IdentityResolversModule } from '../auth/auth.module.js';
import { queryLimitRules } from '../common/query-limits.js';
import { AUTH_CONFIG } from '../auth/auth-clock.js';
import type { AuthConfig } from '../auth/auth-config.js';
import { SecurityLogService } from '../auth/security-log.service.js';
import { permissionDenialsPlugin } from '../permissions/denials-plugin.js';
import { PacksModule } from '../packs/packs.module.js';
import { MetadataResolver } from './metadata.resolver.js';

@Module({ providers: [MetadataResolver] })
export class MetadataResolversModule {}

/** The static /metadata GraphQL API (code-first, schema built in memory at bootstrap). */
@Module({
  imports: [
    MetadataResolversModule,
    IdentityResolversModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [SecurityLogService, AUTH_CONFIG],
      useFactory: (securityLog: SecurityLogService, auth: AuthConfig) => ({
      path: '/metadata',
      autoSchemaFile: true,
      sortSchema: true,
      include: [MetadataResolversModule, AuditModule, IdentityResolversModule, InboxModule, WorkflowsModule, PacksModule],
      // The resolvers read the actor the authentication hook put on the request (httpRequestContext(req)).
      context: ({ req }: { req: IncomingMessage }) => ({ req }),
      includeStacktraceInErrorResponses: false,
      // On unless TRELLIS_INTROSPECTION=0 (Apollo would switch it off whenever NODE_ENV=production).
      introspection: process.env['TRELLIS_INTROSPECTION'] !== '0',
      validationRules: queryLimitRules({ listSizes: { 'User.teams': 5, 'Team.members': 20 } }),
      graphiql: false,
      playground: false,
      plugins: [permissionDenialsPlugin(securityLog, '/metadata', auth.trustProxy)],
      }),
    }),
  ],
})
export class MetadataApiModule {}
