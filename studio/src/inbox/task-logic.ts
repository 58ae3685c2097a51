/** Which tasks a tab of "My tasks" shows and how their due dates read (pure). */
import type { Task } from '../api/inbox-api.js';

export type TaskTab = 'open' | 'overdue' | 'done';

export const TASK_TABS: { id: TaskTab; label: string }[] = [
  { id: 'open', label: 'Open' },
  { id: 'overdue', label: 'Overdue' },
  { id: 'done', label: 'Done' },
];

export function parseTaskTab(value: string | null): TaskTab {
  return value === 'overdue' || value === 'done' ? value : 'open';
}

/** An open task whose due time has passed. */
export function isOverdue(task: Pick<Task, 'status' | 'dueAt'>, now = Date.now()): boolean {
  return task.status === 'open' && task.dueAt != null && new Date(task.dueAt).getTime() < now;
}

/** Open tasks: soonest due first, those without a due date last (newest first among them). */
export function sortOpenTasks(tasks: Task[]): Task[] {
  const due = (t: Task) => (t.dueAt ? new Date(t.dueAt).getTime() : Number.POSITIVE_INFINITY);
  return [...tasks].sort((a, b) => due(a) - due(b) || b.createdAt.localeCompare(a.createdAt));
}

/** Done tasks: the most recently completed first. */
export function sortDoneTasks(tasks: Task[]): Task[] {
  return [...tasks].sort((a, b) => (b.completedAt ?? b.createdAt).localeCompare(a.completedAt ?? a.createdAt));
}

/** The tasks of a tab, from the open list (open and overdue tabs) or the done list. */
export function tasksOfTab(tab: TaskTab, open: Task[], done: Task[], now = Date.now()): Task[] {
  if (tab === 'done') return sortDoneTasks(done);
  const sorted = sortOpenTasks(open);
  return tab === 'overdue' ? sorted.filter((t) => isOverdue(t, now)) : sorted;
}

/** The hash path of the record a task or notification is about, if any. */
export function recordPath(item: { entity: string | null; recordId: string | null }): string | null {
  return item.entity && item.recordId ? `/data/${item.entity}/${item.recordId}` : null;
}

/** After the checkbox was toggled: the task moves from one list to the other. */
export function moveTask(task: Task, open: Task[], done: Task[]): { open: Task[]; done: Task[] } {
  const without = (list: Task[]) => list.filter((t) => t.id !== task.id);
  return task.status === 'done' ? { open: without(open), done: [task, ...without(done)] } : { open: [task, ...without(open)], done: without(done) };
}

/**
 * What "My tasks" shows: both lists, and the ids of the current tab fixed when the tab was opened (or loaded), so a
 * task ticked or unticked stays in place, struck through, until the person changes tab.
 */
export interface TaskBoard {
  open: Task[];
  done: Task[];
  shown: string[];
}

export function taskBoard(tab: TaskTab, open: Task[], done: Task[], now = Date.now()): TaskBoard {
  return { open, done, shown: tasksOfTab(tab, open, done, now).map((t) => t.id) };
}

/** After a task was toggled or created: it moves between the lists; a new one of this tab joins the top. */
export function changeTask(board: TaskBoard, task: Task, tab: TaskTab, now = Date.now()): TaskBoard {
  const moved = moveTask(task, board.open, board.done);
  const belongs = tab === 'done' ? task.status === 'done' : task.status === 'open' && (tab === 'open' || isOverdue(task, now));
  const shown = board.shown.includes(task.id) || !belongs ? board.shown : [task.id, ...board.shown];
  return { ...moved, shown };
}

export function shownTasks(board: TaskBoard): Task[] {
  const byId = new Map([...board.open, ...board.done].map((t) => [t.id, t]));
  return board.shown.flatMap((id) => byId.get(id) ?? []);
}
