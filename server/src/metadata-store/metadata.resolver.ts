/** The /metadata API: read versions, validate, preview and publish documents. */
import { UseFilters } from '@nestjs/common';
import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { httpRequestContext } from '../common/request-context.js';
import { JSONScalar } from './json.scalar.js';
import { MetadataErrorFilter } from './metadata-error.filter.js';
import { MetadataStoreService } from './metadata-store.service.js';
import { MetadataPreview, MetadataProblem, MetadataVersion } from './metadata.types.js';

@Resolver()
@UseFilters(MetadataErrorFilter)
export class MetadataResolver {
  constructor(private readonly store: MetadataStoreService) {}

  @Query(() => MetadataVersion, { description: 'The current version (0 = the empty document).' })
  currentMetadata(): Promise<MetadataVersion> {
    return this.store.current(httpRequestContext().workspace);
  }

  @Query(() => [MetadataVersion], { description: 'Published versions, newest first.' })
  metadataVersions(@Args('limit', { type: () => Int, defaultValue: 50 }) limit: number): Promise<MetadataVersion[]> {
    return this.store.history(httpRequestContext().workspace, limit);
  }

  @Query(() => MetadataVersion, { nullable: true })
  metadataVersion(@Args('version', { type: () => Int }) version: number): Promise<MetadataVersion | null> {
    return this.store.version(httpRequestContext().workspace, version);
  }

  @Query(() => [MetadataProblem], { description: 'Every problem of a document; empty when it is valid.' })
  validateMetadata(@Args('document', { type: () => JSONScalar }) document: unknown): MetadataProblem[] {
    return this.store.validate(document);
  }

  @Query(() => MetadataPreview, { description: 'What publishing the document would change.' })
  previewMetadata(@Args('document', { type: () => JSONScalar }) document: unknown): Promise<MetadataPreview> {
    return this.store.preview(httpRequestContext().workspace, document);
  }

  @Mutation(() => MetadataVersion, {
    description: 'Publishes the document as the next version. Errors: METADATA_INVALID, VERSION_CONFLICT, MIGRATION_FAILED.',
  })
  publishMetadata(
    @Args('document', { type: () => JSONScalar }) document: unknown,
    @Args('message', { type: () => String, nullable: true }) message?: string | null,
    @Args('baseVersion', { type: () => Int, nullable: true }) baseVersion?: number | null,
  ): Promise<MetadataVersion> {
    return this.store.publish(httpRequestContext(), document, { message, baseVersion });
  }

  @Mutation(() => MetadataVersion, { description: "Publishes an earlier version's document as a new version." })
  revertMetadata(
    @Args('version', { type: () => Int }) version: number,
    @Args('message', { type: () => String, nullable: true }) message?: string | null,
  ): Promise<MetadataVersion> {
    return this.store.revert(httpRequestContext(), version, message);
  }
}
