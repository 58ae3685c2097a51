/**
 * Workflows: trigger + optional condition + ordered steps, part of the metadata document (`document.workflows`,
 * keyed by camelCase name), versioned and published with it. Expressions are JSON Logic over the workflow
 * context `{ record, previous, user, now, trigger, steps }` (`steps.<key>` = an earlier step's output);
 * text settings (titles, subjects, bodies, URLs, header values, messages) are templates with `{{record.name}}`.
 */
import type { JsonLogic } from '../types.js';

export interface WorkflowDefinition {
  label: string;
  description?: string;
  /** Inactive workflows are kept (and can be test-run) but never triggered. Default true; the studio creates them inactive. */
  active?: boolean;
  trigger: WorkflowTrigger;
  /** The workflow runs only when this is truthy (JSON Logic over the context; `previous` on updates). */
  condition?: JsonLogic;
  /**
   * Record triggers only. `beforeSave`: runs inside the write's transaction before rules are checked; only
   * `updateRecord` (of the same record) and `failWithMessage` steps. Default `afterSave` (durable queue).
   */
  timing?: WorkflowTiming;
  /** The role whose permissions the workflow actor has (a role of the document, or `admin`). Default `admin`. */
  runAs?: string;
  /** Loop guard: a run started (directly or through other workflows) this many levels deep is stopped. Default 5. */
  maxDepth?: number;
  steps: WorkflowStep[];
}

export type WorkflowTiming = 'beforeSave' | 'afterSave';

export type WorkflowTrigger =
  | RecordEventTrigger
  | FieldChangedTrigger
  | ScheduledTrigger
  | DateRelativeTrigger
  | ManualTrigger
  | WebhookTrigger;

export interface RecordEventTrigger {
  type: 'recordCreated' | 'recordUpdated' | 'recordDeleted';
  entity: string;
}

/** An update where at least one of `fields` has a different value (`previous` holds the old values). */
export interface FieldChangedTrigger {
  type: 'fieldChanged';
  entity: string;
  fields: string[];
}

/** A cron expression (5 fields, or 6 with seconds) in an IANA time zone (default: the workspace's, UTC). */
export interface ScheduledTrigger {
  type: 'scheduled';
  cron: string;
  timeZone?: string;
}

/**
 * Fires `offset` before or after the value of a date/dateTime field of each record; re-scheduled when that
 * value changes. A date field is taken at `time` (HH:MM, default 09:00) in `timeZone` (default the workspace's).
 */
export interface DateRelativeTrigger {
  type: 'dateRelative';
  entity: string;
  field: string;
  offset: WorkflowDuration;
  direction: 'before' | 'after';
  time?: string;
  timeZone?: string;
}

/** A button on the record page (and the `runWorkflow(name, recordId)` mutation). */
export interface ManualTrigger {
  type: 'manual';
  entity: string;
  /** The button's text (default: the workflow's label). */
  buttonLabel?: string;
}

/** A per-workflow URL with a secret; the JSON body is `trigger.payload`. */
export interface WebhookTrigger {
  type: 'webhook';
}

export type DurationUnit = 'minutes' | 'hours' | 'days' | 'weeks';

export interface WorkflowDuration {
  amount: number;
  unit: DurationUnit;
}

/** Values to write, per field name: each a JSON Logic expression over the context (a literal is itself). */
export type FieldValueExpressions = Record<string, JsonLogic>;

interface StepBase {
  /** camelCase, unique in the workflow (branches included): later steps read `steps.<key>`. */
  key: string;
  label?: string;
}

/** Updates the trigger record. Output: `{ id }`. Before-save: changes the record being saved. */
export interface UpdateRecordStep extends StepBase {
  type: 'updateRecord';
  values: FieldValueExpressions;
}

/** Creates a record of any entity (relate it to the trigger record through a value, e.g. `{"var": "record.id"}`). Output: `{ id }`. */
export interface CreateRecordStep extends StepBase {
  type: 'createRecord';
  entity: string;
  values: FieldValueExpressions;
}

/** Updates the records reached through a relation field of the trigger entity, optionally filtered. Output: `{ count, ids }`. */
export interface UpdateRelatedStep extends StepBase {
  type: 'updateRelated';
  relation: string;
  /** JSON Logic over the related `record` (compiled to SQL). */
  filter?: JsonLogic;
  values: FieldValueExpressions;
}

/** Sets the trigger record's owner. Output: `{ userId }`. */
export interface AssignStep extends StepBase {
  type: 'assign';
  strategy: 'user' | 'roundRobin' | 'leastLoaded';
  /** strategy `user`: an expression giving a user id (e.g. `{"var": "record.createdBy"}` or a literal id). */
  user?: JsonLogic;
  /** roundRobin / leastLoaded: among the active users of this team (by name) … */
  team?: string;
  /** … or holding this role. Exactly one of team/role. */
  role?: string;
}

/** A task for a user (the built-in tasks, "My tasks" in the studio), related to the trigger record. Output: `{ taskId }`. */
export interface CreateTaskStep extends StepBase {
  type: 'createTask';
  title: string;
  description?: string;
  /** An expression giving the assignee's user id; default the record's owner. */
  assignee?: JsonLogic;
  /** Due this long after the step runs … */
  dueIn?: WorkflowDuration;
  /** … or at this date/dateTime (expression, e.g. `{"var": "record.closeDate"}`). */
  dueAt?: JsonLogic;
}

/** In-app notifications (the bell in the studio). Output: `{ count }` (recipients notified). */
export interface NotifyStep extends StepBase {
  type: 'notify';
  recipients: Recipients;
  title: string;
  body?: string;
}

export interface Recipients {
  /** An expression giving a user id or a list of them. */
  users?: JsonLogic;
  /** Every active user holding one of these roles. */
  roles?: string[];
  /** Every active member of these teams (by name). */
  teams?: string[];
  /** The trigger record's owner. */
  owner?: boolean;
}

/** An email into the outbox (sent by the configured transport). Output: `{ mailIds }`. */
export interface SendEmailStep extends StepBase {
  type: 'sendEmail';
  /** An expression giving an address or a list of them. */
  to: JsonLogic;
  /** Also email these recipients' addresses (users/roles/teams/owner). */
  recipients?: Recipients;
  subject: string;
  body: string;
}

/** An outbound HTTP request. Output: `{ status, headers, body }` (body parsed when JSON). */
export interface HttpRequestStep extends StepBase {
  type: 'httpRequest';
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  /** An expression whose value is sent as the JSON body (not for GET). */
  body?: JsonLogic;
  /** Default 10000, at most 60000. A timeout, a network error, 408, 429 or 5xx is retried. */
  timeoutMs?: number;
  /** Sign the body: `X-Trellis-Signature: sha256=<hex HMAC of the body with the workflow's secret>`. */
  sign?: boolean;
}

export interface IfStep extends StepBase {
  type: 'if';
  condition: JsonLogic;
  then: WorkflowStep[];
  else?: WorkflowStep[];
}

/** Pauses the run for a duration or until a date/dateTime (expression). Exactly one of the two. */
export interface WaitStep extends StepBase {
  type: 'wait';
  duration?: WorkflowDuration;
  until?: JsonLogic;
}

/** Before-save only: refuses the write with this message (a template), next to `fields` if given. */
export interface FailWithMessageStep extends StepBase {
  type: 'failWithMessage';
  message: string;
  fields?: string[];
}

/** An action a plugin registered (`<plugin>.<action>`), with inputs as expressions. Output: the action's result. */
export interface PluginActionStep extends StepBase {
  type: 'pluginAction';
  action: string;
  input?: Record<string, JsonLogic>;
}

export type WorkflowStep =
  | UpdateRecordStep
  | CreateRecordStep
  | UpdateRelatedStep
  | AssignStep
  | CreateTaskStep
  | NotifyStep
  | SendEmailStep
  | HttpRequestStep
  | IfStep
  | WaitStep
  | FailWithMessageStep
  | PluginActionStep;

export type WorkflowStepType = WorkflowStep['type'];
