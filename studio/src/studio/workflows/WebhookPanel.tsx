/**
 * A webhook trigger's URL and secret (from the server, for published workflows) with "Rotate secret": anyone
 * holding the URL can start the workflow, so the secret can be replaced at any time.
 */
import { useState } from 'react';
import { useMetadata } from '../../app/metadata-context.js';
import { rotateWorkflowSecret, workflowWebhook } from '../../api/workflows-api.js';
import { useAsync } from '../../lib/use-async.js';
import { ConfirmDialog } from '../../ui/Dialog.js';
import { ErrorBanner, Spinner } from '../../ui/Feedback.js';
import { Icon } from '../../ui/Icon.js';
import { useToast } from '../../ui/Toast.js';

export function WebhookPanel({ name }: { name: string }) {
  const { doc } = useMetadata();
  const published = doc.workflows?.[name]?.trigger.type === 'webhook';
  if (!published) {
    return <p className="muted small">The URL and its secret are created when the workflow is published with this trigger. The JSON body of a call is available as “trigger.payload”.</p>;
  }
  return <PublishedWebhook name={name} />;
}

function PublishedWebhook({ name }: { name: string }) {
  const toast = useToast();
  const hook = useAsync(() => workflowWebhook(name), [name]);
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);
  const [rotated, setRotated] = useState<{ url: string; secret: string } | null>(null);
  const current = rotated ?? hook.data;
  const url = current ? new URL(current.url, window.location.origin).toString() : '';

  const copy = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      toast(`${what} copied`);
    } catch {
      toast(`Could not copy the ${what.toLowerCase()}; select it and copy it by hand.`, 'error');
    }
  };
  const rotate = async () => {
    setBusy(true);
    try {
      setRotated(await rotateWorkflowSecret(name));
      toast('Secret rotated: the old URL no longer works');
    } catch (e) {
      toast(`Could not rotate the secret: ${(e as Error).message}`, 'error');
    } finally {
      setBusy(false);
      setConfirm(false);
    }
  };

  if (hook.loading && !current) return <Spinner label="Loading the webhook URL" />;
  if (hook.error && !current) return <ErrorBanner title="Could not load the webhook URL" onRetry={hook.reload}>{hook.error.message}</ErrorBanner>;
  return (
    <div className="webhook-panel stack">
      <div className="field">
        <label className="field-label" htmlFor={`webhook-url-${name}`}>
          Webhook URL
        </label>
        <div className="webhook-row">
          <input id={`webhook-url-${name}`} className="input mono" readOnly value={url} onFocus={(e) => e.target.select()} />
          <button type="button" className="btn" onClick={() => void copy(url, 'URL')}>
            <Icon name="copy" /> Copy URL
          </button>
        </div>
        <p className="field-help">POST a JSON object (up to 1 MB) to this URL; it answers 202 with the run id. The body is “trigger.payload”.</p>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`webhook-secret-${name}`}>
          Secret
        </label>
        <div className="webhook-row">
          <input id={`webhook-secret-${name}`} className="input mono" readOnly value={current?.secret ?? ''} onFocus={(e) => e.target.select()} />
          <button type="button" className="btn" onClick={() => setConfirm(true)} disabled={busy}>
            <Icon name="restore" /> Rotate secret
          </button>
        </div>
        <p className="field-help">Part of the URL; also the key of the HMAC signature of signed HTTP request steps.</p>
      </div>
      <ConfirmDialog open={confirm} title="Rotate the webhook secret?" confirmLabel="Rotate secret" danger busy={busy} onCancel={() => setConfirm(false)} onConfirm={() => void rotate()}>
        <p>Callers using the current URL get “404 Not Found” from now on; give them the new URL.</p>
      </ConfirmDialog>
    </div>
  );
}
