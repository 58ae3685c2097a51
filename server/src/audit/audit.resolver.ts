/** Record history and manual sharing on the /metadata API (both checked against the caller's record access). */
import type { IncomingMessage } from 'node:http';
import { UseFilters } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { httpRequestContext } from '../common/request-context.js';
import { MetadataErrorFilter } from '../metadata-store/metadata-error.filter.js';
import { RecordSharesService } from '../sharing/record-shares.service.js';
import { RecordChange, RecordShare } from './audit.types.js';
import { RecordHistoryService } from './record-history.service.js';

@Resolver()
@UseFilters(MetadataErrorFilter)
export class AuditResolver {
  constructor(
    private readonly history: RecordHistoryService,
    private readonly shares: RecordSharesService,
  ) {}

  @Query(() => [RecordChange], { description: "A record's changes, newest first (only for records you may read)." })
  recordHistory(
    @Context('req') req: IncomingMessage,
    @Args('entity') entity: string,
    @Args('id', { type: () => ID }) id: string,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('before', { type: () => ID, nullable: true }) before?: string | null,
  ): Promise<RecordChange[]> {
    return this.history.history(httpRequestContext(req), entity, id, first, before);
  }

  @Query(() => [RecordShare], { description: 'Who a record is shared with (only for records you may read).' })
  recordShares(@Context('req') req: IncomingMessage, @Args('entity') entity: string, @Args('id', { type: () => ID }) id: string): Promise<RecordShare[]> {
    return this.shares.list(httpRequestContext(req), entity, id);
  }

  @Mutation(() => RecordShare, { description: 'Shares a record with a user or a team (read or edit). You must be allowed to change the record.' })
  shareRecord(
    @Context('req') req: IncomingMessage,
    @Args('entity') entity: string,
    @Args('id', { type: () => ID }) id: string,
    @Args('access') access: string,
    @Args('userId', { type: () => ID, nullable: true }) userId?: string | null,
    @Args('teamId', { type: () => ID, nullable: true }) teamId?: string | null,
  ): Promise<RecordShare> {
    return this.shares.share(httpRequestContext(req), entity, id, { userId, teamId }, access);
  }

  @Mutation(() => Boolean, { description: 'Removes a share. You must be allowed to change the record.' })
  unshareRecord(@Context('req') req: IncomingMessage, @Args('shareId', { type: () => ID }) shareId: string): Promise<boolean> {
    return this.shares.unshare(httpRequestContext(req), shareId);
  }
}
