/**
 * The metadata store: every published version of each workspace's document, and the one path that
 * changes it: publish = lock → re-read → validate → diff → plan → run DDL → store version, in ONE
 * Postgres transaction; then caches update and listeners (schema builders) hear about it.
 * The plan is given what earlier versions moved aside (read from the catalog), so a field or entity that comes
 * back — a revert, or a document adding it again — gets its data back instead of an empty column or table.
 */
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import {
  diffDocuments,
  planMigration,
  problemsBeyond,
  servedDocument,
  validateDocument,
  type MetadataDocument,
  type MetadataProblem,
  type MigrationPlan,
  type ServedDocument,
} from '@trellis/metadata';
import type { GraphQLError } from 'graphql';
import type { PoolClient } from 'pg';
import type { QueryRunner } from 'typeorm';
import { apiError } from '../common/errors.js';
import { actorLabel, type RequestContext } from '../common/request-context.js';
import type { ChannelListener } from '../database/channel-listener.js';
import { DatabaseService } from '../database/database.service.js';
import { viewProblems } from '../rules/view-problems.js';
import { metadataChangeListener, type MetadataNotification } from './metadata-change-listener.js';
import { MetadataVersionEntity } from './metadata-version.entity.js';
import { readSetAsideInventory } from './set-aside-inventory.js';
import {
  METADATA_CHANNEL,
  emptyDocument,
  type AfterStepsHook,
  type BeforeStepHook,
  type CurrentVersion,
  type DocumentCheck,
  type PlanStepExecutor,
  type MetadataPreview,
  type PublishListener,
  type PublishOptions,
  type PublishedVersion,
} from './metadata-store.types.js';

/** Workspace names double as Postgres schema names. */
const WORKSPACE_NAME = /^[a-z][a-z0-9_]{0,62}$/;
/** How long a publish waits for table locks held by running queries before giving up. */
const LOCK_TIMEOUT = '15s';

@Injectable()
export class MetadataStoreService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('MetadataStore');
  private readonly cache = new Map<string, CurrentVersion>();
  private readonly loading = new Map<string, Promise<CurrentVersion>>();
  private readonly listeners = new Set<PublishListener>();
  private changeListener?: ChannelListener;
  private beforeStep?: BeforeStepHook;
  private readonly stepExecutors = new Map<string, PlanStepExecutor>();
  private readonly documentChecks: DocumentCheck[] = [];
  private readonly afterSteps: AfterStepsHook[] = [];
  /** Versions whose suspended components were logged already (`workspace:version`). */
  private readonly warned = new Set<string>();

  constructor(private readonly database: DatabaseService) {}

  async onModuleInit(): Promise<void> {
    this.changeListener = metadataChangeListener(
      () => this.database.connectDedicated(),
      (notification) => void this.onRemoteChange(notification),
      (error) => this.logger.warn(`metadata change listener: ${String(error)}`),
    );
    await this.changeListener.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.changeListener?.stop();
  }

  /** The current version of a workspace (cached; version 0 = `{ entities: {} }` when none is published). */
  async current(workspace: string): Promise<CurrentVersion> {
    const cached = this.cache.get(workspace);
    if (cached) return cached;
    let loading = this.loading.get(workspace);
    if (!loading) {
      loading = this.loadCurrent(workspace).finally(() => this.loading.delete(workspace));
      this.loading.set(workspace, loading);
    }
    const loaded = await loading;
    const latest = this.cache.get(workspace);
    if (latest && latest.version >= loaded.version) return latest;
    this.cache.set(workspace, loaded);
    return loaded;
  }

  /** Published versions, newest first (version 0 is not listed). */
  async history(workspace: string, limit = 50): Promise<PublishedVersion[]> {
    const rows = await this.repository().find({
      where: { workspace },
      order: { version: 'DESC' },
      take: Math.max(1, Math.min(limit, 1000)),
    });
    return rows.map(toPublished);
  }

  /** One version; 0 is the empty document; null when it does not exist. */
  async version(workspace: string, version: number): Promise<PublishedVersion | null> {
    if (version === 0) return versionZero(workspace);
    const row = await this.repository().findOneBy({ workspace, version });
    return row ? toPublished(row) : null;
  }

  /**
   * Every problem of a document (empty = valid). With `base` (the stored current document), problems `base` has
   * too are let through: those of components a missing plugin suspended, which a publish may keep as they are.
   */
  validate(document: unknown, base?: MetadataDocument): MetadataProblem[] {
    return this.check(document as MetadataDocument, base).problems;
  }

  /** validate's problems, and the document as it would be served (validated once; `base` only when needed). */
  private check(document: MetadataDocument, base?: MetadataDocument): { problems: MetadataProblem[]; serving: ServedDocument } {
    const problems = validateDocument(document);
    const fresh = base && problems.length > 0 ? problemsBeyond(problems, validateDocument(base)) : problems;
    // The server's own checks (e.g. roll-up filters the SQL compiler must handle) expect a valid document.
    if (fresh.length > 0) return { problems: fresh, serving: { document, suspended: [] } };
    const serving = problems.length > 0 ? servedDocument(document) : { document, suspended: [] };
    // Saved views: their filters must compile to SQL, their sort fields be sortable (rules/view-problems).
    const checks = [...viewProblems(serving.document), ...this.documentChecks.flatMap((check) => check(serving.document))];
    return { problems: checks, serving };
  }

  /**
   * Registers what a capability adds to every publish: a check of the document beyond metadata's (its problems
   * refuse the publish and show in previews), or the executor of plan steps of one `kind` that carry no SQL (run
   * in plan order inside the publish transaction, with the new document). For modules that depend on this one.
   */
  extendPublish(extension: { check?: DocumentCheck; steps?: Record<string, PlanStepExecutor>; afterSteps?: AfterStepsHook }): void {
    if (extension.check) this.documentChecks.push(extension.check);
    if (extension.afterSteps) this.afterSteps.push(extension.afterSteps);
    for (const [kind, executor] of Object.entries(extension.steps ?? {})) this.stepExecutors.set(kind, executor);
  }

  /** What publishing `document` on the current version would change, without changing anything. */
  async preview(workspace: string, document: unknown): Promise<MetadataPreview> {
    const current = await this.current(workspace);
    const problems = this.validate(document, current.document);
    if (problems.length > 0) {
      return { valid: false, problems, baseVersion: current.version, steps: [], destructive: false, changes: [] };
    }
    const doc = document as MetadataDocument;
    const diff = diffDocuments(current.document, doc);
    const setAside = await readSetAsideInventory(this.database.dataSource, workspace);
    const plan = planMigration(current.document, doc, diff, { schema: workspace, version: current.version + 1, setAside });
    const planProblems = plan.problems ?? [];
    return {
      valid: planProblems.length === 0,
      problems: planProblems,
      baseVersion: current.version,
      steps: plan.steps,
      destructive: plan.destructive,
      changes: diff.changes,
    };
  }

  /**
   * Publishes `document` as the next version: validates it, migrates the workspace's tables and stores
   * the version, all in one transaction (nothing changes when any step fails).
   * Errors: VERSION_CONFLICT, METADATA_INVALID (extensions.problems), MIGRATION_FAILED (extensions.step).
   */
  async publish(ctx: RequestContext, document: unknown, options: PublishOptions = {}): Promise<CurrentVersion> {
    const workspace = assertWorkspace(ctx.workspace);
    const queryRunner = this.database.dataSource.createQueryRunner('master');
    await queryRunner.connect();
    let published: CurrentVersion;
    try {
      await queryRunner.startTransaction();
      await queryRunner.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`trellis.metadata:${workspace}`]);
      await queryRunner.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
      // Record changes this publish makes (recomputed formulas and roll-ups, a pack's seed records) are the publisher's.
      // A publish's recomputes (formulas, roll-ups) and a pack's seed records are not record events: they start no workflow.
      await queryRunner.query(
        `SELECT set_config('trellis.actor', $1, true), set_config('trellis.source', 'system', true), set_config('trellis.workflow_events', 'off', true)`,
        [actorLabel(ctx.actor)],
      );
      const current = await this.readCurrent(workspace, queryRunner);
      const baseVersion = options.baseVersion;
      if (baseVersion !== undefined && baseVersion !== null && baseVersion !== current.version) {
        throw apiError(
          'VERSION_CONFLICT',
          `The metadata changed since version ${baseVersion}: the current version is ${current.version}. Reload and publish again.`,
          { baseVersion, currentVersion: current.version },
        );
      }
      const doc = document as MetadataDocument;
      // `serving` is what the new version runs: steps, hooks and seed data see it, not the components it must suspend.
      const { problems, serving } = this.check(doc, current.document);
      if (problems.length > 0) throw invalid(problems);
      const version = current.version + 1;
      await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(workspace)}`);
      const diff = diffDocuments(current.document, doc);
      // Read under the publish lock: exactly what this plan's renames will find.
      const setAside = await readSetAsideInventory(queryRunner, workspace);
      const plan = planMigration(current.document, doc, diff, { schema: workspace, version, setAside });
      // Changes the plan cannot carry out on the current tables (e.g. a type change without conversion).
      if (plan.problems?.length) throw invalid(plan.problems);
      await this.runPlan(plan, queryRunner, serving.document, workspace);
      for (const hook of this.afterSteps) await hook(transactionClient(queryRunner), serving.document, workspace, version);
      const row: MetadataVersionEntity = Object.assign(new MetadataVersionEntity(), {
        workspace,
        version,
        document: doc,
        author: actorLabel(ctx.actor),
        message: options.message ?? null,
        changes: diff.changes,
        plan,
      });
      const inserted = await queryRunner.query(
        `INSERT INTO "trellis"."metadata_version" (workspace, version, document, author, message, changes, plan)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING created_at`,
        [row.workspace, row.version, JSON.stringify(doc), row.author, row.message, JSON.stringify(row.changes), JSON.stringify(plan)],
      );
      row.createdAt = (inserted as { created_at: Date }[])[0]!.created_at;
      // Work that must commit or roll back with this version (a pack's seed records).
      if (options.inTransaction) await options.inTransaction(transactionClient(queryRunner), serving.document);
      await queryRunner.query('SELECT pg_notify($1, $2)', [METADATA_CHANNEL, JSON.stringify({ workspace, version })]);
      await queryRunner.commitTransaction();
      published = this.serve(toPublished(row), serving);
    } catch (error) {
      if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await queryRunner.release();
    }
    this.accept(published);
    return published;
  }

  /**
   * Publishes an earlier version's document as a new version (the studio's "revert"). Fields and entities the
   * versions in between removed come back with their data (their moved-aside columns and tables are renamed back).
   */
  async revert(ctx: RequestContext, version: number, message?: string | null): Promise<CurrentVersion> {
    const target = await this.version(ctx.workspace, version);
    if (!target) throw apiError('NOT_FOUND', `Metadata version ${version} does not exist`);
    return this.publish(ctx, target.document, { message: message ?? `Revert to version ${version}` });
  }

  /** Registers a listener for committed publishes; returns its unsubscribe function. */
  onPublish(listener: PublishListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Test-only failure injection: runs before each plan step inside the publish transaction. */
  setBeforeStepHook(hook: BeforeStepHook | undefined): void {
    this.beforeStep = hook;
  }

  private async runPlan(plan: MigrationPlan, queryRunner: QueryRunner, document: MetadataDocument, workspace: string): Promise<void> {
    for (const [index, step] of plan.steps.entries()) {
      let sql = '';
      try {
        await this.beforeStep?.(step, index, queryRunner);
        for (sql of step.sql) await queryRunner.query(sql);
        await this.stepExecutors.get(step.kind)?.(step, transactionClient(queryRunner), document, workspace);
      } catch (error) {
        const postgresMessage = postgresError(error);
        throw apiError(
          'MIGRATION_FAILED',
          `Migration step ${index + 1} of ${plan.steps.length} failed (${step.description}): ${postgresMessage}. Nothing was applied.`,
          { step: step.description, stepIndex: index, sql, postgresMessage },
        );
      }
    }
  }

  /** Caches a committed version and tells listeners, unless a newer one is already known. */
  private accept(published: CurrentVersion): void {
    const known = this.cache.get(published.workspace);
    if (known && known.version >= published.version) return;
    this.cache.set(published.workspace, published);
    this.emit(published);
  }

  private emit(published: CurrentVersion): void {
    for (const listener of this.listeners) {
      try {
        listener(published.workspace, { version: published.version, document: published.served });
      } catch (error) {
        this.logger.error(`publish listener failed: ${String(error)}`);
      }
    }
  }

  /** Another instance published (or the listener reconnected: `null`): reload and tell our listeners. */
  private async onRemoteChange(notification: MetadataNotification | null): Promise<void> {
    const workspaces = notification ? [notification.workspace] : [...this.cache.keys()];
    for (const workspace of workspaces) {
      const known = this.cache.get(workspace);
      if (!known || (notification && known.version >= notification.version)) continue;
      try {
        this.accept(await this.loadCurrent(workspace));
      } catch (error) {
        this.cache.delete(workspace); // serve a fresh read next time rather than a stale version
        this.logger.warn(`could not reload metadata of ${workspace}: ${String(error)}`);
      }
    }
  }

  private async loadCurrent(workspace: string): Promise<CurrentVersion> {
    const row = await this.repository().findOne({ where: { workspace }, order: { version: 'DESC' } });
    return this.serve(row ? toPublished(row) : versionZero(workspace));
  }

  /** The version as this server can run it (see CurrentVersion), saying once per version what it must leave out. */
  private serve(published: PublishedVersion, serving: ServedDocument = servedDocument(published.document)): CurrentVersion {
    const current: CurrentVersion = { ...published, served: serving.document, suspended: serving.suspended };
    if (current.suspended.length > 0 && !this.warned.has(`${current.workspace}:${current.version}`)) {
      this.warned.add(`${current.workspace}:${current.version}`);
      const list = current.suspended.map((s) => `${s.path} (${s.message})`).join('; ');
      this.logger.warn(
        `Workspace "${current.workspace}" version ${current.version} runs without ${current.suspended.length} component(s) that need a plugin which is not loaded; their data is kept and they come back when it loads: ${list}`,
      );
    }
    return current;
  }

  private async readCurrent(workspace: string, queryRunner: QueryRunner): Promise<PublishedVersion> {
    const row = await queryRunner.manager.findOne(MetadataVersionEntity, { where: { workspace }, order: { version: 'DESC' } });
    return row ? toPublished(row) : versionZero(workspace);
  }

  private repository() {
    return this.database.dataSource.getRepository(MetadataVersionEntity);
  }
}

/** The pg client under a TypeORM postgres QueryRunner, for code that speaks plain `pg` (the record service). */
function transactionClient(queryRunner: QueryRunner): PoolClient {
  return (queryRunner as unknown as { databaseConnection: PoolClient }).databaseConnection;
}

function versionZero(workspace: string): PublishedVersion {
  return {
    workspace,
    version: 0,
    document: emptyDocument(),
    author: 'system:trellis',
    message: null,
    changes: [],
    plan: { steps: [], destructive: false },
    createdAt: new Date(0),
  };
}

function toPublished(row: MetadataVersionEntity): PublishedVersion {
  return {
    workspace: row.workspace,
    version: row.version,
    document: row.document,
    author: row.author,
    message: row.message ?? null,
    changes: row.changes,
    plan: row.plan,
    createdAt: row.createdAt,
  };
}

function invalid(problems: MetadataProblem[]): GraphQLError {
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return apiError('METADATA_INVALID', `The metadata document is invalid: ${first.path}: ${first.message}${more}`, { problems });
}

function assertWorkspace(workspace: string): string {
  if (!WORKSPACE_NAME.test(workspace)) throw apiError('BAD_USER_INPUT', `Invalid workspace name: ${workspace}`);
  return workspace;
}

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** The Postgres message of a failed query (TypeORM wraps it in QueryFailedError.driverError). */
function postgresError(error: unknown): string {
  const driver = (error as { driverError?: { message?: string } } | null)?.driverError;
  if (driver?.message) return driver.message;
  return error instanceof Error ? error.message : String(error);
}
