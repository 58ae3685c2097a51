/**
 * Runs one step executor the way the engine does — in a transaction with the workflow session set, as the
 * workflow actor, over a context holding the trigger record — against a real app and Postgres. Dry runs are
 * COMMITTED here (the engine rolls them back): a test then proves the executor itself wrote nothing.
 */
import { randomUUID } from 'node:crypto';
import type { MetadataDocument, WorkflowDefinition, WorkflowStep } from '@trellis/metadata';
import { workflowContext, type RuleUser } from '@trellis/runtime';
import { systemContext } from '../../../common/request-context.js';
import { DatabaseService } from '../../../database/database.service.js';
import { entityOf } from '../../../records/data-model.js';
import { RecordService } from '../../../records/record.service.js';
import { withTestApp, type TestApp, type TestAppOptions } from '../../../testing/test-app.js';
import { readRecordValues } from '../../record-values.js';
import { STEP_EXECUTORS, type StepExecution, type StepExecutor, type StepResult } from '../../step-executor.js';
import { setStepSession } from '../../step-transaction.js';
import { workflowActor } from '../../workflow-actor.js';

export interface RunOptions {
  /** The trigger entity and record (none: a scheduled workflow). */
  entity?: string | null;
  recordId?: string | null;
  dryRun?: boolean;
  runAs?: string;
  workflowName?: string;
  steps?: Record<string, unknown>;
  user?: RuleUser | null;
  attempt?: number;
  signal?: AbortSignal;
  runId?: string;
}

export interface StepKit {
  app: TestApp;
  records: RecordService;
  document(): Promise<MetadataDocument>;
  run(step: WorkflowStep, options?: RunOptions): Promise<StepResult>;
  /** Creates a record as the system (no owner unless given); its id. */
  create(entity: string, values: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

export async function stepKit(document: MetadataDocument, options: TestAppOptions = {}): Promise<StepKit> {
  const app = await withTestApp(document, options);
  const records = app.app.get(RecordService);
  const database = app.app.get(DatabaseService);
  const executors = new Map((app.app.get(STEP_EXECUTORS) as StepExecutor[]).map((e) => [e.type, e]));
  const current = async () => (await records.model(systemContext('test'))).document;

  const run = async (step: WorkflowStep, o: RunOptions = {}): Promise<StepResult> => {
    const executor = executors.get(step.type);
    if (!executor) throw new Error(`no executor for ${step.type}`);
    const doc = await current();
    const workflowName = o.workflowName ?? 'testFlow';
    const entity = o.entity ?? null;
    const workflow: WorkflowDefinition = {
      label: 'Test flow',
      trigger: entity ? { type: 'manual', entity } : { type: 'webhook' },
      ...(o.runAs ? { runAs: o.runAs } : {}),
      steps: [step],
    };
    const actor = workflowActor('main', workflowName, workflow);
    const runId = o.runId ?? randomUUID();
    return database.transaction(async (client) => {
      await setStepSession(client, { workflow: workflowName, depth: 1, chain: [workflowName] });
      const model = await records.model(actor, doc);
      const record = entity && o.recordId ? await readRecordValues(client, entityOf(model, entity), o.recordId) : null;
      const execution: StepExecution = {
        step,
        workflowName,
        workflow,
        document: doc,
        entity,
        context: workflowContext({ trigger: { type: workflow.trigger.type }, record, user: o.user ?? null, now: new Date(), steps: o.steps ?? {} }),
        actor,
        client,
        runId,
        idempotencyKey: `${runId}:${step.key}`,
        attempt: o.attempt ?? 1,
        signal: o.signal ?? new AbortController().signal,
        dryRun: o.dryRun ?? false,
      };
      return executor.execute(execution);
    });
  };

  return {
    app,
    records,
    document: current,
    run,
    create: async (entity, values) => String((await records.create(systemContext('test'), entity, values))['id']),
    close: () => app.close(),
  };
}

/** The rejection of a promise (fails when it resolves). */
export async function failure(promise: Promise<unknown>): Promise<Error & { code?: string; field?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected the step to fail');
}
