import { Catch, Logger, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';

/**
 * Lets our coded GraphQLErrors (METADATA_INVALID, VERSION_CONFLICT…) reach the client without Nest
 * logging them as crashes; anything else is logged once and passed on (Apollo codes it INTERNAL_SERVER_ERROR).
 */
@Catch()
export class MetadataErrorFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('MetadataApi');

  catch(exception: unknown, _host: ArgumentsHost): unknown {
    if (exception instanceof GraphQLError && typeof exception.extensions?.['code'] === 'string') return exception;
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return exception;
  }
}
