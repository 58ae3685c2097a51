/**
 * Typed client for the workflow operations of the /metadata API: runs (lists, detail, counts, retry, cancel),
 * versions, dry runs, the action catalogue, webhook secrets and the manual buttons of a record page.
 * Dates arrive as ISO strings; `JSON` scalars as parsed values.
 */
import type { MetadataDocument } from '@trellis/metadata';
import { metadataClient } from './graphql-client.js';

export type WorkflowRunStatus = 'queued' | 'running' | 'waiting' | 'succeeded' | 'dead' | 'cancelled';

export const RUN_STATUSES: readonly WorkflowRunStatus[] = ['queued', 'running', 'waiting', 'succeeded', 'dead', 'cancelled'];

export interface WorkflowRunError {
  message: string;
  stepKey?: string;
  code?: string;
}

export interface WorkflowStepRun {
  key: string;
  type: string;
  label: string | null;
  attempt: number;
  /** `succeeded` or `failed`. */
  status: string;
  input: unknown;
  output: unknown;
  error: string | null;
  startedAt: string;
  durationMs: number;
}

export interface WorkflowRun {
  id: string;
  workflow: string;
  workflowLabel: string | null;
  version: number;
  triggerType: string;
  entity: string | null;
  recordId: string | null;
  /** The record's display value (absent when the reader may not see it). */
  recordLabel: string | null;
  status: WorkflowRunStatus;
  error: WorkflowRunError | null;
  attempts: number;
  depth: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  runAt: string | null;
  actor: string | null;
}

export interface WorkflowRunDetail extends WorkflowRun {
  steps: WorkflowStepRun[];
}

export interface WorkflowRunPage {
  runs: WorkflowRun[];
  hasMore: boolean;
}

export type WorkflowRunCounts = Record<WorkflowRunStatus, number>;

export interface WorkflowVersion {
  version: number;
  metadataVersion: number;
  definition: unknown;
  publishedAt: string;
  publishedBy: string | null;
}

export interface WorkflowWebhook {
  /** Relative: `/hooks/workflows/<name>/<secret>`. */
  url: string;
  secret: string;
}

export interface DryRunStep {
  key: string;
  type: string;
  label: string | null;
  /** Position in the flow, e.g. `2.then.0`. */
  path: string;
  /** `would`, `skipped`, `failed` or `waited`. */
  status: string;
  description: string;
  input: unknown;
  output: unknown;
  error: string | null;
}

export interface WorkflowDryRun {
  conditionMet: boolean;
  triggerMatched: boolean;
  steps: DryRunStep[];
  error: string | null;
}

export interface WorkflowActionType {
  type: string;
  label: string;
  description: string | null;
  plugin: string | null;
  /** JSON Schema of the step's settings (rendered with @rjsf). */
  schema: Record<string, unknown>;
  beforeSave: boolean;
}

export interface WorkflowButton {
  workflow: string;
  label: string;
}

export interface RunFilter {
  workflow?: string;
  entity?: string;
  recordId?: string;
  status?: WorkflowRunStatus[];
  first?: number;
  /** `createdAt` of the last run already shown (the next page starts before it). */
  before?: string;
}

const RUN_FIELDS =
  'id workflow workflowLabel version triggerType entity recordId recordLabel status error attempts depth createdAt startedAt finishedAt runAt actor';
const STEP_FIELDS = 'key type label attempt status input output error startedAt durationMs';
const WEBHOOK_FIELDS = 'url secret';

export const RUN_PAGE = 50;

export async function fetchWorkflowRuns(filter: RunFilter = {}): Promise<WorkflowRunPage> {
  const data = await metadataClient.request<{ workflowRuns: WorkflowRunPage }>(
    `query WorkflowRuns($workflow: String, $entity: String, $recordId: ID, $status: [String!], $first: Int, $before: DateTime) {
      workflowRuns(workflow: $workflow, entity: $entity, recordId: $recordId, status: $status, first: $first, before: $before) {
        runs { ${RUN_FIELDS} } hasMore
      }
    }`,
    {
      workflow: filter.workflow ?? null,
      entity: filter.entity ?? null,
      recordId: filter.recordId ?? null,
      status: filter.status?.length ? filter.status : null,
      first: filter.first ?? RUN_PAGE,
      before: filter.before ?? null,
    },
  );
  return data.workflowRuns;
}

export async function fetchWorkflowRun(id: string): Promise<WorkflowRunDetail | null> {
  const data = await metadataClient.request<{ workflowRun: WorkflowRunDetail | null }>(
    `query WorkflowRun($id: ID!) { workflowRun(id: $id) { ${RUN_FIELDS} steps { ${STEP_FIELDS} } } }`,
    { id },
  );
  return data.workflowRun;
}

export async function fetchWorkflowRunCounts(workflow?: string): Promise<WorkflowRunCounts> {
  const data = await metadataClient.request<{ workflowRunCounts: WorkflowRunCounts }>(
    `query WorkflowRunCounts($workflow: String) { workflowRunCounts(workflow: $workflow) { ${RUN_STATUSES.join(' ')} } }`,
    { workflow: workflow ?? null },
  );
  return data.workflowRunCounts;
}

export async function retryWorkflowRun(id: string): Promise<WorkflowRun> {
  const data = await metadataClient.request<{ retryWorkflowRun: WorkflowRun }>(
    `mutation RetryWorkflowRun($id: ID!) { retryWorkflowRun(id: $id) { ${RUN_FIELDS} } }`,
    { id },
  );
  return data.retryWorkflowRun;
}

export async function cancelWorkflowRun(id: string): Promise<WorkflowRun> {
  const data = await metadataClient.request<{ cancelWorkflowRun: WorkflowRun }>(
    `mutation CancelWorkflowRun($id: ID!) { cancelWorkflowRun(id: $id) { ${RUN_FIELDS} } }`,
    { id },
  );
  return data.cancelWorkflowRun;
}

export async function runWorkflow(workflow: string, recordId?: string): Promise<WorkflowRun> {
  const data = await metadataClient.request<{ runWorkflow: WorkflowRun }>(
    `mutation RunWorkflow($workflow: String!, $recordId: ID) { runWorkflow(workflow: $workflow, recordId: $recordId) { ${RUN_FIELDS} } }`,
    { workflow, recordId: recordId ?? null },
  );
  return data.runWorkflow;
}

export interface TestWorkflowInput {
  /** The draft document holding the workflow (nothing is published or written). */
  document: MetadataDocument;
  workflow: string;
  recordId?: string;
  /** The webhook body to test a webhook-triggered workflow with. */
  payload?: unknown;
}

export async function testWorkflow(input: TestWorkflowInput): Promise<WorkflowDryRun> {
  const data = await metadataClient.request<{ testWorkflow: WorkflowDryRun }>(
    `mutation TestWorkflow($document: JSON!, $workflow: String!, $recordId: ID, $payload: JSON) {
      testWorkflow(document: $document, workflow: $workflow, recordId: $recordId, payload: $payload) {
        conditionMet triggerMatched error
        steps { key type label path status description input output error }
      }
    }`,
    { document: input.document, workflow: input.workflow, recordId: input.recordId ?? null, payload: input.payload ?? null },
  );
  return data.testWorkflow;
}

/** Newest first as the server sends them. */
export async function workflowVersions(workflow: string): Promise<WorkflowVersion[]> {
  const data = await metadataClient.request<{ workflowVersions: WorkflowVersion[] }>(
    `query WorkflowVersions($workflow: String!) {
      workflowVersions(workflow: $workflow) { version metadataVersion definition publishedAt publishedBy }
    }`,
    { workflow },
  );
  return data.workflowVersions;
}

export async function workflowActions(): Promise<WorkflowActionType[]> {
  const data = await metadataClient.request<{ workflowActions: WorkflowActionType[] }>(
    `query WorkflowActions { workflowActions { type label description plugin schema beforeSave } }`,
  );
  return data.workflowActions;
}

export async function workflowWebhook(workflow: string): Promise<WorkflowWebhook> {
  const data = await metadataClient.request<{ workflowWebhook: WorkflowWebhook }>(
    `query WorkflowWebhook($workflow: String!) { workflowWebhook(workflow: $workflow) { ${WEBHOOK_FIELDS} } }`,
    { workflow },
  );
  return data.workflowWebhook;
}

export async function rotateWorkflowSecret(workflow: string): Promise<WorkflowWebhook> {
  const data = await metadataClient.request<{ rotateWorkflowSecret: WorkflowWebhook }>(
    `mutation RotateWorkflowSecret($workflow: String!) { rotateWorkflowSecret(workflow: $workflow) { ${WEBHOOK_FIELDS} } }`,
    { workflow },
  );
  return data.rotateWorkflowSecret;
}

export async function workflowButtons(entity: string): Promise<WorkflowButton[]> {
  const data = await metadataClient.request<{ workflowButtons: WorkflowButton[] }>(
    `query WorkflowButtons($entity: String!) { workflowButtons(entity: $entity) { workflow label } }`,
    { entity },
  );
  return data.workflowButtons;
}

// Short aliases in the naming style of the contract's operations.
export const workflowRuns = fetchWorkflowRuns;
export const workflowRun = fetchWorkflowRun;
export const workflowRunCounts = fetchWorkflowRunCounts;
