/**
 * Generated schemas per (workspace, version, role set): the full schema (admins, platform work) and one per
 * distinct set of roles, from which what those roles cannot see is absent (build-schema.ts). Each is built on
 * first use and rebuilt as soon as the metadata store announces a publish (this instance's or, through NOTIFY,
 * another's), so the next request is served by the new schema. Listeners (the Apollo gateways) hear each swap.
 * Role sets are few (they are combinations of roles people actually hold), so every known set is rebuilt on
 * publish: a build is tens of milliseconds.
 */
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { MetadataDocument } from '@trellis/metadata';
import { resolveAccess } from '@trellis/runtime';
import type { GraphQLSchema } from 'graphql';
import { MetadataStoreService } from '../metadata-store/metadata-store.service.js';
import { buildDataSchema } from './build-schema.js';

/** The key of the full schema (admins and platform work). */
export const FULL_ACCESS = '*';

export interface CachedSchema {
  workspace: string;
  version: number;
  /** FULL_ACCESS, or the role set's key (sorted role names). */
  access: string;
  document: MetadataDocument;
  schema: GraphQLSchema;
  /** How long the build took, in ms. */
  buildMs: number;
}

export type SchemaListener = (entry: CachedSchema) => void;

interface WorkspaceSchemas {
  version: number;
  document: MetadataDocument;
  byAccess: Map<string, CachedSchema>;
  /** Role sets seen so far (key → role names), rebuilt on every publish. */
  roleSets: Map<string, string[]>;
}

@Injectable()
export class SchemaCache implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('SchemaCache');
  private readonly workspaces = new Map<string, WorkspaceSchemas>();
  private readonly listeners = new Set<SchemaListener>();
  private unsubscribe?: () => void;

  constructor(private readonly store: MetadataStoreService) {}

  onModuleInit(): void {
    this.unsubscribe = this.store.onPublish((workspace, published) => {
      try {
        this.accept(workspace, published.version, published.document);
      } catch (error) {
        this.logger.error(`could not build the schemas of ${workspace} v${published.version}: ${String(error)}`);
      }
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /** The full schema of the workspace's current version. */
  async get(workspace: string): Promise<CachedSchema> {
    return this.getFor(workspace, null);
  }

  /** The schema of the current version as these roles see it (`null`: the full schema). */
  async getFor(workspace: string, roles: string[] | null): Promise<CachedSchema> {
    const current = await this.store.current(workspace);
    let known = this.workspaces.get(workspace);
    if (!known || known.version < current.version) known = this.accept(workspace, current.version, current.served);
    return this.schemaOf(workspace, known, roles);
  }

  /** The key a role set's schema is cached under (FULL_ACCESS for admins), in the given document. */
  accessKey(document: MetadataDocument, roles: string[] | null): string {
    if (roles === null) return FULL_ACCESS;
    const access = resolveAccess(document, { roles });
    return access.admin ? FULL_ACCESS : access.key;
  }

  /** The cached full schema without asking the store (undefined before the first `get`). */
  peek(workspace: string): CachedSchema | undefined {
    return this.workspaces.get(workspace)?.byAccess.get(FULL_ACCESS);
  }

  /** Hears every schema swap; returns the unsubscribe function. */
  onChange(listener: SchemaListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private schemaOf(workspace: string, known: WorkspaceSchemas, roles: string[] | null): CachedSchema {
    const key = this.accessKey(known.document, roles);
    const cached = known.byAccess.get(key);
    if (cached) return cached;
    if (roles !== null && key !== FULL_ACCESS) known.roleSets.set(key, roles);
    return this.build(workspace, known, key, roles);
  }

  private build(workspace: string, known: WorkspaceSchemas, key: string, roles: string[] | null): CachedSchema {
    const started = performance.now();
    const access = roles === null || key === FULL_ACCESS ? undefined : resolveAccess(known.document, { roles });
    const schema = buildDataSchema(known.document, { workspace, version: known.version, access });
    const entry: CachedSchema = { workspace, version: known.version, access: key, document: known.document, schema, buildMs: performance.now() - started };
    known.byAccess.set(key, entry);
    return entry;
  }

  private accept(workspace: string, version: number, document: MetadataDocument): WorkspaceSchemas {
    const known = this.workspaces.get(workspace);
    if (known && known.version >= version) return known;
    const next: WorkspaceSchemas = { version, document, byAccess: new Map(), roleSets: new Map(known?.roleSets ?? []) };
    this.workspaces.set(workspace, next);
    const entries = [this.build(workspace, next, FULL_ACCESS, null)];
    for (const [key, roles] of next.roleSets) {
      // A role set whose roles changed meaning (e.g. one became admin) may now have another key.
      const now = this.accessKey(document, roles);
      if (now !== key) continue;
      entries.push(this.build(workspace, next, key, roles));
    }
    for (const entry of entries) this.announce(entry);
    return next;
  }

  private announce(entry: CachedSchema): void {
    for (const listener of this.listeners) {
      try {
        listener(entry);
      } catch (error) {
        this.logger.error(`schema listener failed: ${String(error)}`);
      }
    }
  }
}
