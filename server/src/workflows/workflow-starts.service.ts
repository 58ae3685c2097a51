/**
 * Runs started by request rather than by the outbox or the scheduler: the manual trigger (a record page
 * button, `runWorkflow`), "run now" of other workflows by a metadata manager, and inbound webhooks.
 */
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { WorkflowDefinition } from '@trellis/metadata';
import { conditionHolds, workflowContext, type RecordValues, type RuleUser } from '@trellis/runtime';
import { requireCapability } from '../auth/capabilities.js';
import { actorLabel, type RequestContext } from '../common/request-context.js';
import { DatabaseService } from '../database/database.service.js';
import { MetadataStoreService } from '../metadata-store/metadata-store.service.js';
import { dataModelOf } from '../records/data-model.js';
import { badUserInput, notFound } from '../records/record-errors.js';
import { ruleUser } from '../records/record-rules.js';
import { readRecordValues } from './record-values.js';
import { insertRuns, runKey } from './run-store.js';
import { WorkflowCatalog } from './workflow-catalog.js';
import { errorMessage } from './workflow-dispatcher.js';
import { WorkflowEngine } from './workflow-engine.js';
import { isActive } from './workflow-event-triggers.js';
import { WORKFLOW_OPTIONS, type WorkflowOptions } from './workflow-options.js';
import { WorkflowRunsService } from './workflow-runs.service.js';
import { secretMatches } from './workflow-secrets.js';
import type { WorkflowButton, WorkflowRun } from './workflows.types.js';

interface StartInput {
  workspace: string;
  name: string;
  definition: WorkflowDefinition;
  version: number;
  record: RecordValues | null;
  user: RuleUser | null;
  payload?: unknown;
  triggerKey: string;
  actor: string | null;
}

@Injectable()
export class WorkflowStartsService {
  constructor(
    private readonly database: DatabaseService,
    private readonly store: MetadataStoreService,
    private readonly catalog: WorkflowCatalog,
    private readonly runs: WorkflowRunsService,
    private readonly engine: WorkflowEngine,
    @Inject(WORKFLOW_OPTIONS) private readonly options: WorkflowOptions,
  ) {}

  /**
   * Starts `name` now. A manual workflow needs a record of its entity the caller may read; other workflows
   * ("run now") need manageMetadata. Its condition must hold.
   */
  async runManually(ctx: RequestContext, name: string, recordId: string | null): Promise<WorkflowRun> {
    const found = await this.catalog.workflow(ctx.workspace, name);
    if (!found) throw notFound(`No published workflow named "${name}"`);
    const { definition, version, document } = found;
    if (!isActive(definition)) throw badUserInput(`Workflow "${name}" is inactive: activate and publish it first.`);
    if (definition.timing === 'beforeSave') throw badUserInput(`Workflow "${name}" runs before saves only; it cannot be started by hand.`);
    const trigger = definition.trigger;
    if (trigger.type !== 'manual') await requireCapability(this.store, ctx, 'manageMetadata');
    const entityName = 'entity' in trigger ? trigger.entity : null;
    let record: RecordValues | null = null;
    if (entityName) {
      if (recordId == null) throw badUserInput(`Workflow "${name}" runs on a ${entityName} record: give its recordId.`);
      await this.runs.assertReadable(ctx, entityName, recordId);
      record = await readRecordValues(this.database.pool, dataModelOf(document, ctx.workspace).entities.get(entityName)!, recordId);
      if (!record) throw notFound(`No ${entityName} record with id ${recordId}`);
    }
    const id = await this.start({
      workspace: ctx.workspace,
      name,
      definition,
      version,
      record,
      user: ruleUser(ctx.actor),
      triggerKey: `manual:${randomUUID()}`,
      actor: actorLabel(ctx.actor),
    });
    if (!id) throw badUserInput(`The condition of workflow "${name}" does not hold${record ? ' for this record' : ''}: nothing was started.`);
    return (await this.runs.get(ctx, id))!;
  }

  /**
   * An inbound webhook: the run's id, or null when there is no such active webhook workflow or the secret is
   * wrong (the caller answers 404 to all of those alike). `idempotencyKey` (the request's Idempotency-Key)
   * makes a re-sent request return the first run instead of starting another.
   */
  async receiveWebhook(workspace: string, name: string, secret: string, payload: unknown, idempotencyKey?: string): Promise<string | null> {
    const found = await this.catalog.workflow(workspace, name);
    const matches = await secretMatches(this.database.pool, workspace, name, secret);
    if (!found || !matches || !isActive(found.definition) || found.definition.trigger.type !== 'webhook') return null;
    const triggerKey = idempotencyKey ? `webhook:key:${idempotencyKey}` : `webhook:${randomUUID()}`;
    const id = await this.start({ workspace, name, definition: found.definition, version: found.version, record: null, user: null, payload, triggerKey, actor: 'system:webhook' });
    if (id) return id;
    const { rows } = await this.database.pool.query<{ id: string }>(
      `SELECT id::text FROM "trellis"."workflow_run" WHERE workspace = $1 AND workflow = $2 AND trigger_key = $3`,
      [workspace, name, triggerKey],
    );
    return rows[0]?.id ?? null;
  }

  /** The record page's buttons: active manual workflows of the entity, by name. */
  async buttons(ctx: RequestContext, entity: string): Promise<WorkflowButton[]> {
    const { document } = await this.catalog.current(ctx.workspace);
    return Object.entries(document.workflows ?? {})
      .filter(([, def]) => isActive(def) && def.trigger.type === 'manual' && def.trigger.entity === entity)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([workflow, def]) => ({ workflow, label: (def.trigger.type === 'manual' && def.trigger.buttonLabel) || def.label }));
  }

  /** Creates the run (null when the condition is false, or the trigger key was used — see receiveWebhook). */
  private async start(input: StartInput): Promise<string | null> {
    const now = this.options.clock();
    const context = workflowContext({
      trigger: input.payload === undefined ? { type: input.definition.trigger.type } : { type: input.definition.trigger.type, payload: input.payload },
      record: input.record,
      user: input.user,
      now,
    });
    let holds: boolean;
    try {
      holds = conditionHolds(input.definition, context);
    } catch (error) {
      throw badUserInput(`The condition of workflow "${input.name}" could not be evaluated: ${errorMessage(error)}`);
    }
    if (!holds) return null;
    const inserted = await insertRuns(
      this.database.pool,
      [
        {
          workspace: input.workspace,
          workflow: input.name,
          version: input.version,
          definition: input.definition,
          triggerType: input.definition.trigger.type,
          entity: input.record ? (input.definition.trigger as { entity: string }).entity : null,
          recordId: (input.record?.['id'] as string | undefined) ?? null,
          triggerKey: input.triggerKey,
          context,
          depth: 1,
          chain: [input.name],
          actor: input.actor,
          runAt: now,
        },
      ],
      now,
    );
    const id = inserted.get(runKey(input.name, input.triggerKey)) ?? null;
    if (id) {
      await this.database.pool.query(`SELECT pg_notify('trellis_workflow', 'run')`);
      this.engine.worker.wake();
    }
    return id;
  }
}
