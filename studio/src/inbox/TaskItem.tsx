/**
 * One task: a checkbox named by its title (ticking completes it, unticking reopens it), its due date (flagged when
 * overdue), description, assignee and the record it is about.
 */
import { useId, useState } from 'react';
import { setTaskDone, type Task } from '../api/inbox-api.js';
import { useMetadata } from '../app/metadata-context.js';
import { href } from '../app/router.js';
import { useDateTime } from '../lib/use-date-time.js';
import { useToast } from '../ui/Toast.js';
import { isOverdue, recordPath } from './task-logic.js';

interface Props {
  task: Task;
  onChanged: (task: Task) => void;
  /** The record page lists the tasks of its record: no link back to it, but who they are for. */
  showRecord?: boolean;
  showAssignee?: boolean;
}

export function TaskItem({ task, onChanged, showRecord = true, showAssignee = false }: Props) {
  const { doc } = useMetadata();
  const formatDateTime = useDateTime();
  const toast = useToast();
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  // The box follows the click at once (and goes back if the server refuses).
  const [pending, setPending] = useState<boolean | null>(null);
  const done = pending ?? task.status === 'done';
  const overdue = !done && isOverdue(task);
  const path = showRecord ? recordPath(task) : null;

  const toggle = async () => {
    const next = !done;
    setPending(next);
    setBusy(true);
    try {
      onChanged(await setTaskDone(task.id, next));
    } catch (e) {
      toast(`Could not ${next ? 'complete' : 'reopen'} “${task.title}”: ${(e as Error).message}`, 'error');
    } finally {
      setPending(null);
      setBusy(false);
    }
  };

  return (
    <li className={done ? 'task-item task-done' : overdue ? 'task-item task-overdue' : 'task-item'}>
      <input type="checkbox" className="task-check" checked={done} disabled={busy} aria-labelledby={titleId} onChange={() => void toggle()} />
      <div className="task-main">
        <span className="task-title" id={titleId}>
          {task.title}
        </span>
        {task.description && <p className="task-description muted">{task.description}</p>}
        <p className="task-meta small">
          {task.dueAt && (
            <span className={overdue ? 'task-due overdue' : 'task-due'}>
              Due <time dateTime={task.dueAt}>{formatDateTime(task.dueAt)}</time>
              {overdue && <span className="badge badge-red">Overdue</span>}
            </span>
          )}
          {done && task.completedAt && (
            <span className="muted">
              Done <time dateTime={task.completedAt}>{formatDateTime(task.completedAt)}</time>
            </span>
          )}
          {showAssignee && <span className="muted">For {task.assigneeName ?? 'nobody'}</span>}
          {path && (
            <a className="ref-link task-record" href={href(path)}>
              {task.recordLabel ?? `${doc.entities[task.entity!]?.label ?? task.entity} record`}
            </a>
          )}
        </p>
      </div>
    </li>
  );
}
