/**
 * Generated schemas per (workspace, version): built on first use and rebuilt as soon as the metadata
 * store announces a publish (this instance's or, through NOTIFY, another's), so the next request is
 * served by the new schema. Listeners (the Apollo gateway) hear each swap.
 */
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { MetadataDocument } from '@trellis/metadata';
import type { GraphQLSchema } from 'graphql';
import { MetadataStoreService } from '../metadata-store/metadata-store.service.js';
import { buildDataSchema } from './build-schema.js';

export interface CachedSchema {
  workspace: string;
  version: number;
  document: MetadataDocument;
  schema: GraphQLSchema;
  /** How long the build took, in ms. */
  buildMs: number;
}

export type SchemaListener = (entry: CachedSchema) => void;

@Injectable()
export class SchemaCache implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('SchemaCache');
  private readonly entries = new Map<string, CachedSchema>();
  private readonly listeners = new Set<SchemaListener>();
  private unsubscribe?: () => void;

  constructor(private readonly store: MetadataStoreService) {}

  onModuleInit(): void {
    this.unsubscribe = this.store.onPublish((workspace, published) => {
      try {
        this.accept(workspace, published.version, published.document);
      } catch (error) {
        this.logger.error(`could not build the schema of ${workspace} v${published.version}: ${String(error)}`);
      }
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /** The schema of the workspace's current version. */
  async get(workspace: string): Promise<CachedSchema> {
    const current = await this.store.current(workspace);
    const cached = this.entries.get(workspace);
    if (cached && cached.version >= current.version) return cached;
    return this.accept(workspace, current.version, current.document);
  }

  /** The cached schema without asking the store (undefined before the first `get`). */
  peek(workspace: string): CachedSchema | undefined {
    return this.entries.get(workspace);
  }

  /** Hears every schema swap; returns the unsubscribe function. */
  onChange(listener: SchemaListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private accept(workspace: string, version: number, document: MetadataDocument): CachedSchema {
    const known = this.entries.get(workspace);
    if (known && known.version >= version) return known;
    const started = performance.now();
    const schema = buildDataSchema(document, { workspace, version });
    const entry: CachedSchema = { workspace, version, document, schema, buildMs: performance.now() - started };
    this.entries.set(workspace, entry);
    for (const listener of this.listeners) {
      try {
        listener(entry);
      } catch (error) {
        this.logger.error(`schema listener failed: ${String(error)}`);
      }
    }
    return entry;
  }
}
