/**
 * The record page's manual workflow buttons (active workflows with a manual trigger on this entity): a click
 * starts a run on the record and the toast links to it.
 */
import { useState } from 'react';
import { runWorkflow, workflowButtons, type WorkflowButton } from '../api/workflows-api.js';
import { href } from '../app/router.js';
import { useAsync } from '../lib/use-async.js';
import { Icon } from '../ui/Icon.js';
import { useToast } from '../ui/Toast.js';
import { runPath } from '../workflows-runs/run-status.js';

interface Props {
  entityName: string;
  id: string;
  /** Told after a run started (the runs panel reloads). */
  onStarted?: () => void;
}

export function RecordWorkflowButtons({ entityName, id, onStarted }: Props) {
  // No buttons rather than an error: the page works without them.
  const buttons = useAsync(() => workflowButtons(entityName).catch((): WorkflowButton[] => []), [entityName]);
  const toast = useToast();
  const [running, setRunning] = useState<string | null>(null);

  const start = async (button: WorkflowButton) => {
    setRunning(button.workflow);
    try {
      const run = await runWorkflow(button.workflow, id);
      toast(`“${button.label}” started`, 'success', { label: 'View run', href: href(runPath(run.id)) });
      onStarted?.();
    } catch (e) {
      toast(`Could not start “${button.label}”: ${(e as Error).message}`, 'error');
    } finally {
      setRunning(null);
    }
  };

  return (
    <>
      {buttons.data?.map((b) => (
        <button key={b.workflow} type="button" className="btn" disabled={running !== null} aria-busy={running === b.workflow || undefined} onClick={() => void start(b)}>
          <Icon name="play" /> {b.label}
        </button>
      ))}
    </>
  );
}
