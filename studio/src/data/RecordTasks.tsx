/** The record page's Tasks panel: the tasks about this record (open first), "Add task", and ticking them done. */
import { useEffect, useState } from 'react';
import { fetchRecordTasks, type Task } from '../api/inbox-api.js';
import { useAsync } from '../lib/use-async.js';
import { usePoll } from '../lib/use-poll.js';
import { Icon } from '../ui/Icon.js';
import { AddTaskDialog } from '../inbox/AddTaskDialog.js';
import { TaskItem } from '../inbox/TaskItem.js';
import { sortDoneTasks, sortOpenTasks } from '../inbox/task-logic.js';

interface Props {
  entityName: string;
  id: string;
  recordName: string;
}

/** Workflows add tasks in the background: the panel looks again now and then. */
const REFRESH_MS = 30_000;

export function RecordTasks({ entityName, id, recordName }: Props) {
  const loaded = useAsync(() => fetchRecordTasks(entityName, id), [entityName, id]);
  const [tasks, setTasks] = useState<Task[] | null>(null);
  useEffect(() => setTasks(loaded.data ?? null), [loaded.data]);
  usePoll(loaded.reload, REFRESH_MS);
  const [adding, setAdding] = useState(false);

  const upsert = (task: Task) => setTasks((list) => [task, ...(list ?? []).filter((t) => t.id !== task.id)]);
  const open = sortOpenTasks((tasks ?? []).filter((t) => t.status === 'open'));
  const done = sortDoneTasks((tasks ?? []).filter((t) => t.status === 'done'));

  return (
    <section className="card related-list record-tasks" aria-labelledby="record-tasks-title">
      <header className="related-header">
        <h2 id="record-tasks-title">
          Tasks <span className="count">{tasks ? open.length : ''}</span>
        </h2>
        <button type="button" className="btn btn-small" onClick={() => setAdding(true)}>
          <Icon name="plus" /> Add task
        </button>
      </header>
      {loaded.error && <p className="field-error">Cannot load the tasks: {loaded.error.message}</p>}
      {tasks && tasks.length === 0 && <p className="muted related-empty">No tasks yet.</p>}
      {tasks && tasks.length > 0 && (
        <ul className="task-list" aria-label="Tasks of this record">
          {[...open, ...done].map((task) => (
            <TaskItem key={task.id} task={task} onChanged={upsert} showRecord={false} showAssignee />
          ))}
        </ul>
      )}
      {adding && <AddTaskDialog about={{ entity: entityName, recordId: id, name: recordName }} onCreated={upsert} onClose={() => setAdding(false)} />}
    </section>
  );
}
