/** "Add task": a title, an optional description, due date and assignee (default: me), optionally about a record. */
import { useId, useState } from 'react';
import { createTask, type Task } from '../api/inbox-api.js';
import { useDirectory } from '../api/directory-api.js';
import { useSession } from '../auth/session-context.js';
import { localInputToIso } from '../lib/format.js';
import { useSubmit } from '../lib/use-submit.js';
import { Dialog } from '../ui/Dialog.js';

interface Props {
  /** The record the task is about (the record page's Tasks panel). */
  about?: { entity: string; recordId: string; name: string };
  onCreated: (task: Task) => void;
  onClose: () => void;
}

export function AddTaskDialog({ about, onCreated, onClose }: Props) {
  const { user } = useSession();
  const directory = useDirectory();
  const id = useId();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [due, setDue] = useState('');
  const [assignee, setAssignee] = useState(user.id);
  const submit = useSubmit(
    () => title.trim() !== '',
    async () => {
      const task = await createTask({
        title: title.trim(),
        description: description.trim() || undefined,
        dueAt: localInputToIso(due),
        assigneeId: assignee,
        entity: about?.entity,
        recordId: about?.recordId,
      });
      onCreated(task);
      onClose();
    },
  );
  const missingTitle = submit.tried && title.trim() === '';
  const users = (directory?.users ?? []).filter((u) => u.active || u.id === assignee).sort((a, b) => a.name.localeCompare(b.name));

  return (
    <Dialog
      open
      title={about ? `Add a task about “${about.name}”` : 'Add a task'}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={id} className="btn btn-primary" disabled={submit.busy}>
            Add task
          </button>
        </>
      }
    >
      <form id={id} className="stack" onSubmit={submit.onSubmit} noValidate>
        <label className="field">
          <span className="field-label">
            Title <span className="req">*</span>
          </span>
          <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} aria-invalid={missingTitle || undefined} autoFocus />
          {missingTitle && <span className="field-error">Give the task a title.</span>}
        </label>
        <label className="field">
          <span className="field-label">Description</span>
          <textarea className="input" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <div className="grid-2">
          <label className="field">
            <span className="field-label">Due</span>
            <input className="input" type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">Assignee</span>
            <select className="input" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
              {users.length === 0 && <option value={user.id}>{user.name} (me)</option>}
              {users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                  {u.id === user.id ? ' (me)' : ''}
                </option>
              ))}
            </select>
          </label>
        </div>
        {submit.error && (
          <p className="field-error" role="alert">
            Could not add the task: {submit.error.message}
          </p>
        )}
      </form>
    </Dialog>
  );
}
