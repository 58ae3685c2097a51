/**
 * The record page's manual workflow buttons (active workflows with a manual trigger on this entity): a click
 * starts a run on the record and the toast links to it. The run is then followed until it stops (succeeded,
 * failed, waiting) so the page can show what it changed on the record.
 */
import { useEffect, useRef, useState } from 'react';
import { fetchWorkflowRun, runWorkflow, workflowButtons, type WorkflowButton, type WorkflowRun } from '../api/workflows-api.js';
import { href } from '../app/router.js';
import { useAsync } from '../lib/use-async.js';
import { Icon } from '../ui/Icon.js';
import { useToast } from '../ui/Toast.js';
import { isUnfinished, runPath } from '../workflows-runs/run-status.js';

/** How often, and how long, a started run is followed (a slow HTTP step or a retry outlasts it: the runs panel still shows the end). */
const FOLLOW_EVERY_MS = 500;
const FOLLOW_FOR_MS = 60_000;

interface Props {
  entityName: string;
  id: string;
  /** Told after a run started (the runs panel reloads). */
  onStarted?: () => void;
  /** Told when a run started here stopped running (its steps may have changed the record). */
  onStopped?: (run: WorkflowRun, button: WorkflowButton) => void;
}

export function RecordWorkflowButtons({ entityName, id, onStarted, onStopped }: Props) {
  // No buttons rather than an error: the page works without them.
  const buttons = useAsync(() => workflowButtons(entityName).catch((): WorkflowButton[] => []), [entityName]);
  const toast = useToast();
  const [running, setRunning] = useState<string | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const stopped = useRef(onStopped);
  stopped.current = onStopped;

  const follow = async (started: WorkflowRun, button: WorkflowButton) => {
    const until = Date.now() + FOLLOW_FOR_MS;
    let run: WorkflowRun | null = started;
    while (run && isUnfinished(run.status) && run.status !== 'waiting' && Date.now() < until) {
      await new Promise((resolve) => window.setTimeout(resolve, FOLLOW_EVERY_MS));
      if (!mounted.current) return;
      run = await fetchWorkflowRun(started.id).catch(() => null);
    }
    if (run && mounted.current && (!isUnfinished(run.status) || run.status === 'waiting')) stopped.current?.(run, button);
  };

  const start = async (button: WorkflowButton) => {
    setRunning(button.workflow);
    try {
      const run = await runWorkflow(button.workflow, id);
      toast(`“${button.label}” started`, 'success', { label: 'View run', href: href(runPath(run.id)) });
      onStarted?.();
      void follow(run, button);
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
