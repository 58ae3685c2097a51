/**
 * The /metadata API: read versions, validate, preview and publish documents. Reading is open to every
 * signed-in user (the studio renders from the current document); validating, previewing, publishing and
 * reverting need the manageMetadata capability.
 */
import type { IncomingMessage } from 'node:http';
import { UseFilters } from '@nestjs/common';
import { Args, Context, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { requireCapability } from '../auth/capabilities.js';
import { httpRequestContext, type RequestContext } from '../common/request-context.js';
import { JSONScalar } from './json.scalar.js';
import { MetadataErrorFilter } from './metadata-error.filter.js';
import { DatabaseService } from '../database/database.service.js';
import { MetadataStoreService } from './metadata-store.service.js';
import { MetadataPreview, MetadataProblem, MetadataVersion } from './metadata.types.js';
import { apiVersion, apiVersions } from './api-versions.js';

@Resolver()
@UseFilters(MetadataErrorFilter)
export class MetadataResolver {
  constructor(
    private readonly store: MetadataStoreService,
    private readonly database: DatabaseService,
  ) {}

  private async manager(req: IncomingMessage): Promise<RequestContext> {
    const ctx = httpRequestContext(req);
    await requireCapability(this.store, ctx, 'manageMetadata');
    return ctx;
  }

  @Query(() => MetadataVersion, { description: 'The current version (0 = the empty document).' })
  async currentMetadata(@Context('req') req: IncomingMessage): Promise<MetadataVersion> {
    return apiVersion(this.database.pool, await this.store.current(httpRequestContext(req).workspace));
  }

  @Query(() => [MetadataVersion], { description: 'Published versions, newest first.' })
  async metadataVersions(@Context('req') req: IncomingMessage, @Args('limit', { type: () => Int, defaultValue: 50 }) limit: number): Promise<MetadataVersion[]> {
    return apiVersions(this.database.pool, await this.store.history(httpRequestContext(req).workspace, limit));
  }

  @Query(() => MetadataVersion, { nullable: true })
  async metadataVersion(@Context('req') req: IncomingMessage, @Args('version', { type: () => Int }) version: number): Promise<MetadataVersion | null> {
    const found = await this.store.version(httpRequestContext(req).workspace, version);
    return found ? apiVersion(this.database.pool, found) : null;
  }

  @Query(() => [MetadataProblem], { description: 'Every problem of a document; empty when it is valid.' })
  async validateMetadata(@Context('req') req: IncomingMessage, @Args('document', { type: () => JSONScalar }) document: unknown): Promise<MetadataProblem[]> {
    await this.manager(req);
    return this.store.validate(document);
  }

  @Query(() => MetadataPreview, { description: 'What publishing the document would change.' })
  async previewMetadata(@Context('req') req: IncomingMessage, @Args('document', { type: () => JSONScalar }) document: unknown): Promise<MetadataPreview> {
    return this.store.preview((await this.manager(req)).workspace, document);
  }

  @Mutation(() => MetadataVersion, {
    description: 'Publishes the document as the next version. Errors: METADATA_INVALID, VERSION_CONFLICT, MIGRATION_FAILED.',
  })
  async publishMetadata(
    @Context('req') req: IncomingMessage,
    @Args('document', { type: () => JSONScalar }) document: unknown,
    @Args('message', { type: () => String, nullable: true }) message?: string | null,
    @Args('baseVersion', { type: () => Int, nullable: true }) baseVersion?: number | null,
  ): Promise<MetadataVersion> {
    return apiVersion(this.database.pool, await this.store.publish(await this.manager(req), document, { message, baseVersion }));
  }

  @Mutation(() => MetadataVersion, { description: "Publishes an earlier version's document as a new version." })
  async revertMetadata(
    @Context('req') req: IncomingMessage,
    @Args('version', { type: () => Int }) version: number,
    @Args('message', { type: () => String, nullable: true }) message?: string | null,
  ): Promise<MetadataVersion> {
    return apiVersion(this.database.pool, await this.store.revert(await this.manager(req), version, message));
  }
}
