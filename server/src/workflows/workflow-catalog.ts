/**
 * The published workflows of a workspace with their current version numbers, as runs are created from
 * them: read once per metadata version (a publish writes both the document and the versions).
 */
import { Injectable } from '@nestjs/common';
import type { MetadataDocument, WorkflowDefinition } from '@trellis/metadata';
import { DatabaseService } from '../database/database.service.js';
import { MetadataStoreService } from '../metadata-store/metadata-store.service.js';
import { latestWorkflowVersions, recordWorkflowVersions } from './workflow-versions.js';

export interface PublishedWorkflows {
  metadataVersion: number;
  document: MetadataDocument;
  versions: Map<string, number>;
}

@Injectable()
export class WorkflowCatalog {
  private readonly cache = new Map<string, Promise<PublishedWorkflows>>();

  constructor(
    private readonly store: MetadataStoreService,
    private readonly database: DatabaseService,
  ) {}

  async current(workspace: string): Promise<PublishedWorkflows> {
    const published = await this.store.current(workspace);
    const cached = this.cache.get(workspace);
    if (cached) {
      const known = await cached;
      if (known.metadataVersion === published.version) return known;
    }
    const loading = this.load(workspace, published.version, published.served);
    this.cache.set(workspace, loading);
    loading.catch(() => this.cache.delete(workspace));
    return loading;
  }

  /** The definition and version a new run of `name` starts on, or null when there is no such workflow. */
  async workflow(workspace: string, name: string): Promise<{ definition: WorkflowDefinition; version: number; document: MetadataDocument } | null> {
    const current = await this.current(workspace);
    const definition = current.document.workflows?.[name];
    if (!definition) return null;
    return { definition, version: current.versions.get(name) ?? 1, document: current.document };
  }

  private async load(workspace: string, metadataVersion: number, document: MetadataDocument): Promise<PublishedWorkflows> {
    let versions = await latestWorkflowVersions(this.database.pool, workspace);
    const missing = Object.keys(document.workflows ?? {}).some((name) => !versions.has(name));
    if (missing && metadataVersion > 0) {
      // A version published before this engine kept versions: record it now (idempotent).
      await recordWorkflowVersions(this.database.pool, workspace, document, metadataVersion, null);
      versions = await latestWorkflowVersions(this.database.pool, workspace);
    }
    return { metadataVersion, document, versions };
  }
}
