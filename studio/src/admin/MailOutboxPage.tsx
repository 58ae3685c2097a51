/** Administration → Mail outbox: the mails Trellis sent (invitations, reset links), so they work without SMTP. */
import { formatDateTime, relativeTime } from '../lib/format.js';
import { useAsync } from '../lib/use-async.js';
import { EmptyState, ErrorBanner, Spinner } from '../ui/Feedback.js';
import { Icon } from '../ui/Icon.js';
import { fetchMailOutbox } from './admin-api.js';
import { AdminHeader } from './AdminHeader.js';
import { splitLinks } from './mail-links.js';

export function MailOutboxPage() {
  const mails = useAsync(() => fetchMailOutbox(50), []);
  return (
    <div className="page">
      <AdminHeader
        title="Mail outbox"
        subtitle="The newest mails Trellis sent: invitations and password reset links. Without a mail server, pass the links on from here."
        action={
          <button type="button" className="btn" onClick={mails.reload}>
            <Icon name="restore" /> Refresh
          </button>
        }
      />
      {mails.error && (
        <ErrorBanner title="Cannot load the outbox" onRetry={mails.reload}>
          {mails.error.message}
        </ErrorBanner>
      )}
      {mails.loading && !mails.data && <Spinner label="Loading mails" />}
      {mails.data && mails.data.length === 0 && <EmptyState title="No mails yet">Invitations and password reset links appear here.</EmptyState>}
      <ol className="mail-list" aria-label="Mails">
        {mails.data?.map((m) => (
          <li key={m.id} className="card mail-card" aria-labelledby={`mail-${m.id}`}>
            <header className="mail-header">
              <span className="mail-icon" aria-hidden="true">
                <Icon name="mail" />
              </span>
              <div className="mail-heading">
                <h2 id={`mail-${m.id}`}>{m.subject}</h2>
                <span className="muted small">
                  To <strong className="mail-to">{m.to}</strong> ·{' '}
                  <time dateTime={m.createdAt} title={formatDateTime(m.createdAt)}>
                    {relativeTime(m.createdAt)}
                  </time>
                </span>
              </div>
            </header>
            <p className="mail-body">
              {splitLinks(m.body).map((part, i) =>
                part.href ? (
                  <a key={i} href={part.href} className="mail-link">
                    {part.text}
                  </a>
                ) : (
                  <span key={i}>{part.text}</span>
                ),
              )}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
