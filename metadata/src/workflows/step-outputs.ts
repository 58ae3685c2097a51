/**
 * What each built-in step gives later steps (`steps.<key>.<property>`), for checks and completion. Steps
 * without a fixed shape (`if`, `wait`, plugin actions) are `undefined`: any property is accepted.
 */
import type { LogicType } from '../rules/operations.js';
import type { WorkflowStepType } from './types.js';

export interface StepOutputProperty {
  type: LogicType;
  description: string;
  /** Whether paths may go further (`steps.call.body.items`): free JSON. */
  open?: boolean;
}

export const STEP_OUTPUTS: Readonly<Record<WorkflowStepType, Readonly<Record<string, StepOutputProperty>> | undefined>> = {
  updateRecord: { id: { type: 'string', description: 'The id of the updated record' } },
  createRecord: { id: { type: 'string', description: 'The id of the created record' } },
  updateRelated: { count: { type: 'number', description: 'How many related records were updated' }, ids: { type: 'array', description: 'Their ids' } },
  assign: { userId: { type: 'string', description: 'The id of the new owner' } },
  createTask: { taskId: { type: 'string', description: 'The id of the created task' } },
  notify: { count: { type: 'number', description: 'How many people were notified' } },
  sendEmail: { mailIds: { type: 'array', description: 'The ids of the emails put in the outbox' } },
  httpRequest: {
    status: { type: 'number', description: 'The HTTP status code of the response' },
    headers: { type: 'any', description: 'The response headers (lower-case names)', open: true },
    body: { type: 'any', description: 'The response body (parsed when JSON)', open: true },
  },
  if: undefined,
  wait: undefined,
  failWithMessage: undefined,
  pluginAction: undefined,
};
