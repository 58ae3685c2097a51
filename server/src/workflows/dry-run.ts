/**
 * A test run of a DRAFT workflow against a chosen record (or payload): each step's executor describes what
 * it would do (`dryRun: true`), `if` takes its branch, `wait` is noted and passed. Nothing is written: the
 * executors promise it, and everything runs in a transaction that is rolled back anyway.
 */
import type { MetadataDocument, WorkflowDefinition, WorkflowStep } from '@trellis/metadata';
import { conditionHolds, dateRelativeFireAt, evaluateExpression, renderTemplate, workflowContext, type RecordValues, type WorkflowContext } from '@trellis/runtime';
import type pg from 'pg';
import type { RequestContext } from '../common/request-context.js';
import type { DatabaseService } from '../database/database.service.js';
import type { DataModel } from '../records/data-model.js';
import { badUserInput, notFound } from '../records/record-errors.js';
import { ruleUser } from '../records/record-rules.js';
import { readRecordValues } from './record-values.js';
import type { StepRegistry } from './step-registry.js';
import { setStepSession } from './step-transaction.js';
import { waitUntil } from './wait-until.js';
import { workflowActor } from './workflow-actor.js';
import { errorMessage } from './workflow-dispatcher.js';
import type { DryRunStep, WorkflowDryRun } from './workflows.types.js';

export interface DryRunInput {
  ctx: RequestContext;
  /** The draft document holding the workflow. */
  document: MetadataDocument;
  name: string;
  recordId: string | null;
  payload: unknown;
  /** The published data model (where the record is read from). */
  model: DataModel;
  /** Whether the caller may read the record (NOT_FOUND otherwise). */
  assertReadable: (entity: string, id: string) => Promise<void>;
  now: Date;
  timeZone: string;
}

export async function dryRunWorkflow(database: DatabaseService, registry: StepRegistry, input: DryRunInput): Promise<WorkflowDryRun> {
  const definition = input.document?.workflows?.[input.name];
  if (!definition || typeof definition !== 'object' || !definition.trigger || !Array.isArray(definition.steps)) {
    throw badUserInput(`The document has no workflow "${input.name}" with a trigger and steps.`);
  }
  const trigger = definition.trigger;
  const entity = 'entity' in trigger ? trigger.entity : null;
  let record: RecordValues | null = null;
  if (entity && input.recordId) {
    const model = input.model.entities.get(entity);
    if (!model) throw badUserInput(`Entity "${entity}" is not published yet: publish it, then test the workflow on one of its records.`);
    await input.assertReadable(entity, input.recordId);
    record = await readRecordValues(database.pool, model, input.recordId);
    if (!record) throw notFound(`No ${entity} record with id ${input.recordId}`);
  }
  const ctx = workflowContext({
    trigger: input.payload == null ? { type: trigger.type } : { type: trigger.type, payload: input.payload },
    record,
    // An update trigger's `previous`: the record as stored (the test simulates a save that changes nothing else).
    previous: trigger.type === 'recordUpdated' || trigger.type === 'fieldChanged' ? record : null,
    user: ruleUser(input.ctx.actor),
    now: input.now,
  });
  const triggerMatched = entity === null || (record !== null && (trigger.type !== 'dateRelative' || dateRelativeFireAt(trigger, stringOrNull(record[trigger.field]), input.timeZone) !== null));
  let conditionMet = false;
  let error: string | null = null;
  try {
    conditionMet = conditionHolds(definition, ctx);
  } catch (e) {
    error = `The condition could not be evaluated: ${errorMessage(e)}`;
  }
  const steps: DryRunStep[] = [];
  const client = await database.pool.connect();
  try {
    await client.query('BEGIN');
    await setStepSession(client, { workflow: input.name, depth: 1, chain: [input.name] });
    const walker = new DryRunWalker(registry, client, input, definition, ctx, steps);
    await walker.walk(definition.steps, '', conditionMet ? null : error ? 'Not run: the condition could not be evaluated' : 'Not run: the condition does not hold');
  } finally {
    // Belt and braces: executors in dry-run mode write nothing, and whatever they did is undone here.
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
  const failed = steps.find((s) => s.status === 'failed');
  return { conditionMet, triggerMatched, steps, error: error ?? (failed ? `Step "${failed.key}" failed: ${failed.error}` : null) };
}

class DryRunWalker {
  private failed = false;

  constructor(
    private readonly registry: StepRegistry,
    private readonly client: pg.PoolClient,
    private readonly input: DryRunInput,
    private readonly definition: WorkflowDefinition,
    private readonly ctx: WorkflowContext,
    private readonly out: DryRunStep[],
  ) {}

  /** `skipReason`: these steps do not run (condition false, other branch, an earlier failure). */
  async walk(steps: readonly WorkflowStep[], prefix: string, skipReason: string | null): Promise<void> {
    for (const [index, step] of steps.entries()) {
      const path = `${prefix}${index}`;
      const reason = skipReason ?? (this.failed ? 'Not run: an earlier step failed' : null);
      if (reason) {
        this.push(step, path, 'skipped', reason);
        if (step.type === 'if') {
          await this.walk(step.then, `${path}.then.`, reason);
          await this.walk(step.else ?? [], `${path}.else.`, reason);
        }
        continue;
      }
      try {
        await this.runStep(step, path);
      } catch (error) {
        this.failed = true;
        this.push(step, path, 'failed', `Would fail: ${errorMessage(error)}`, { error: errorMessage(error) });
      }
    }
  }

  private async runStep(step: WorkflowStep, path: string): Promise<void> {
    const { ctx } = this;
    if (step.type === 'if') {
      const result = Boolean(evaluateExpression(step.condition, ctx));
      this.push(step, path, 'would', `The condition is ${result ? 'true: the "then" steps run' : 'false: the "else" steps run'}`, { output: { result } });
      await this.walk(step.then, `${path}.then.`, result ? null : 'Not run: the condition is false');
      await this.walk(step.else ?? [], `${path}.else.`, result ? 'Not run: the condition is true' : null);
      return;
    }
    if (step.type === 'wait') {
      const until = waitUntil(step, ctx, this.input.now, this.input.timeZone);
      this.push(step, path, 'waited', `Would wait until ${until.toISOString()}, then go on`, { output: { until: until.toISOString() } });
      return;
    }
    if (step.type === 'failWithMessage') {
      this.push(step, path, 'would', `Would refuse the save: “${renderTemplate(step.message, ctx)}”`);
      return;
    }
    const executor = this.registry.get(step.type);
    if (!executor) throw new Error(`No executor for step type "${step.type}": is its plugin installed?`);
    const result = await executor.execute({
      step,
      workflowName: this.input.name,
      workflow: this.definition,
      document: this.input.document,
      entity: 'entity' in this.definition.trigger ? this.definition.trigger.entity : null,
      context: ctx,
      actor: workflowActor(this.input.ctx.workspace, this.input.name, this.definition),
      client: this.client,
      runId: 'dry-run',
      idempotencyKey: `dry-run:${step.key}`,
      attempt: 1,
      signal: new AbortController().signal,
      dryRun: true,
    });
    ctx.steps[step.key] = result.output ?? null;
    if (result.record) ctx.record = result.record;
    this.push(step, path, 'would', result.description, { input: result.input ?? null, output: result.output ?? null });
  }

  private push(step: WorkflowStep, path: string, status: string, description: string, extra: { input?: unknown; output?: unknown; error?: string } = {}): void {
    this.out.push({
      key: step.key,
      type: step.type,
      label: step.label ?? null,
      path,
      status,
      description,
      input: extra.input ?? null,
      output: extra.output ?? null,
      error: extra.error ?? null,
    });
  }
}

const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);
