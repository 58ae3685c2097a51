/**
 * "My tasks": the tasks assigned to the signed-in person — open ones (soonest due first), the overdue ones, and
 * done ones — with a checkbox to complete or reopen each (it stays in place until the tab changes), a link to its
 * record, and "Add task".
 */
import { useEffect, useState } from 'react';
import { fetchMyTasks, type Task } from '../api/inbox-api.js';
import { navigate, useRoute } from '../app/router.js';
import { useSession } from '../auth/session-context.js';
import { useAsync } from '../lib/use-async.js';
import { usePoll } from '../lib/use-poll.js';
import { EmptyState, ErrorBanner, Spinner } from '../ui/Feedback.js';
import { Icon } from '../ui/Icon.js';
import { AddTaskDialog } from './AddTaskDialog.js';
import { changeTask, isOverdue, parseTaskTab, shownTasks, TASK_TABS, taskBoard, type TaskBoard, type TaskTab } from './task-logic.js';
import { TaskItem } from './TaskItem.js';

const EMPTY: Record<TaskTab, string> = {
  open: 'Nothing to do. Tasks assigned to you (by a person or a workflow) appear here.',
  overdue: 'No overdue task.',
  done: 'No completed task yet.',
};

export function MyTasksPage() {
  const route = useRoute();
  const { user } = useSession();
  const tab = parseTaskTab(route.query.get('tab'));
  const loaded = useAsync(async () => {
    const [open, done] = await Promise.all([fetchMyTasks('open'), fetchMyTasks('done')]);
    return { open, done };
  }, []);
  usePoll(loaded.reload, 30_000);
  const [board, setBoard] = useState<TaskBoard | null>(null);
  useEffect(() => {
    if (loaded.data) setBoard(taskBoard(tab, loaded.data.open, loaded.data.done));
  }, [loaded.data]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => setBoard((b) => (b ? taskBoard(tab, b.open, b.done) : b)), [tab]);
  const [adding, setAdding] = useState(false);

  const select = (next: TaskTab) => navigate(next === 'open' ? '/tasks' : `/tasks?tab=${next}`, { replace: true });
  const changed = (task: Task) => setBoard((b) => (b ? changeTask(b, task, tab) : b));
  const counts: Record<TaskTab, number | null> = board
    ? { open: board.open.length, overdue: board.open.filter((t) => isOverdue(t)).length, done: null }
    : { open: null, overdue: null, done: null };
  const tasks = board ? shownTasks(board) : [];

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>My tasks</h1>
          <p className="page-subtitle">What you were asked to do, by people and by workflows.</p>
        </div>
        <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
          <Icon name="plus" /> Add task
        </button>
      </header>
      <div className="tabs" role="tablist" aria-label="Tasks">
        {TASK_TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tasks-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls="tasks-panel"
            className={tab === t.id ? 'tab active' : 'tab'}
            onClick={() => select(t.id)}
          >
            {t.label}{' '}
            {counts[t.id] != null && <span className={t.id === 'overdue' && counts.overdue ? 'count task-count-overdue' : 'count'}>{counts[t.id]}</span>}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="tasks-panel" aria-labelledby={`tasks-tab-${tab}`}>
        {loaded.error && (
          <ErrorBanner title="Cannot load your tasks" onRetry={loaded.reload}>
            {loaded.error.message}
          </ErrorBanner>
        )}
        {!board && loaded.loading && <Spinner label="Loading your tasks" />}
        {board && tasks.length === 0 && <EmptyState title={tab === 'open' ? 'All done' : 'No tasks'}>{EMPTY[tab]}</EmptyState>}
        {tasks.length > 0 && (
          <ul className="card task-list" aria-label={`${TASK_TABS.find((t) => t.id === tab)!.label} tasks`}>
            {tasks.map((task) => (
              <TaskItem key={task.id} task={task} onChanged={changed} />
            ))}
          </ul>
        )}
      </div>
      {adding && <AddTaskDialog onCreated={(task) => task.assigneeId === user.id && changed(task)} onClose={() => setAdding(false)} />}
    </div>
  );
}
