/**
 * Installs the starter sales pack into an empty workspace on startup: publishes its metadata as
 * version 1 through the packs' install path (PacksService.publishInstall), its seed records and its
 * pack_install row written in that same transaction. TRELLIS_STARTER_PACK=0 turns it off (tests do).
 */
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { readPackFolder, type LoadedPack } from '@trellis/plugin-sdk';
import { errorCode } from '../common/errors.js';
import { DEFAULT_WORKSPACE, systemContext } from '../common/request-context.js';
import { MetadataStoreService } from '../metadata-store/metadata-store.service.js';
import { PacksService } from './packs.service.js';

export const STARTER_PACK_OPTIONS = Symbol('STARTER_PACK_OPTIONS');

export interface StarterPackOptions {
  starterPack: boolean;
}

@Injectable()
export class StarterPackService implements OnApplicationBootstrap {
  private readonly logger = new Logger('StarterPack');

  constructor(
    @Inject(STARTER_PACK_OPTIONS) private readonly options: StarterPackOptions,
    private readonly store: MetadataStoreService,
    private readonly packs: PacksService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.starterPack) return;
    await this.installIfEmpty(DEFAULT_WORKSPACE);
  }

  /** Installs the starter pack when the workspace is at version 0; true when it did. */
  async installIfEmpty(workspace: string): Promise<boolean> {
    if ((await this.store.current(workspace)).version !== 0) return false;
    const { packDir } = await import('@trellis/pack-starter-sales');
    return this.install(workspace, await readPackFolder(packDir), 'Install starter sales pack');
  }

  /**
   * Publishes a pack's metadata on top of version 0 and seeds its records in the SAME transaction, so a
   * pack is installed whole or not at all. Returns false when another instance installed first
   * (VERSION_CONFLICT). Any other failure is logged and leaves the workspace empty; the next start retries.
   */
  async install(workspace: string, pack: LoadedPack, message: string): Promise<boolean> {
    const name = pack.manifest.name;
    const ctx = systemContext(name === 'starter-sales' ? 'starter-pack' : `pack:${name}`, workspace);
    try {
      await this.packs.publishInstall(ctx, [pack], pack.document, { message, baseVersion: 0 });
      return true;
    } catch (error) {
      if (errorCode(error) === 'VERSION_CONFLICT') return false;
      this.logger.error(`The ${name} pack could not be installed; the workspace stays empty: ${describe(error)}`);
      return false;
    }
  }
}

function describe(error: unknown): string {
  const fieldErrors = (error as { extensions?: { fieldErrors?: unknown } }).extensions?.fieldErrors;
  const message = error instanceof Error ? error.message : String(error);
  return fieldErrors ? `${message} ${JSON.stringify(fieldErrors)}` : message;
}
