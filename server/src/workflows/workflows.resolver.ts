/**
 * Workflows on the /metadata API: run history and control, versions, webhook URLs, the studio's action
 * catalogue, record page buttons, manual runs and dry runs. Permissions: manageMetadata for everything except
 * the runs of a record the caller may read, the buttons and starting a manual workflow.
 */
import type { IncomingMessage } from 'node:http';
import { Inject, Optional, UseFilters } from '@nestjs/common';
import { Args, Context, GraphQLISODateTime, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { MetadataDocument } from '@trellis/metadata';
import { requireCapability } from '../auth/capabilities.js';
import { httpRequestContext, type RequestContext } from '../common/request-context.js';
import { DatabaseService } from '../database/database.service.js';
import { JSONScalar } from '../metadata-store/json.scalar.js';
import { MetadataErrorFilter } from '../metadata-store/metadata-error.filter.js';
import { MetadataStoreService } from '../metadata-store/metadata-store.service.js';
import { badUserInput } from '../records/record-errors.js';
import { dataModelOf } from '../records/data-model.js';
import { dryRunWorkflow } from './dry-run.js';
import { WorkflowActionRegistry } from './steps/plugin-actions.js';
import { StepRegistry } from './step-registry.js';
import { builtInActionTypes } from './workflow-action-types.js';
import { WORKFLOW_OPTIONS, type WorkflowOptions } from './workflow-options.js';
import { WorkflowRunsService } from './workflow-runs.service.js';
import { ensureSecret, rotateSecret, webhookPath } from './workflow-secrets.js';
import { WorkflowStartsService } from './workflow-starts.service.js';
import {
  WorkflowActionType,
  WorkflowButton,
  WorkflowDryRun,
  WorkflowRun,
  WorkflowRunCounts,
  WorkflowRunPage,
  WorkflowStepRun,
  WorkflowVersion,
  WorkflowWebhook,
} from './workflows.types.js';

const WORKFLOW_NAME = /^[a-z][A-Za-z0-9]{0,62}$/;

@Resolver(() => WorkflowRun)
@UseFilters(MetadataErrorFilter)
export class WorkflowsResolver {
  constructor(
    private readonly runs: WorkflowRunsService,
    private readonly starts: WorkflowStartsService,
    private readonly store: MetadataStoreService,
    private readonly database: DatabaseService,
    private readonly registry: StepRegistry,
    @Inject(WORKFLOW_OPTIONS) private readonly options: WorkflowOptions,
    @Optional() private readonly pluginActions?: WorkflowActionRegistry,
  ) {}

  private async manager(req: IncomingMessage): Promise<RequestContext> {
    const ctx = httpRequestContext(req);
    await requireCapability(this.store, ctx, 'manageMetadata');
    return ctx;
  }

  @Query(() => WorkflowRunPage, { description: 'Runs, newest first. Without manageMetadata: only with the recordId of a record you may read.' })
  workflowRuns(
    @Context('req') req: IncomingMessage,
    @Args('workflow', { type: () => String, nullable: true }) workflow?: string | null,
    @Args('entity', { type: () => String, nullable: true }) entity?: string | null,
    @Args('recordId', { type: () => ID, nullable: true }) recordId?: string | null,
    @Args('status', { type: () => [String], nullable: true }) status?: string[] | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first?: number | null,
    @Args('before', { type: () => GraphQLISODateTime, nullable: true }) before?: Date | null,
  ): Promise<WorkflowRunPage> {
    return this.runs.list(httpRequestContext(req), { workflow, entity, recordId, status, first: first ?? 50, before });
  }

  @Query(() => WorkflowRun, { nullable: true })
  workflowRun(@Context('req') req: IncomingMessage, @Args('id', { type: () => ID }) id: string): Promise<WorkflowRun | null> {
    return this.runs.get(httpRequestContext(req), id);
  }

  @ResolveField(() => [WorkflowStepRun], { description: 'Each step try, oldest first.' })
  steps(@Parent() run: WorkflowRun): Promise<WorkflowStepRun[]> {
    return this.runs.steps(run.id);
  }

  @Query(() => WorkflowRunCounts)
  workflowRunCounts(@Context('req') req: IncomingMessage, @Args('workflow', { type: () => String, nullable: true }) workflow?: string | null): Promise<WorkflowRunCounts> {
    return this.runs.counts(httpRequestContext(req), workflow);
  }

  @Query(() => [WorkflowVersion], { description: 'Published versions of a workflow, newest first.' })
  workflowVersions(@Context('req') req: IncomingMessage, @Args('workflow') workflow: string): Promise<WorkflowVersion[]> {
    return this.runs.versions(httpRequestContext(req), workflow);
  }

  @Query(() => WorkflowWebhook, { description: "The workflow's inbound webhook URL (relative) and secret." })
  async workflowWebhook(@Context('req') req: IncomingMessage, @Args('workflow') workflow: string): Promise<WorkflowWebhook> {
    const ctx = await this.manager(req);
    const secret = await ensureSecret(this.database.pool, ctx.workspace, validName(workflow));
    return { url: webhookPath(workflow, secret), secret };
  }

  @Mutation(() => WorkflowWebhook, { description: 'A new secret: the old URL stops working at once.' })
  async rotateWorkflowSecret(@Context('req') req: IncomingMessage, @Args('workflow') workflow: string): Promise<WorkflowWebhook> {
    const ctx = await this.manager(req);
    const secret = await rotateSecret(this.database.pool, ctx.workspace, validName(workflow));
    return { url: webhookPath(workflow, secret), secret };
  }

  @Query(() => [WorkflowActionType], { description: 'Step types for the editor: the built-in ones and plugin actions.' })
  workflowActions(@Context('req') req: IncomingMessage): WorkflowActionType[] {
    httpRequestContext(req);
    const plugins = (this.pluginActions?.list() ?? []).map((a) => ({
      type: a.type,
      label: a.label,
      description: a.description ?? null,
      plugin: a.plugin,
      schema: a.schema,
      beforeSave: false,
    }));
    return [...builtInActionTypes(), ...plugins];
  }

  @Query(() => [WorkflowButton], { description: "The record page's workflow buttons: active manual workflows of the entity." })
  workflowButtons(@Context('req') req: IncomingMessage, @Args('entity') entity: string): Promise<WorkflowButton[]> {
    return this.starts.buttons(httpRequestContext(req), entity);
  }

  @Mutation(() => WorkflowRun, { description: 'Starts a manual workflow on a record you may read (other workflows: manageMetadata).' })
  runWorkflow(
    @Context('req') req: IncomingMessage,
    @Args('workflow') workflow: string,
    @Args('recordId', { type: () => ID, nullable: true }) recordId?: string | null,
  ): Promise<WorkflowRun> {
    return this.starts.runManually(httpRequestContext(req), workflow, recordId ?? null);
  }

  @Mutation(() => WorkflowDryRun, { description: 'Tests a draft workflow against a record or payload: what each step would do. Writes nothing.' })
  async testWorkflow(
    @Context('req') req: IncomingMessage,
    @Args('document', { type: () => JSONScalar }) document: MetadataDocument,
    @Args('workflow') workflow: string,
    @Args('recordId', { type: () => ID, nullable: true }) recordId?: string | null,
    @Args('payload', { type: () => JSONScalar, nullable: true }) payload?: unknown,
  ): Promise<WorkflowDryRun> {
    const ctx = await this.manager(req);
    if (document === null || typeof document !== 'object') throw badUserInput('"document" must be a metadata document object.');
    const published = await this.store.current(ctx.workspace);
    return dryRunWorkflow(this.database, this.registry, {
      ctx,
      document,
      name: workflow,
      recordId: recordId ?? null,
      payload: payload ?? null,
      model: dataModelOf(published.served, ctx.workspace),
      assertReadable: (entity, id) => this.runs.assertReadable(ctx, entity, id),
      now: this.options.clock(),
      timeZone: this.options.timeZone,
    });
  }

  @Mutation(() => WorkflowRun, { description: 'A dead or cancelled run goes back to the queue, resuming at the failed step.' })
  retryWorkflowRun(@Context('req') req: IncomingMessage, @Args('id', { type: () => ID }) id: string): Promise<WorkflowRun> {
    return this.runs.retry(httpRequestContext(req), id);
  }

  @Mutation(() => WorkflowRun, { description: 'A queued, waiting or dead run is cancelled.' })
  cancelWorkflowRun(@Context('req') req: IncomingMessage, @Args('id', { type: () => ID }) id: string): Promise<WorkflowRun> {
    return this.runs.cancel(httpRequestContext(req), id);
  }
}

function validName(workflow: string): string {
  if (!WORKFLOW_NAME.test(workflow)) throw badUserInput(`"${workflow}" is not a workflow name (camelCase, e.g. followUpWonDeals).`);
  return workflow;
}
