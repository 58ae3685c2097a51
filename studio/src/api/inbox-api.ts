/** Typed client for tasks and in-app notifications on the /metadata API (the inbox of the signed-in person). */
import { metadataClient } from './graphql-client.js';

export type TaskStatus = 'open' | 'done';

export interface Task {
  id: string;
  title: string;
  description: string | null;
  dueAt: string | null;
  status: TaskStatus;
  assigneeId: string | null;
  assigneeName: string | null;
  entity: string | null;
  recordId: string | null;
  recordLabel: string | null;
  workflowRunId: string | null;
  createdAt: string;
  completedAt: string | null;
  createdBy: string | null;
}

export interface Notification {
  id: string;
  title: string;
  body: string | null;
  entity: string | null;
  recordId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NewTask {
  title: string;
  description?: string;
  dueAt?: string;
  assigneeId?: string;
  entity?: string;
  recordId?: string;
}

const TASK_FIELDS =
  'id title description dueAt status assigneeId assigneeName entity recordId recordLabel workflowRunId createdAt completedAt createdBy';
const NOTIFICATION_FIELDS = 'id title body entity recordId createdAt readAt';

export async function fetchMyTasks(status: TaskStatus = 'open', first = 100): Promise<Task[]> {
  const data = await metadataClient.request<{ myTasks: Task[] }>(
    `query MyTasks($status: String, $first: Int) { myTasks(status: $status, first: $first) { ${TASK_FIELDS} } }`,
    { status, first },
  );
  return data.myTasks;
}

export async function fetchRecordTasks(entity: string, recordId: string): Promise<Task[]> {
  const data = await metadataClient.request<{ recordTasks: Task[] }>(
    `query RecordTasks($entity: String!, $recordId: ID!) { recordTasks(entity: $entity, recordId: $recordId) { ${TASK_FIELDS} } }`,
    { entity, recordId },
  );
  return data.recordTasks;
}

export async function createTask(task: NewTask): Promise<Task> {
  const data = await metadataClient.request<{ createTask: Task }>(
    `mutation CreateTask($title: String!, $description: String, $dueAt: DateTime, $assigneeId: ID, $entity: String, $recordId: ID) {
      createTask(title: $title, description: $description, dueAt: $dueAt, assigneeId: $assigneeId, entity: $entity, recordId: $recordId) { ${TASK_FIELDS} }
    }`,
    {
      title: task.title,
      description: task.description ?? null,
      dueAt: task.dueAt ?? null,
      assigneeId: task.assigneeId ?? null,
      entity: task.entity ?? null,
      recordId: task.recordId ?? null,
    },
  );
  return data.createTask;
}

export async function setTaskDone(id: string, done: boolean): Promise<Task> {
  const data = await metadataClient.request<{ setTaskDone: Task }>(
    `mutation SetTaskDone($id: ID!, $done: Boolean!) { setTaskDone(id: $id, done: $done) { ${TASK_FIELDS} } }`,
    { id, done },
  );
  return data.setTaskDone;
}

export async function fetchNotifications(first = 30, unreadOnly = false): Promise<Notification[]> {
  const data = await metadataClient.request<{ notifications: Notification[] }>(
    `query Notifications($first: Int, $unreadOnly: Boolean) { notifications(first: $first, unreadOnly: $unreadOnly) { ${NOTIFICATION_FIELDS} } }`,
    { first, unreadOnly },
  );
  return data.notifications;
}

export async function fetchUnreadNotificationCount(): Promise<number> {
  const data = await metadataClient.request<{ unreadNotificationCount: number }>(`query UnreadNotificationCount { unreadNotificationCount }`);
  return data.unreadNotificationCount;
}

/** Marks the given notifications read, or all of mine when `ids` is omitted; returns how many changed. */
export async function markNotificationsRead(ids?: string[]): Promise<number> {
  const data = await metadataClient.request<{ markNotificationsRead: number }>(
    `mutation MarkNotificationsRead($ids: [ID!]) { markNotificationsRead(ids: $ids) }`,
    { ids: ids ?? null },
  );
  return data.markNotificationsRead;
}
