/**
 * The packs part of the /metadata API: available and installed packs, component origins, and install,
 * upgrade and uninstall with their previews, and export. All of it needs the manageMetadata capability.
 */
import type { IncomingMessage } from 'node:http';
import { UseFilters } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { MergeDecisions } from '@trellis/metadata';
import { apiVersion } from '../metadata-store/api-versions.js';
import { requireCapability } from '../auth/capabilities.js';
import { httpRequestContext, type RequestContext } from '../common/request-context.js';
import { DatabaseService } from '../database/database.service.js';
import { JSONScalar } from '../metadata-store/json.scalar.js';
import { MetadataErrorFilter } from '../metadata-store/metadata-error.filter.js';
import { MetadataStoreService } from '../metadata-store/metadata-store.service.js';
import type { PublishedVersion } from '../metadata-store/metadata-store.types.js';
import { MetadataVersion } from '../metadata-store/metadata.types.js';
import type { ClashChoices } from './combine-for-install.js';
import { packError } from './pack-errors.js';
import { PacksService } from './packs.service.js';
import { PackInfo, PackPreview } from './packs.types.js';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON argument that must be an object (or absent). */
function objectArg<T>(name: string, value: unknown): T {
  if (value === undefined || value === null) return {} as T;
  if (!isRecord(value)) throw packError('BAD_USER_INPUT', `${name} must be an object keyed by path.`);
  return value as T;
}

@Resolver()
@UseFilters(MetadataErrorFilter)
export class PacksResolver {
  constructor(
    private readonly service: PacksService,
    private readonly store: MetadataStoreService,
    private readonly database: DatabaseService,
  ) {}

  private async manager(req: IncomingMessage): Promise<RequestContext> {
    const ctx = httpRequestContext(req);
    await requireCapability(this.store, ctx, 'manageMetadata');
    return ctx;
  }

  private async named(version: Promise<PublishedVersion>): Promise<MetadataVersion> {
    return apiVersion(this.database.pool, await version);
  }

  @Query(() => [PackInfo], { description: 'Packs available (plugins/ and TRELLIS_PACK_DIRS) and installed.' })
  async packs(@Context('req') req: IncomingMessage): Promise<PackInfo[]> {
    return this.service.list((await this.manager(req)).workspace);
  }

  @Query(() => JSONScalar, { description: '{ "<json pointer>": "<pack>@<version>" } for the components of the current document that came from a pack.' })
  async componentOrigins(@Context('req') req: IncomingMessage): Promise<unknown> {
    return this.service.componentOrigins((await this.manager(req)).workspace);
  }

  @Query(() => PackPreview)
  async previewPackInstall(
    @Context('req') req: IncomingMessage,
    @Args('name', { type: () => String }) name: string,
    @Args('clashChoices', { type: () => JSONScalar, nullable: true }) clashChoices?: unknown,
  ): Promise<PackPreview> {
    return this.service.previewInstall((await this.manager(req)).workspace, name, objectArg<ClashChoices>('clashChoices', clashChoices));
  }

  @Mutation(() => MetadataVersion, { description: 'Installs a pack and its dependencies. Errors: PACK_CLASHES (choose keepMine/takePack), PACK_NOT_FOUND, PACK_INCOMPATIBLE, METADATA_INVALID.' })
  async installPack(
    @Context('req') req: IncomingMessage,
    @Args('name', { type: () => String }) name: string,
    @Args('clashChoices', { type: () => JSONScalar, nullable: true }) clashChoices?: unknown,
  ): Promise<MetadataVersion> {
    const ctx = await this.manager(req);
    return this.named(this.service.install(ctx, name, objectArg<ClashChoices>('clashChoices', clashChoices)));
  }

  @Query(() => PackPreview)
  async previewPackUpgrade(
    @Context('req') req: IncomingMessage,
    @Args('name', { type: () => String }) name: string,
    @Args('decisions', { type: () => JSONScalar, nullable: true }) decisions?: unknown,
    @Args('clashChoices', { type: () => JSONScalar, nullable: true, description: 'Clashes of the dependencies the new version installs.' }) clashChoices?: unknown,
  ): Promise<PackPreview> {
    const workspace = (await this.manager(req)).workspace;
    return this.service.previewUpgrade(workspace, name, objectArg<MergeDecisions>('decisions', decisions), objectArg<ClashChoices>('clashChoices', clashChoices));
  }

  @Mutation(() => MetadataVersion, {
    description:
      'Upgrades a pack by 3-way merge, installing the dependencies its new version adds first. Errors: PACK_CONFLICTS while a conflict is undecided, PACK_CLASHES (a new dependency clashes: choose keepMine/takePack), PACK_INCOMPATIBLE (upgrade a dependency first), METADATA_INVALID.',
  })
  async upgradePack(
    @Context('req') req: IncomingMessage,
    @Args('name', { type: () => String }) name: string,
    @Args('decisions', { type: () => JSONScalar }) decisions: unknown,
    @Args('clashChoices', { type: () => JSONScalar, nullable: true, description: 'Clashes of the dependencies the new version installs.' }) clashChoices?: unknown,
  ): Promise<MetadataVersion> {
    const ctx = await this.manager(req);
    return this.named(this.service.upgrade(ctx, name, objectArg<MergeDecisions>('decisions', decisions), objectArg<ClashChoices>('clashChoices', clashChoices)));
  }

  @Query(() => PackPreview)
  async previewPackUninstall(@Context('req') req: IncomingMessage, @Args('name', { type: () => String }) name: string): Promise<PackPreview> {
    return this.service.previewUninstall((await this.manager(req)).workspace, name);
  }

  @Mutation(() => MetadataVersion, { description: 'Removes the pack’s components nothing else needs. Errors: PACK_REQUIRED while another installed pack depends on it.' })
  async uninstallPack(@Context('req') req: IncomingMessage, @Args('name', { type: () => String }) name: string): Promise<MetadataVersion> {
    const ctx = await this.manager(req);
    return this.named(this.service.uninstall(ctx, name));
  }

  @Query(() => JSONScalar, { description: 'The workspace (or chosen entities and workflows) as pack folder files: { files: [{ path, content }] }.' })
  async exportPack(
    @Context('req') req: IncomingMessage,
    @Args('name', { type: () => String }) name: string,
    @Args('version', { type: () => String }) version: string,
    @Args('entities', { type: () => [String], nullable: true }) entities?: string[] | null,
    @Args('workflows', { type: () => [String], nullable: true }) workflows?: string[] | null,
    @Args('description', { type: () => String, nullable: true, description: 'The description in trellis-pack.json.' }) description?: string | null,
  ): Promise<unknown> {
    return this.service.exportPack((await this.manager(req)).workspace, name, version, entities, workflows, description);
  }
}
