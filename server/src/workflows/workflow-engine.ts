/**
 * The after-save engine of one instance: keeps the workflow tables in step with each publish (outbox
 * triggers, versions, schedules, timers, webhook secrets — inside the publish transaction), and runs the
 * dispatcher (events → runs), the worker (runs → steps) and the scheduler (cron, timers) on notifications
 * and a poll. Several instances on one database share the work; stopping one leaves its runs to the others.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { MetadataDocument } from '@trellis/metadata';
import type pg from 'pg';
import { DEFAULT_WORKSPACE } from '../common/request-context.js';
import type { ChannelListener } from '../database/channel-listener.js';
import { DatabaseService } from '../database/database.service.js';
import { MetadataStoreService } from '../metadata-store/metadata-store.service.js';
import { workflowNotificationListener } from './notification-listener.js';
import { RunExecutor } from './run-executor.js';
import { StepRegistry } from './step-registry.js';
import { WorkflowCatalog } from './workflow-catalog.js';
import { WorkflowDispatcher } from './workflow-dispatcher.js';
import { syncEventTriggers } from './workflow-event-triggers.js';
import { WORKFLOW_OPTIONS, type WorkflowOptions } from './workflow-options.js';
import { purgeWorkflowRuns } from './workflow-retention.js';
import { syncSchedules, syncTimers } from './workflow-schedules.js';
import { WorkflowScheduler } from './workflow-scheduler.js';
import { ensureWebhookSecrets } from './workflow-secrets.js';
import { recordWorkflowVersions } from './workflow-versions.js';
import { WorkflowWorker } from './workflow-worker.js';

const RETENTION_EVERY_MS = 60 * 60 * 1000;

@Injectable()
export class WorkflowEngine implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Workflows');
  readonly instanceId: string;
  readonly dispatcher: WorkflowDispatcher;
  readonly scheduler: WorkflowScheduler;
  readonly worker: WorkflowWorker;
  private listener?: ChannelListener;
  private pollTimer?: NodeJS.Timeout;
  private retentionTimer?: NodeJS.Timeout;
  private dueTimer?: NodeJS.Timeout;
  private dispatching = false;
  private dispatchAgain = false;
  private stopped = false;

  constructor(
    private readonly database: DatabaseService,
    private readonly store: MetadataStoreService,
    private readonly catalog: WorkflowCatalog,
    registry: StepRegistry,
    @Inject(WORKFLOW_OPTIONS) private readonly options: WorkflowOptions,
  ) {
    this.instanceId = options.instanceId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.dispatcher = new WorkflowDispatcher(database, catalog, options);
    this.scheduler = new WorkflowScheduler(database, catalog, options);
    this.worker = new WorkflowWorker(database, new RunExecutor(database, store, registry, options), options, this.instanceId);
  }

  onModuleInit(): void {
    this.store.extendPublish({
      afterSteps: (client, document, workspace, version) => this.syncTables(client, document, workspace, version),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const current = await this.store.current(DEFAULT_WORKSPACE);
    await this.database.transaction(async (client) => {
      // The publish lock: no publish changes the tables meanwhile (and two instances starting do this in turn).
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`trellis.metadata:${DEFAULT_WORKSPACE}`]);
      const changed = await syncEventTriggers(client, DEFAULT_WORKSPACE, current.served);
      if (changed.length > 0) this.logger.log(`Workflow event triggers changed on: ${changed.join(', ')}`);
      if (current.version > 0) await this.syncTables(client, current.served, DEFAULT_WORKSPACE, current.version, false);
    });
    if (!this.options.enabled) return;
    this.listener = workflowNotificationListener(
      () => this.database.connectDedicated(),
      (kind) => (kind === 'event' ? this.dispatch() : this.worker.wake()),
      (error) => this.logger.warn(`workflow notification listener: ${String(error)}`),
    );
    await this.listener.start();
    this.worker.start();
    this.pollTimer = setInterval(() => this.tick(), this.options.pollMs);
    this.pollTimer.unref();
    this.retentionTimer = setInterval(() => void this.purge(), RETENTION_EVERY_MS);
    this.retentionTimer.unref();
    void this.purge();
    this.tick();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.pollTimer);
    clearInterval(this.retentionTimer);
    clearTimeout(this.dueTimer);
    await this.listener?.stop();
    await this.worker.stop(this.options.shutdownGraceMs);
    // Let a dispatch or scheduler pass in flight finish before the pool closes.
    for (let i = 0; this.dispatching && i < 100; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  /** Inside a publish (or at start-up): outbox triggers, versions, schedules, timers and secrets follow the document. */
  private async syncTables(client: pg.PoolClient, document: MetadataDocument, workspace: string, version: number, publishing = true): Promise<void> {
    if (publishing) await syncEventTriggers(client, workspace, document);
    const { rows } = await client.query<{ actor: string | null }>(`SELECT nullif(current_setting('trellis.actor', true), '') AS actor`);
    const changed = await recordWorkflowVersions(client, workspace, document, version, rows[0]?.actor ?? null);
    const now = this.options.clock();
    await syncSchedules(client, workspace, document, now, this.options.timeZone);
    await syncTimers(client, workspace, document, new Set(changed), now, this.options.timeZone);
    await ensureWebhookSecrets(client, workspace, document);
  }

  /** One poll: events, due schedules and timers, due and crashed runs. */
  private tick(): void {
    if (this.stopped) return;
    this.dispatch();
    this.worker.wake();
  }

  /** Dispatches outbox events and fires due schedules (one pass at a time per instance). */
  dispatch(): void {
    if (this.stopped) return;
    if (this.dispatching) {
      this.dispatchAgain = true;
      return;
    }
    this.dispatching = true;
    void (async () => {
      try {
        const created = (await this.dispatcher.drain()) + (await this.scheduler.fireDue());
        if (created > 0) this.worker.wake();
        await this.wakeAtNextDue();
      } catch (error) {
        if (!this.stopped) this.logger.error(`dispatching workflow events failed: ${String(error)}`);
      } finally {
        this.dispatching = false;
        if (this.dispatchAgain && !this.stopped) {
          this.dispatchAgain = false;
          this.dispatch();
        }
      }
    })();
  }

  /** A schedule or timer due before the next poll gets its own wake-up (cron to the second). */
  private async wakeAtNextDue(): Promise<void> {
    const next = await this.scheduler.nextDue();
    if (!next || this.stopped) return;
    const delay = next.getTime() - this.options.clock().getTime();
    if (delay >= this.options.pollMs) return;
    clearTimeout(this.dueTimer);
    this.dueTimer = setTimeout(() => this.dispatch(), Math.max(0, delay) + 5);
    this.dueTimer.unref();
  }

  private async purge(): Promise<void> {
    try {
      const removed = await purgeWorkflowRuns(this.database.pool, this.options.runDays, this.options.clock());
      if (removed > 0) this.logger.log(`Removed ${removed} workflow runs older than ${this.options.runDays} days`);
    } catch (error) {
      if (!this.stopped) this.logger.error(`workflow run purge failed: ${String(error)}`);
    }
  }
}
