/** How run statuses, triggers and durations read in the studio (pure: shared by the run list, page and tests). */
import type { MetadataDocument } from '@trellis/metadata';
import { walkSteps } from '@trellis/runtime';
import type { WorkflowRun, WorkflowRunError, WorkflowRunStatus, WorkflowStepRun } from '../api/workflows-api.js';

interface StatusText {
  label: string;
  /** A chip colour class of components.css. */
  tone: string;
  /** A short explanation (tooltips, the run page). */
  hint: string;
}

export const STATUS_TEXT: Record<WorkflowRunStatus, StatusText> = {
  queued: { label: 'Queued', tone: 'chip-gray', hint: 'Waiting for a worker to pick it up.' },
  running: { label: 'Running', tone: 'chip-blue', hint: 'A worker is executing its steps.' },
  waiting: { label: 'Waiting', tone: 'chip-purple', hint: 'Paused by a wait step (or a retry backoff) until its resume time.' },
  succeeded: { label: 'Succeeded', tone: 'chip-green', hint: 'Every step finished.' },
  dead: { label: 'Failed', tone: 'chip-red', hint: 'Dead letter: it stopped after an error or its last retry. Retry it once the cause is fixed, or cancel it.' },
  cancelled: { label: 'Cancelled', tone: 'chip-gray', hint: 'Cancelled by a person; its remaining steps never run.' },
};

/** Unknown statuses (a newer server) are shown as they come. */
export function statusText(status: string): StatusText {
  return STATUS_TEXT[status as WorkflowRunStatus] ?? { label: status, tone: 'chip-gray', hint: '' };
}

/** Runs whose state will still change on its own: their page refreshes itself. */
export function isUnfinished(status: string): boolean {
  return status === 'queued' || status === 'running' || status === 'waiting';
}

export const canRetry = (status: string): boolean => status === 'dead' || status === 'cancelled';
export const canCancel = (status: string): boolean => status === 'queued' || status === 'waiting' || status === 'dead';

const TRIGGER_LABELS: Record<string, string> = {
  recordCreated: 'Record created',
  recordUpdated: 'Record updated',
  recordDeleted: 'Record deleted',
  fieldChanged: 'Field changed',
  scheduled: 'Schedule',
  dateRelative: 'Date reached',
  manual: 'Manual',
  webhook: 'Webhook',
};

export function triggerLabel(type: string): string {
  return TRIGGER_LABELS[type] ?? type;
}

/** 850 → "850 ms", 12_345 → "12.3 s", 125_000 → "2 min 5 s". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms)) return '';
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  if (minutes < 60) return seconds ? `${minutes} min ${seconds} s` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

/** How long a finished (or running) run took, in ms; null before it started. */
export function runDurationMs(run: Pick<WorkflowRun, 'startedAt' | 'finishedAt'>, now = Date.now()): number | null {
  if (!run.startedAt) return null;
  const end = run.finishedAt ? new Date(run.finishedAt).getTime() : now;
  const ms = end - new Date(run.startedAt).getTime();
  return Number.isFinite(ms) ? Math.max(0, ms) : null;
}

/** A JSON value as indented text for <pre> blocks; `undefined`/null read as "—" in the UI (returns ''). */
export function prettyJson(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value, null, 2);
  } catch {
    return String(value);
  }
}

/** The hash path of a run's page. */
export const runPath = (id: string): string => `/studio/runs/${encodeURIComponent(id)}`;

/** `?status=dead,queued` → the statuses asked for (unknown words dropped). */
export function parseStatusFilter(value: string | null): WorkflowRunStatus[] {
  if (!value) return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s): s is WorkflowRunStatus => s in STATUS_TEXT);
}

/** The label of a workflow's step in `doc` (branches included), or its key when unknown (renamed, removed). */
export function stepLabel(doc: MetadataDocument, workflow: string, stepKey: string): string {
  const found = walkSteps(doc.workflows?.[workflow]?.steps ?? []).find((s) => s.step.key === stepKey);
  return found?.step.label || stepKey;
}

/**
 * A run's error as one line naming the step that failed: `Step “Send to the CRM”: POST … answered 500`. Step
 * errors of the server already start with `Step "…"`; transient ones (HTTP 5xx, timeouts) do not.
 */
export function runErrorText(error: WorkflowRunError, label?: string): string {
  if (!error.stepKey || /^Step "/.test(error.message)) return error.message;
  return `Step “${label ?? error.stepKey}”: ${error.message}`;
}

/** Who started a run, readably: a user's name, "Workflow “Other”", "A webhook call" (actor `kind:id`). */
export function runActorText(actor: string, names: { user: (id: string) => string | undefined; workflow: (name: string) => string | undefined }): string {
  const [kind, ...rest] = actor.split(':');
  const id = rest.join(':');
  if (kind === 'user') return names.user(id) ?? 'A former user';
  if (kind === 'apiKey') return 'An API key';
  if (kind === 'workflow') return `Workflow “${names.workflow(id) ?? id}”`;
  if (kind === 'system') return id === 'webhook' ? 'A webhook call' : 'Trellis';
  return actor;
}

/**
 * Each step row's try number, counted per step over the whole run: the server restarts its attempt count when
 * a person retries a dead run, which would read "Attempt 1, 2, 1".
 */
export function tryNumbers(steps: Pick<WorkflowStepRun, 'key'>[]): number[] {
  const seen = new Map<string, number>();
  return steps.map((s) => {
    const n = (seen.get(s.key) ?? 0) + 1;
    seen.set(s.key, n);
    return n;
  });
}
