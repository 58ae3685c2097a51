/**
 * Administration → Mail outbox: the mails Trellis sent or will send (invitations, reset links, workflow emails),
 * each with its delivery — status, attempts, when it was sent, why the last attempt failed — so the links work
 * without SMTP too.
 */
import { formatDateTime, relativeTime } from '../lib/format.js';
import { useAsync } from '../lib/use-async.js';
import { EmptyState, ErrorBanner, Spinner } from '../ui/Feedback.js';
import { Icon } from '../ui/Icon.js';
import { fetchMailOutbox, type OutboxMail } from './admin-api.js';
import { AdminHeader } from './AdminHeader.js';
import { splitLinks } from './mail-links.js';
import { mailStatusText } from './mail-status.js';

/** Status, attempts, sent time and error as terms and definitions; each definition is named by its term. */
function Delivery({ mail }: { mail: OutboxMail }) {
  const status = mailStatusText(mail);
  const id = (what: string) => `mail-${mail.id}-${what}`;
  return (
    <dl className="mail-delivery" aria-label="Delivery">
      <div>
        <dt id={id('status')}>Status</dt>
        <dd aria-labelledby={id('status')}>
          <span className={`chip ${status.tone}`} title={status.hint || undefined}>
            {status.label}
          </span>
        </dd>
      </div>
      <div>
        <dt id={id('attempts')}>Attempts</dt>
        <dd aria-labelledby={id('attempts')}>{mail.attempts}</dd>
      </div>
      <div>
        <dt id={id('sent')}>Sent</dt>
        <dd aria-labelledby={id('sent')}>
          {mail.sentAt ? (
            <time dateTime={mail.sentAt} title={formatDateTime(mail.sentAt)}>
              {relativeTime(mail.sentAt)}
            </time>
          ) : (
            <span className="muted">Not yet</span>
          )}
        </dd>
      </div>
      {mail.error && (
        <div className="mail-error">
          <dt id={id('error')}>{mail.status === 'failed' ? 'Error' : 'Last error'}</dt>
          <dd aria-labelledby={id('error')}>{mail.error}</dd>
        </div>
      )}
    </dl>
  );
}

export function MailOutboxPage() {
  const mails = useAsync(() => fetchMailOutbox(50), []);
  return (
    <div className="page">
      <AdminHeader
        title="Mail outbox"
        subtitle="The newest mails Trellis sent or will send: invitations, password reset links and workflow emails, with their delivery. Without a mail server, pass the links on from here."
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
            <Delivery mail={m} />
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
