/**
 * "Retry" (dead or cancelled → queued again, attempts reset) and "Cancel run" (queued, waiting or dead → cancelled)
 * for one run. No confirmation: a cancelled run can be retried, so neither button loses anything for good.
 */
import { useState } from 'react';
import { cancelWorkflowRun, retryWorkflowRun, type WorkflowRun } from '../api/workflows-api.js';
import { Icon } from '../ui/Icon.js';
import { useToast } from '../ui/Toast.js';
import { canCancel, canRetry } from './run-status.js';

interface Props {
  run: Pick<WorkflowRun, 'id' | 'status'>;
  /** Called with the run as the server returned it after the change. */
  onChanged: (run: WorkflowRun) => void;
  small?: boolean;
}

export function RunActions({ run, onChanged, small }: Props) {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const act = async (action: 'retry' | 'cancel') => {
    setBusy(true);
    try {
      const changed = action === 'retry' ? await retryWorkflowRun(run.id) : await cancelWorkflowRun(run.id);
      toast(action === 'retry' ? 'Run queued again' : 'Run cancelled');
      onChanged(changed);
    } catch (e) {
      toast(`Could not ${action === 'retry' ? 'retry' : 'cancel'} the run: ${(e as Error).message}`, 'error');
    } finally {
      setBusy(false);
    }
  };
  const size = small ? 'btn btn-small' : 'btn';
  if (!canRetry(run.status) && !canCancel(run.status)) return null;
  return (
    <span className="run-actions">
      {canRetry(run.status) && (
        <button type="button" className={size} disabled={busy} onClick={() => void act('retry')}>
          <Icon name="restore" /> Retry
        </button>
      )}
      {canCancel(run.status) && (
        <button type="button" className={`${size} btn-danger-ghost`} disabled={busy} onClick={() => void act('cancel')}>
          <Icon name="x" /> Cancel run
        </button>
      )}
    </span>
  );
}
