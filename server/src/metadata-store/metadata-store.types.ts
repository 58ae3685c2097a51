import type { PoolClient } from 'pg';
import type { DiffChange, MetadataDocument, MetadataProblem, MigrationPlan, PlanStep, SuspendedComponent } from '@trellis/metadata';
import type { QueryRunner } from 'typeorm';

/** One published version of a workspace's document. Version 0 is the empty document, never stored. */
export interface PublishedVersion {
  workspace: string;
  version: number;
  document: MetadataDocument;
  /** `${actor.kind}:${actor.id}` of the publisher. */
  author: string;
  message: string | null;
  /** The diff from the previous version. */
  changes: DiffChange[];
  /** The migration plan executed for this version. */
  plan: MigrationPlan;
  createdAt: Date;
}

/**
 * The current version as this server runs it. `document` is what was published (edited, merged, exported, planned
 * against); `served` is what the data API, record writes and workflows run: the same object unless a plugin the
 * document relies on is not loaded, in which case the components that need it are `suspended` (metadata's
 * servedDocument). Data of suspended components stays in the database.
 */
export interface CurrentVersion extends PublishedVersion {
  served: MetadataDocument;
  suspended: SuspendedComponent[];
}

export interface PublishOptions {
  message?: string | null;
  /** The version the document was edited from; a publish fails with VERSION_CONFLICT when it is stale. */
  baseVersion?: number | null;
  /**
   * Runs inside the publish transaction after the DDL, with the new document as served: what it writes commits
   * together with the version, and a throw rolls everything back (used to seed a pack's records).
   */
  inTransaction?: (client: PoolClient, document: MetadataDocument) => Promise<void>;
}

/** What publishing `document` on top of the current version would do. */
export interface MetadataPreview {
  valid: boolean;
  problems: MetadataProblem[];
  baseVersion: number;
  steps: PlanStep[];
  destructive: boolean;
  changes: DiffChange[];
}

/** Called after a publish is committed (on this instance, or seen from another through NOTIFY), with the served document. */
export type PublishListener = (workspace: string, published: { version: number; document: MetadataDocument }) => void;

/**
 * Test hook run inside the publish transaction before each plan step's SQL; throwing (or running failing
 * SQL on the query runner) makes the step fail.
 */
export type BeforeStepHook = (step: PlanStep, index: number, queryRunner: QueryRunner) => Promise<void> | void;

/** The document of version 0 (a fresh object each call: callers may edit it). */
export const emptyDocument = (): MetadataDocument => ({ entities: {} });

/** Channel on which a publish is announced to every instance sharing the database. */
export const METADATA_CHANNEL = 'trellis_metadata';

/** A server-side check of a document that passed metadata's validation: its problems refuse the publish. */
export type DocumentCheck = (document: MetadataDocument) => MetadataProblem[];

/**
 * Carries out a plan step that has no SQL (e.g. `recomputeField`) inside the publish transaction, after the steps
 * before it, with the document being published. Throwing fails the publish (MIGRATION_FAILED, nothing applied).
 */
export type PlanStepExecutor = (step: PlanStep, client: PoolClient, document: MetadataDocument, workspace: string) => Promise<void>;

/**
 * Runs inside the publish transaction after every plan step, with the new document and its version number:
 * platform upkeep of the record tables that is not part of the metadata's own plan (e.g. the audit triggers,
 * workflow versions). Throwing fails the publish.
 */
export type AfterStepsHook = (client: PoolClient, document: MetadataDocument, workspace: string, version: number) => Promise<void>;
