/**
 * notify: one in-app notification per recipient (users expression, roles, teams, the record's owner —
 * each person once), about the trigger record when there is one, in the step's transaction.
 */
import { Injectable } from '@nestjs/common';
import type { NotifyStep } from '@trellis/metadata';
import { MAX_NOTIFICATION_BODY, MAX_NOTIFICATION_TITLE, NotificationsService } from '../../inbox/notifications.service.js';
import type { StepExecution, StepExecutor, StepResult } from '../step-executor.js';
import { namesOf, resolveRecipients } from './recipients.js';
import { StepError } from './step-error.js';
import { optionalTriggerRecord, renderSetting } from './step-values.js';

@Injectable()
export class NotifyStepExecutor implements StepExecutor<NotifyStep> {
  readonly type = 'notify' as const;

  constructor(private readonly notifications: NotificationsService) {}

  async execute(execution: StepExecution<NotifyStep>): Promise<StepResult> {
    const { step, actor, client } = execution;
    const title = renderSetting(execution, step.title).trim().slice(0, MAX_NOTIFICATION_TITLE);
    if (title === '') throw new StepError(step, 'the title is empty once its placeholders are filled in: give a title that does not depend only on blank values.', { field: 'title' });
    const body = renderSetting(execution, step.body).trim().slice(0, MAX_NOTIFICATION_BODY) || null;
    const { users, skipped } = await resolveRecipients(execution, step.recipients ?? {});
    const userIds = users.map((u) => u.id);
    const input = { title, body, userIds, ...(skipped.length > 0 ? { skippedInactive: skipped } : {}) };
    const skippedNote = skipped.length > 0 ? ` (skipped ${skipped.length} inactive or unknown user${skipped.length > 1 ? 's' : ''})` : '';
    const who = `${namesOf(users)}${skippedNote}`;
    if (execution.dryRun) return { input, output: { count: users.length, userIds }, description: `Would notify ${who}: “${title}”` };
    const record = optionalTriggerRecord(execution);
    await this.notifications.create(
      { workspace: actor.workspace, userIds, title, body, entity: record?.entity ?? null, recordId: record?.id ?? null, workflowRunId: execution.runId },
      client,
    );
    return { input, output: { count: users.length, userIds }, description: users.length > 0 ? `Notified ${who}: “${title}”` : `Notified nobody: the recipients include no active user${skippedNote}` };
  }
}
