/** The last card of a pack preview: the destructive confirmation, why the action is not ready yet, and its button. */
import type { ReactNode } from 'react';
import { ErrorBanner } from '../ui/Feedback.js';
import type { PackActionFailure } from './use-pack-action.js';

interface Props {
  title: string;
  /** The button's text and accessible name: "Install", "Upgrade", "Uninstall". */
  verb: string;
  busyText: string;
  busy: boolean;
  /** Why the button is disabled (null when ready). */
  blocker: string | null;
  destructive: boolean;
  confirmText: string;
  understood: boolean;
  onUnderstood: (value: boolean) => void;
  onRun: () => void;
  failure: PackActionFailure | null;
  danger?: boolean;
  children?: ReactNode;
}

export function ActionBox(props: Props) {
  const { title, verb, busyText, busy, blocker, destructive, confirmText, understood, onUnderstood, onRun, failure, danger, children } = props;
  const waiting = blocker ?? (destructive && !understood ? 'Confirm the destructive steps to continue.' : null);
  return (
    <section className="card stack publish-box" aria-labelledby="pack-action-title">
      <h2 id="pack-action-title" className="card-title">
        {title}
      </h2>
      {children}
      {failure && (
        <ErrorBanner title={`${verb} failed; nothing was changed`}>
          <p>{failure.message}</p>
          {failure.problems.length > 0 && (
            <ul className="problem-list">
              {failure.problems.map((p, i) => (
                <li key={i}>
                  <code>{p.path || '/'}</code> {p.message}
                </li>
              ))}
            </ul>
          )}
        </ErrorBanner>
      )}
      {destructive && (
        <label className="check danger-check">
          <input type="checkbox" checked={understood} onChange={(e) => onUnderstood(e.target.checked)} />
          <span>{confirmText}</span>
        </label>
      )}
      <div className="form-actions">
        <button type="button" className={danger || destructive ? 'btn btn-danger' : 'btn btn-primary'} disabled={busy || waiting !== null} onClick={onRun}>
          {busy ? busyText : verb}
        </button>
        {waiting && !busy && <span className="muted small">{waiting}</span>}
      </div>
    </section>
  );
}
