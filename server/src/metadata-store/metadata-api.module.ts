import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { MetadataResolver } from './metadata.resolver.js';

@Module({ providers: [MetadataResolver] })
export class MetadataResolversModule {}

/** The static /metadata GraphQL API (code-first, schema built in memory at bootstrap). */
@Module({
  imports: [
    MetadataResolversModule,
    GraphQLModule.forRoot<ApolloDriverConfig>({
      driver: ApolloDriver,
      path: '/metadata',
      autoSchemaFile: true,
      sortSchema: true,
      include: [MetadataResolversModule],
      includeStacktraceInErrorResponses: false,
      graphiql: false,
      playground: false,
    }),
  ],
})
export class MetadataApiModule {}
