/**
 * How the Mail outbox describes a mail's delivery (server: trellis.mail_outbox status, attempts, error):
 * pending (not sent yet — or no mail server is configured, so the outbox is where the links are),
 * retrying (pending after a failed attempt), sent, or failed (the delivery loop gave up).
 */
import type { OutboxMail } from './admin-api.js';

export interface MailStatusText {
  label: string;
  /** A chip colour class. */
  tone: string;
  /** A sentence for the chip's tooltip. */
  hint: string;
}

const times = (n: number): string => `${n} attempt${n === 1 ? '' : 's'}`;

export function mailStatusText(mail: Pick<OutboxMail, 'status' | 'attempts'>): MailStatusText {
  switch (mail.status) {
    case 'pending':
      return mail.attempts > 0
        ? { label: 'Retrying', tone: 'chip-amber', hint: `Not sent yet: ${times(mail.attempts)} failed, Trellis tries again shortly.` }
        : { label: 'Pending', tone: 'chip-gray', hint: 'Not sent yet — or no mail server is configured: then pass the links on from here.' };
    case 'sent':
      return { label: 'Sent', tone: 'chip-green', hint: 'Handed to the mail server.' };
    case 'failed':
      return { label: 'Failed', tone: 'chip-red', hint: `Trellis gave up after ${times(mail.attempts)}; pass the links on from here, or fix the mail server settings.` };
    default:
      // A status of a newer server, shown as it comes.
      return { label: mail.status, tone: 'chip-gray', hint: '' };
  }
}
