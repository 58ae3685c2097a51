/**
 * How outbox mail leaves the server. A transport sends one mail or throws: a PermanentMailError (the server
 * refused it for good, e.g. an unknown mailbox) is not retried, anything else is. Without a transport
 * (MAIL_TRANSPORT = null) the outbox is the record: nothing is sent, admins read it in the studio.
 */
export interface OutgoingMail {
  /** The outbox row's id: a stable Message-ID across retries. */
  id: string;
  to: string;
  subject: string;
  body: string;
}

export interface MailTransport {
  /** For logs and the studio, e.g. "smtp://mail.example.com:587". */
  readonly name: string;
  send(mail: OutgoingMail): Promise<void>;
  close?(): void | Promise<void>;
}

/** A refusal that will not change on retry (SMTP 5xx). */
export class PermanentMailError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentMailError';
  }
}

/** The transport in use, or null for "outbox only". */
export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');
