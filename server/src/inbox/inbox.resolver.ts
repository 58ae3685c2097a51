/**
 * Tasks and notifications on the /metadata API. Everyone signed in has an inbox: their own tasks and
 * notifications. A record's tasks need read access to the record; a task is closed by its assignee, its
 * creator, or someone who may manage users.
 */
import type { IncomingMessage } from 'node:http';
import { UseFilters } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { apiError } from '../common/errors.js';
import { actorLabel, httpRequestContext, type RequestContext } from '../common/request-context.js';
import { accessOf } from '../auth/capabilities.js';
import { UsersService } from '../auth/users.service.js';
import { MetadataErrorFilter } from '../metadata-store/metadata-error.filter.js';
import { MetadataStoreService } from '../metadata-store/metadata-store.service.js';
import { isUuid } from '../records/compile-filter.js';
import { RecordService } from '../records/record.service.js';
import { Notification, Task } from './inbox.types.js';
import { NotificationsService } from './notifications.service.js';
import { creatorNames } from './creator-names.js';
import { recordLabels } from '../records/record-labels.js';
import { MAX_TASK_DESCRIPTION, MAX_TASK_TITLE, TasksService, type TaskRow, type TaskStatusFilter } from './tasks.service.js';
import { DatabaseService } from '../database/database.service.js';

const STATUSES: TaskStatusFilter[] = ['open', 'done', 'all'];

@Resolver()
@UseFilters(MetadataErrorFilter)
export class InboxResolver {
  constructor(
    private readonly tasks: TasksService,
    private readonly notificationsService: NotificationsService,
    private readonly records: RecordService,
    private readonly users: UsersService,
    private readonly store: MetadataStoreService,
    private readonly database: DatabaseService,
  ) {}

  @Query(() => [Task], { description: 'Your tasks: open ones by due date (status "open", "done" or "all").' })
  async myTasks(
    @Context('req') req: IncomingMessage,
    @Args('status', { type: () => String, nullable: true, defaultValue: 'open' }) status: string | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 100 }) first: number | null,
  ): Promise<Task[]> {
    const ctx = httpRequestContext(req);
    status ??= 'open'; // an explicit null (a client's unset variable) means the default
    if (!STATUSES.includes(status as TaskStatusFilter)) throw apiError('BAD_USER_INPUT', `status must be one of ${STATUSES.join(', ')} (got "${status}").`);
    const rows = await this.tasks.listForAssignee(ctx.workspace, userOf(ctx), status as TaskStatusFilter, clamp(first ?? 100, 500));
    return this.views(ctx, rows);
  }

  @Query(() => [Task], { description: "A record's tasks (only for records you may read)." })
  async recordTasks(@Context('req') req: IncomingMessage, @Args('entity') entity: string, @Args('recordId', { type: () => ID }) recordId: string): Promise<Task[]> {
    const ctx = httpRequestContext(req);
    await this.requireReadable(ctx, entity, recordId);
    return this.views(ctx, await this.tasks.listForRecord(ctx.workspace, entity, recordId));
  }

  @Mutation(() => Task, { description: 'Creates a task (default assignee: you). With a record, you must be able to read it.' })
  async createTask(
    @Context('req') req: IncomingMessage,
    @Args('title') title: string,
    @Args('description', { type: () => String, nullable: true }) description?: string | null,
    @Args('dueAt', { type: () => Date, nullable: true }) dueAt?: Date | null,
    @Args('assigneeId', { type: () => ID, nullable: true }) assigneeId?: string | null,
    @Args('entity', { type: () => String, nullable: true }) entity?: string | null,
    @Args('recordId', { type: () => ID, nullable: true }) recordId?: string | null,
  ): Promise<Task> {
    const ctx = httpRequestContext(req);
    const me = userOf(ctx);
    const cleanTitle = title.trim();
    if (cleanTitle === '' || cleanTitle.length > MAX_TASK_TITLE) throw apiError('BAD_USER_INPUT', `A task needs a title of 1 to ${MAX_TASK_TITLE} characters.`, { field: 'title' });
    if (description && description.length > MAX_TASK_DESCRIPTION) throw apiError('BAD_USER_INPUT', `The description is longer than ${MAX_TASK_DESCRIPTION} characters.`, { field: 'description' });
    if (!entity !== !recordId) throw apiError('BAD_USER_INPUT', 'Give both entity and recordId to relate the task to a record, or neither.', { field: entity ? 'recordId' : 'entity' });
    if (entity && recordId) await this.requireReadable(ctx, entity, recordId);
    const assignee = assigneeId ?? me;
    const user = await this.users.get(assignee);
    if (!user?.active) throw apiError('BAD_USER_INPUT', `No active user with id ${assignee}: assign the task to an active user.`, { field: 'assigneeId' });
    const id = await this.tasks.create({
      workspace: ctx.workspace,
      title: cleanTitle,
      description: description?.trim() || null,
      dueAt: dueAt ?? null,
      assigneeId: assignee,
      entity: entity ?? null,
      recordId: recordId ?? null,
      createdBy: actorLabel(ctx.actor),
    });
    return (await this.views(ctx, [(await this.tasks.get(id))!]))[0]!;
  }

  @Mutation(() => Task, { description: 'Marks a task done or open again (its assignee, its creator, or whoever may manage users).' })
  async setTaskDone(@Context('req') req: IncomingMessage, @Args('id', { type: () => ID }) id: string, @Args('done') done: boolean): Promise<Task> {
    const ctx = httpRequestContext(req);
    const task = await this.tasks.get(id);
    if (!task || task.workspace !== ctx.workspace) throw apiError('NOT_FOUND', `No task with id ${id}.`);
    const mine = ctx.actor.userId !== null && (task.assigneeId === ctx.actor.userId || task.createdBy === `user:${ctx.actor.userId}`);
    if (!mine && task.createdBy !== actorLabel(ctx.actor)) {
      const access = await accessOf(this.store, ctx);
      if (!access.admin && !access.manageUsers) {
        throw apiError('FORBIDDEN', 'Only the task’s assignee, its creator or someone who may manage users can close or reopen it.', { capability: 'manageUsers' });
      }
    }
    return (await this.views(ctx, [(await this.tasks.setDone(task.id, done))!]))[0]!;
  }

  @Query(() => [Notification], { description: 'Your notifications, newest first.' })
  async notifications(
    @Context('req') req: IncomingMessage,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 30 }) first: number | null,
    @Args('unreadOnly', { type: () => Boolean, nullable: true, defaultValue: false }) unreadOnly: boolean | null,
  ): Promise<Notification[]> {
    const ctx = httpRequestContext(req);
    return this.notificationsService.list(ctx.workspace, userOf(ctx), clamp(first ?? 30, 200), unreadOnly ?? false);
  }

  @Query(() => Int, { description: 'How many of your notifications are unread (the badge on the bell).' })
  async unreadNotificationCount(@Context('req') req: IncomingMessage): Promise<number> {
    const ctx = httpRequestContext(req);
    return this.notificationsService.unreadCount(ctx.workspace, userOf(ctx));
  }

  @Mutation(() => Int, { description: 'Marks your notifications read: these ids, or all of them when none are given. Returns how many changed.' })
  async markNotificationsRead(@Context('req') req: IncomingMessage, @Args('ids', { type: () => [ID], nullable: true }) ids?: string[] | null): Promise<number> {
    const ctx = httpRequestContext(req);
    return this.notificationsService.markRead(ctx.workspace, userOf(ctx), ids ?? null);
  }

  /** NOT_FOUND unless the caller may read the record (so a task list never confirms a hidden record exists). */
  private async requireReadable(ctx: RequestContext, entity: string, recordId: string): Promise<void> {
    const found = isUuid(recordId) ? await this.records.get(ctx, entity, recordId, { selection: { fields: [{ key: 'id', field: 'id' }] } }) : null;
    if (!found) throw apiError('NOT_FOUND', `No ${entity} with id ${recordId} that you may read.`);
  }

  private async views(ctx: RequestContext, rows: TaskRow[]): Promise<Task[]> {
    const [labels, creators] = await Promise.all([
      recordLabels(this.records, ctx, rows),
      creatorNames(this.database.pool, (await this.store.current(ctx.workspace)).served, rows.map((r) => r.createdBy)),
    ]);
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      description: row.description,
      dueAt: row.dueAt,
      status: row.status,
      assigneeId: row.assigneeId,
      assigneeName: row.assigneeName,
      entity: row.entity,
      recordId: row.recordId,
      recordLabel: row.entity && row.recordId ? (labels.get(`${row.entity}:${row.recordId}`) ?? null) : null,
      workflowRunId: row.workflowRunId,
      createdAt: row.createdAt,
      completedAt: row.completedAt,
      createdBy: row.createdBy ? (creators.get(row.createdBy) ?? row.createdBy) : null,
    }));
  }
}

/** The user the caller acts for: inboxes belong to people (an API key acts for its creator). */
function userOf(ctx: RequestContext): string {
  if (!ctx.actor.userId) throw apiError('FORBIDDEN', 'Tasks and notifications belong to users: this credential acts for no user.');
  return ctx.actor.userId;
}

function clamp(first: number, max: number): number {
  return Math.min(Math.max(Math.trunc(first) || 1, 1), max);
}
