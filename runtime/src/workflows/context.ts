/**
 * The context a workflow's expressions and templates are evaluated over: the rule context of the trigger
 * (`record`, `previous`, `user`, `now`) plus what triggered it and the outputs of the steps run so far.
 */
import type { RecordValues, RuleUser } from '../rules/rule-context.js';

export interface WorkflowTriggerInfo {
  type: string;
  /** The inbound webhook's JSON body. */
  payload?: unknown;
}

export interface WorkflowContext {
  /** The trigger record's values (null for scheduled and webhook workflows). */
  record: RecordValues | null;
  /** The stored values before an update (null otherwise). */
  previous: RecordValues | null;
  /** Who caused the trigger (null for scheduled, date-relative and webhook workflows). */
  user: RuleUser | null;
  /** ISO 8601 UTC. */
  now: string;
  trigger: WorkflowTriggerInfo;
  /** Outputs of earlier steps by step key. */
  steps: Record<string, unknown>;
}

export interface WorkflowContextInput {
  trigger: WorkflowTriggerInfo;
  record?: RecordValues | null;
  previous?: RecordValues | null;
  user?: RuleUser | null;
  /** A `Date` (usually `clock()`) or an ISO string. */
  now: Date | string;
  steps?: Record<string, unknown>;
}

/** The context of one run (missing parts become null / empty, like `buildRuleContext`). */
export function workflowContext(input: WorkflowContextInput): WorkflowContext {
  const now = typeof input.now === 'string' ? input.now : input.now.toISOString();
  const trigger: WorkflowTriggerInfo = input.trigger.payload === undefined ? { type: input.trigger.type } : { type: input.trigger.type, payload: input.trigger.payload };
  return {
    record: input.record ?? null,
    previous: input.previous ?? null,
    user: input.user ?? null,
    now,
    trigger,
    steps: { ...(input.steps ?? {}) },
  };
}
