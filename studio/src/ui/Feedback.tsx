/** Loading, empty and error states shared by the pages. */
import type { ReactNode } from 'react';
import { Icon } from './Icon.js';

export function Spinner({ label = 'Loading' }: { label?: string }) {
  return (
    <div className="spinner-row" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label}…</span>
    </div>
  );
}

export function ErrorBanner({ title, children, onRetry }: { title?: string; children: ReactNode; onRetry?: () => void }) {
  return (
    <div className="banner banner-error" role="alert">
      <Icon name="warning" />
      <div className="banner-text">
        {title && <strong>{title}</strong>}
        <div>{children}</div>
      </div>
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty-state">
      <h3>{title}</h3>
      {children && <p>{children}</p>}
      {action}
    </div>
  );
}
