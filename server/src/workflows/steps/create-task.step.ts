/**
 * createTask: a task (trellis.task) related to the trigger record, for the assignee the expression gives —
 * by default the record's owner; with neither, the task is unassigned (it shows on the record's Tasks panel).
 * Due `dueIn` after the step runs, or at `dueAt` (a date is taken at 09:00 in the assignee's time zone).
 * Written in the step's transaction, so a retried run never creates it twice.
 */
import { Injectable } from '@nestjs/common';
import type { CreateTaskStep } from '@trellis/metadata';
import { dateRelativeFireAt, durationMs } from '@trellis/runtime';
import { actorLabel } from '../../common/request-context.js';
import { isUuid } from '../../records/compile-filter.js';
import { MAX_TASK_DESCRIPTION, MAX_TASK_TITLE, TasksService } from '../../inbox/tasks.service.js';
import type { StepExecution, StepExecutor, StepResult } from '../step-executor.js';
import { formatInstant, recordPhrase } from './describe.js';
import { StepError } from './step-error.js';
import { activeUsers, type StepUser } from './step-users.js';
import { evaluateSetting, optionalTriggerRecord, renderSetting } from './step-values.js';

@Injectable()
export class CreateTaskStepExecutor implements StepExecutor<CreateTaskStep> {
  readonly type = 'createTask' as const;

  constructor(private readonly tasks: TasksService) {}

  async execute(execution: StepExecution<CreateTaskStep>): Promise<StepResult> {
    const { step, actor, client, document } = execution;
    const title = renderSetting(execution, step.title).trim().slice(0, MAX_TASK_TITLE);
    if (title === '') throw new StepError(step, 'the title is empty once its placeholders are filled in: give a title that does not depend only on blank values.', { field: 'title' });
    const description = renderSetting(execution, step.description).trim().slice(0, MAX_TASK_DESCRIPTION) || null;
    const assignee = await this.assignee(execution);
    const dueAt = this.dueAt(execution, assignee);
    const record = optionalTriggerRecord(execution);
    const input = { title, description, assigneeId: assignee?.id ?? null, dueAt: dueAt?.toISOString() ?? null, entity: record?.entity ?? null, recordId: record?.id ?? null };
    const summary =
      `task “${title}” ${assignee ? `for ${assignee.name}` : '(unassigned)'}` +
      (dueAt ? `, due ${formatInstant(dueAt, assignee?.timeZone)}` : '') +
      (record ? ` on ${recordPhrase(document, record.entity, execution.context.record)}` : '');
    if (execution.dryRun) return { input, output: { taskId: null }, description: `Would create ${summary}` };
    const taskId = await this.tasks.create(
      { workspace: actor.workspace, title, description, dueAt, assigneeId: assignee?.id ?? null, entity: record?.entity ?? null, recordId: record?.id ?? null, workflowRunId: execution.runId, createdBy: actorLabel(actor.actor) },
      client,
    );
    return { input, output: { taskId }, description: `Created ${summary}` };
  }

  private async assignee(execution: StepExecution<CreateTaskStep>): Promise<StepUser | null> {
    const { step, client } = execution;
    const value = step.assignee !== undefined ? evaluateSetting(execution, 'assignee', step.assignee) : execution.context.record?.['owner'];
    if (value === null || value === undefined || value === '') return null;
    const field = step.assignee !== undefined ? 'assignee' : undefined;
    if (typeof value !== 'string' || !isUuid(value)) {
      throw new StepError(step, `expected a user id for the assignee, got ${JSON.stringify(value)}: give an expression such as {"var": "record.owner"}.`, { field: 'assignee' });
    }
    const user = (await activeUsers(client, [value])).get(value);
    if (!user) {
      const source = field ? 'the assignee expression gave' : "the record's owner is";
      throw new StepError(step, `${source} ${value}, which is no active user: assign the task to an active user.`, { field: 'assignee' });
    }
    return user;
  }

  private dueAt(execution: StepExecution<CreateTaskStep>, assignee: StepUser | null): Date | null {
    const { step } = execution;
    if (step.dueIn && step.dueAt !== undefined) throw new StepError(step, 'give either "dueIn" or "dueAt", not both.', { field: 'dueAt', code: 'STEP_CONFIG' });
    if (step.dueIn) {
      try {
        return new Date(Date.now() + durationMs(step.dueIn));
      } catch (error) {
        throw new StepError(step, (error as Error).message, { field: 'dueIn', code: 'STEP_CONFIG' });
      }
    }
    if (step.dueAt === undefined) return null;
    const value = evaluateSetting(execution, 'dueAt', step.dueAt);
    if (value === null || value === undefined || value === '') return null;
    const at = typeof value === 'string' ? dateRelativeFireAt({ offset: { amount: 0, unit: 'minutes' }, direction: 'after' }, value, assignee?.timeZone ?? 'UTC') : null;
    if (!at) throw new StepError(step, `expected a date (YYYY-MM-DD) or a date-time, got ${JSON.stringify(value)}.`, { field: 'dueAt' });
    return at;
  }
}
