/**
 * JSON Schema of workflows: the document's `workflows` section (wired into document-schema.ts), and the
 * catalogs of trigger and step types the studio builds its forms from (@rjsf: every setting has a `title`
 * and a `description`). Which settings hold JSON Logic (any JSON, checked semantically with precise paths)
 * and which are text templates (`{{record.name}}`) each catalog entry lists in `expressions` / `templates`.
 */
import type { JsonSchema } from '../field-types/field-type.js';
import { MAX_NAME_LENGTH, NAME_PATTERN } from '../names.js';
import type { WorkflowStepType, WorkflowTrigger } from './types.js';

export type WorkflowTriggerType = WorkflowTrigger['type'];

export interface WorkflowTypeInfo {
  label: string;
  description: string;
  /** JSON Schema of the settings (without `type`, and for steps without `key`/`label`; `if` branches are edited as flows). */
  schema: JsonSchema;
  /** Allowed in a before-save workflow. */
  beforeSave: boolean;
  /** Only allowed in a before-save workflow. */
  onlyBeforeSave?: boolean;
  /** Settings holding JSON Logic, as dotted paths into `schema` (`*` = each value of a map): `values.*`, `recipients.users`. */
  expressions: string[];
  /** Text settings with `{{placeholders}}`, likewise: `title`, `headers.*`. */
  templates: string[];
}

export const MAX_WORKFLOW_DEPTH = 20;
export const DEFAULT_WORKFLOW_DEPTH = 5;
export const MAX_HTTP_TIMEOUT_MS = 60_000;
/** `<plugin>.<action>`: a plugin name (lower-case, hyphens) and a camelCase action name. */
export const PLUGIN_ACTION_PATTERN = '^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){0,59}\\.[a-z][a-zA-Z0-9]*$';
export const TIME_PATTERN = '^([01][0-9]|2[0-3]):[0-5][0-9]$';

const CONTEXT = 'JSON Logic over { record, previous, user, now, trigger, steps }, e.g. {"var": "record.amount"}; a plain value is itself.';

// Schemas of JSON Logic and template settings, remembered so the catalogs can list where they are.
const EXPRESSIONS = new WeakSet<JsonSchema>();
const TEMPLATES = new WeakSet<JsonSchema>();
const mark = (set: WeakSet<JsonSchema>, schema: JsonSchema): JsonSchema => (set.add(schema), schema);

const expression = (title: string, description: string): JsonSchema => mark(EXPRESSIONS, { title, description: `${description} ${CONTEXT}` });
// A JSON template (json-template.ts): any JSON, with the operations inside evaluated. Listed with the expressions.
const JSON_TEMPLATE = 'Any JSON value; each JSON Logic operation inside it is evaluated, e.g. {"dealId": {"var": "record.id"}, "tags": ["won", {"var": "record.stage"}]}.';
const template = (title: string, description: string, required = true): JsonSchema =>
  mark(TEMPLATES, {
    type: 'string',
    title,
    description: `${description} Placeholders such as {{record.name}} or {{steps.<key>.<output>}} are filled in when the step runs.`,
    ...(required ? { minLength: 1 } : {}),
  });
const text = (title: string, description: string): JsonSchema => ({ type: 'string', minLength: 1, title, description });
const names = (title: string, description: string, unique = true): JsonSchema => ({ type: 'array', title, description, items: { type: 'string', minLength: 1 }, ...(unique ? { uniqueItems: true } : {}) });
const object = (properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema => ({ type: 'object', required, additionalProperties: false, properties });

const VALUES: JsonSchema = {
  type: 'object',
  title: 'Values',
  description: `Field name → the value to write, each ${CONTEXT}`,
  minProperties: 1,
  additionalProperties: mark(EXPRESSIONS, {}),
};

export const DURATION_SCHEMA: JsonSchema = {
  type: 'object',
  title: 'Duration',
  required: ['amount', 'unit'],
  additionalProperties: false,
  properties: {
    amount: { type: 'integer', minimum: 0, maximum: 100_000, title: 'Amount', description: 'How many units.' },
    unit: { enum: ['minutes', 'hours', 'days', 'weeks'], title: 'Unit', description: 'minutes, hours, days or weeks.' },
  },
};

const RECIPIENTS: JsonSchema = {
  type: 'object',
  title: 'Recipients',
  description: 'Who: users from an expression, every active user holding a role or in a team, and/or the record\'s owner.',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    users: expression('Users', 'A user id or a list of them.'),
    roles: names('Roles', 'Every active user holding one of these roles.'),
    teams: names('Teams', 'Every active member of these teams (by name).'),
    owner: { type: 'boolean', title: 'Record owner', description: 'The trigger record\'s owner.' },
  },
};

type Entry = Omit<WorkflowTypeInfo, 'expressions' | 'templates'>;

/** Dotted paths of the marked settings below `schema`. */
function markedPaths(schema: JsonSchema, set: WeakSet<JsonSchema>, prefix = ''): string[] {
  const paths: string[] = [];
  const visit = (child: unknown, path: string) => {
    if (typeof child !== 'object' || child === null) return;
    if (set.has(child as JsonSchema)) paths.push(path);
    else paths.push(...markedPaths(child as JsonSchema, set, `${path}.`));
  };
  for (const [name, child] of Object.entries((schema.properties as Record<string, JsonSchema> | undefined) ?? {})) visit(child, `${prefix}${name}`);
  visit(schema.additionalProperties, `${prefix}*`);
  return paths;
}

function withPaths<K extends string>(entries: Record<K, Entry>): Record<K, WorkflowTypeInfo> {
  const out = {} as Record<K, WorkflowTypeInfo>;
  for (const [type, entry] of Object.entries(entries) as [K, Entry][]) {
    out[type] = { ...entry, expressions: markedPaths(entry.schema, EXPRESSIONS), templates: markedPaths(entry.schema, TEMPLATES) };
  }
  return out;
}

const ENTITY = text('Entity', 'The entity (by name).');

export const STEP_TYPES: Readonly<Record<WorkflowStepType, WorkflowTypeInfo>> = withPaths({
  updateRecord: {
    label: 'Update record',
    description: 'Sets fields of the record that triggered the workflow. Before save: changes the record being saved.',
    beforeSave: true,
    schema: object({ values: VALUES }, ['values']),
  },
  createRecord: {
    label: 'Create record',
    description: 'Creates a record of any entity; relate it to the trigger record with a value such as {"var": "record.id"}.',
    beforeSave: false,
    schema: object({ entity: ENTITY, values: VALUES }, ['entity', 'values']),
  },
  updateRelated: {
    label: 'Update related records',
    description: 'Updates the records reached through a relation field of the trigger record, optionally filtered.',
    beforeSave: false,
    schema: object(
      {
        relation: text('Relation', 'A relation field of the trigger entity.'),
        filter: mark(EXPRESSIONS, { title: 'Filter', description: 'Only related records for which this holds: JSON Logic over the related record, e.g. {"!=": [{"var": "record.stage"}, "lost"]}.' }),
        values: VALUES,
      },
      ['relation', 'values'],
    ),
  },
  assign: {
    label: 'Assign owner',
    description: 'Sets the trigger record\'s owner: a given user, or round-robin / least-loaded among a team or the holders of a role.',
    beforeSave: false,
    schema: object(
      {
        strategy: { enum: ['user', 'roundRobin', 'leastLoaded'], title: 'Strategy', description: 'user: a given user; roundRobin: each in turn; leastLoaded: the one owning the fewest records of the entity.' },
        user: expression('User', 'Strategy user: the user id, e.g. {"var": "record.createdBy"}.'),
        team: text('Team', 'roundRobin / leastLoaded: among the active members of this team (by name)…'),
        role: text('Role', '…or among the active users holding this role. Exactly one of team and role.'),
      },
      ['strategy'],
    ),
  },
  createTask: {
    label: 'Create task',
    description: 'A task for a user (shown under "My tasks"), related to the trigger record.',
    beforeSave: false,
    schema: object(
      {
        title: template('Title', 'The task\'s title.'),
        description: template('Description', 'Details of the task.', false),
        assignee: expression('Assignee', 'The user id of the assignee (default: the record\'s owner).'),
        dueIn: { ...DURATION_SCHEMA, title: 'Due in', description: 'Due this long after the step runs…' },
        dueAt: expression('Due at', '…or at this date or date-time, e.g. {"var": "record.closeDate"}.'),
      },
      ['title'],
    ),
  },
  notify: {
    label: 'Notify',
    description: 'An in-app notification (the bell in the studio) for each recipient.',
    beforeSave: false,
    schema: object({ recipients: RECIPIENTS, title: template('Title', 'The notification\'s title.'), body: template('Body', 'More text.', false) }, ['recipients', 'title']),
  },
  sendEmail: {
    label: 'Send email',
    description: 'An email into the outbox, sent by the configured transport.',
    beforeSave: false,
    schema: object(
      {
        to: expression('To', 'An email address or a list of them.'),
        recipients: { ...RECIPIENTS, description: 'Also email these people.' },
        subject: template('Subject', 'The subject line.'),
        body: template('Body', 'The text of the email.'),
      },
      ['subject', 'body'],
    ),
  },
  httpRequest: {
    label: 'HTTP request',
    description: 'Calls a URL (an outbound webhook). A timeout, a network error, 408, 429 or 5xx is retried; the response is available to later steps.',
    beforeSave: false,
    schema: object(
      {
        method: { enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], title: 'Method', description: 'The HTTP method.' },
        url: template('URL', 'An http or https URL.'),
        headers: { type: 'object', title: 'Headers', description: 'Header name → value (a template).', additionalProperties: mark(TEMPLATES, { type: 'string' }) },
        body: mark(EXPRESSIONS, { title: 'Body', description: `Sent as JSON (not for GET). ${JSON_TEMPLATE}` }),
        timeoutMs: { type: 'integer', minimum: 100, maximum: MAX_HTTP_TIMEOUT_MS, title: 'Timeout (ms)', description: `Give up after this many milliseconds (default 10000, at most ${MAX_HTTP_TIMEOUT_MS}).` },
        sign: { type: 'boolean', title: 'Sign', description: 'Adds X-Trellis-Signature: sha256=<HMAC of the body with the workflow\'s secret>.' },
      },
      ['method', 'url'],
    ),
  },
  if: {
    label: 'If / else',
    description: 'Runs the "then" steps when the condition holds, else the "else" steps.',
    beforeSave: false,
    schema: object({ condition: expression('Condition', 'The steps of "then" run when this is true.') }, ['condition']),
  },
  wait: {
    label: 'Wait',
    description: 'Pauses the run for a duration, or until a date or date-time.',
    beforeSave: false,
    schema: object({ duration: { ...DURATION_SCHEMA, title: 'For', description: 'Wait this long…' }, until: expression('Until', '…or until this date or date-time, e.g. {"var": "record.closeDate"}. Exactly one of the two.') }),
  },
  failWithMessage: {
    label: 'Fail with message',
    description: 'Before save only: refuses the write with a message, like a validation rule.',
    beforeSave: true,
    onlyBeforeSave: true,
    schema: object({ message: template('Message', 'What is wrong and how to fix it.'), fields: names('Fields', 'Fields the message is shown next to (default: the whole record).') }, ['message']),
  },
  pluginAction: {
    label: 'Plugin action',
    description: 'Runs an action a plugin registered.',
    beforeSave: false,
    schema: object(
      {
        action: { type: 'string', pattern: PLUGIN_ACTION_PATTERN, title: 'Action', description: 'The action, as <plugin>.<action>, e.g. "starter-sales.scoreLead".' },
        input: { type: 'object', title: 'Input', description: `Input name → value. ${JSON_TEMPLATE}`, additionalProperties: mark(EXPRESSIONS, {}) },
      },
      ['action'],
    ),
  },
});

export const TRIGGER_TYPES: Readonly<Record<WorkflowTriggerType, WorkflowTypeInfo>> = withPaths({
  recordCreated: { label: 'Record created', description: 'When a record of the entity is created.', beforeSave: true, schema: object({ entity: ENTITY }, ['entity']) },
  recordUpdated: { label: 'Record updated', description: 'When a record of the entity is updated (previous holds the values before).', beforeSave: true, schema: object({ entity: ENTITY }, ['entity']) },
  recordDeleted: { label: 'Record deleted', description: 'After a record of the entity is deleted (record holds its last values).', beforeSave: false, schema: object({ entity: ENTITY }, ['entity']) },
  fieldChanged: {
    label: 'Field changed',
    description: 'When an update changes one of the listed fields (previous holds the values before).',
    beforeSave: true,
    schema: object({ entity: ENTITY, fields: { ...names('Fields', 'The fields to watch.', false), minItems: 1 } }, ['entity', 'fields']),
  },
  scheduled: {
    label: 'Scheduled',
    description: 'On a schedule: a cron expression in a time zone. There is no trigger record.',
    beforeSave: false,
    schema: object(
      {
        cron: text('Cron', 'minute hour day month weekday, e.g. "0 9 * * 1-5" (09:00 on weekdays); 6 fields with seconds first.'),
        timeZone: text('Time zone', 'An IANA time zone such as "Europe/Paris" (default: the workspace\'s, UTC).'),
      },
      ['cron'],
    ),
  },
  dateRelative: {
    label: 'Date-relative',
    description: 'Before or after the date in a date field of each record; re-scheduled when that date changes.',
    beforeSave: false,
    schema: object(
      {
        entity: ENTITY,
        field: text('Date field', 'A date or date-time field of the entity.'),
        offset: { ...DURATION_SCHEMA, title: 'Offset', description: 'How long before or after.' },
        direction: { enum: ['before', 'after'], title: 'Direction', description: 'Before or after the date.' },
        time: { type: 'string', pattern: TIME_PATTERN, title: 'Time', description: 'For a date field: the time of day, HH:MM (default 09:00).' },
        timeZone: text('Time zone', 'An IANA time zone for the time of day (default: the workspace\'s, UTC).'),
      },
      ['entity', 'field', 'offset', 'direction'],
    ),
  },
  manual: {
    label: 'Manual',
    description: 'A button on the record page (and the runWorkflow mutation).',
    beforeSave: false,
    schema: object({ entity: ENTITY, buttonLabel: text('Button label', 'The button\'s text (default: the workflow\'s label).') }, ['entity']),
  },
  webhook: { label: 'Webhook', description: 'An HTTP POST to the workflow\'s secret URL; the JSON body is trigger.payload. There is no trigger record.', beforeSave: false, schema: object({}) },
});

/** `{ type: X } ⇒ the settings of X` for each catalog entry, with the common properties and any per-type extras. */
function byType(catalog: Readonly<Record<string, WorkflowTypeInfo>>, common: Record<string, JsonSchema>, extra: Record<string, JsonSchema> = {}): JsonSchema[] {
  return Object.entries(catalog).map(([type, info]) => {
    const more = extra[type] ?? {};
    const then: JsonSchema = { ...info.schema, ...more, properties: { ...common, type: { const: type }, ...(info.schema.properties as Record<string, JsonSchema>), ...((more.properties as Record<string, JsonSchema>) ?? {}) } };
    return { if: { properties: { type: { const: type } }, required: ['type'] }, then };
  });
}

export const WORKFLOW_TRIGGER_SCHEMA: JsonSchema = {
  type: 'object',
  title: 'Trigger',
  description: 'What starts the workflow.',
  required: ['type'],
  properties: { type: { enum: Object.keys(TRIGGER_TYPES), description: 'The kind of trigger.' } },
  allOf: byType(TRIGGER_TYPES, {}),
};

const STEP_KEY: JsonSchema = { type: 'string', pattern: NAME_PATTERN, maxLength: MAX_NAME_LENGTH, description: 'camelCase, unique in the workflow: later steps read steps.<key>.' };
const BRANCH: JsonSchema = { type: 'array', items: { $ref: '#/definitions/workflowStep' } };
// The catalog leaves `if` branches out (the editor shows them as flows); the document has them.
const IF_BRANCHES: JsonSchema = {
  required: ['condition', 'then'],
  properties: { then: { ...BRANCH, description: 'Steps run when the condition holds.' }, else: { ...BRANCH, description: 'Steps run otherwise.' } },
};

export const WORKFLOW_STEP_SCHEMA: JsonSchema = {
  type: 'object',
  title: 'Step',
  required: ['key', 'type'],
  properties: { key: STEP_KEY, type: { enum: Object.keys(STEP_TYPES), description: 'The kind of step.' } },
  allOf: byType(STEP_TYPES, { key: STEP_KEY, label: { type: 'string', description: 'Name shown in the editor and the run history.' } }, { if: IF_BRANCHES }),
};

export const WORKFLOW_SCHEMA: JsonSchema = {
  type: 'object',
  title: 'Workflow',
  description: 'A trigger, an optional condition and steps run in order.',
  required: ['label', 'trigger', 'steps'],
  additionalProperties: false,
  properties: {
    label: { type: 'string', minLength: 1, description: 'Name shown to people, e.g. "Follow up won deals".' },
    description: { type: 'string', description: 'What the workflow is for.' },
    active: { type: 'boolean', description: 'Inactive workflows are kept (and can be test-run) but never triggered (default true).' },
    trigger: { $ref: '#/definitions/workflowTrigger' },
    condition: { description: `The workflow runs only when this holds. ${CONTEXT}` },
    timing: { enum: ['beforeSave', 'afterSave'], description: 'afterSave (default): a durable run after the write commits; beforeSave: inside the write, only updateRecord and failWithMessage steps.' },
    runAs: { type: 'string', minLength: 1, description: 'The role whose permissions the steps have: "admin" (default) or a role of the document.' },
    maxDepth: { type: 'integer', minimum: 1, maximum: MAX_WORKFLOW_DEPTH, description: `Loop guard: a run started this many workflow levels deep is stopped (default ${DEFAULT_WORKFLOW_DEPTH}, at most ${MAX_WORKFLOW_DEPTH}).` },
    steps: { type: 'array', description: 'The steps, run in order.', items: { $ref: '#/definitions/workflowStep' } },
  },
};
