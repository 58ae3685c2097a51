/** SMTP through nodemailer, configured by a connection URL (`smtp://user:pass@host:587`, `smtps://…:465`). */
import nodemailer from 'nodemailer';
import { PermanentMailError, type MailTransport, type OutgoingMail } from './mail-transport.js';

export const DEFAULT_MAIL_FROM = 'Trellis <trellis@localhost>';

export function smtpMailTransport(url: string, from: string = DEFAULT_MAIL_FROM): MailTransport {
  const transporter = nodemailer.createTransport(url, { from });
  const parsed = safeUrl(url);
  return {
    name: parsed ? `${parsed.protocol}//${parsed.host}` : 'smtp',
    async send(mail: OutgoingMail): Promise<void> {
      try {
        await transporter.sendMail({ to: mail.to, subject: mail.subject, text: mail.body, messageId: `<outbox-${mail.id}@${domainOf(from)}>` });
      } catch (error) {
        const code = (error as { responseCode?: unknown }).responseCode;
        // 5xx: the server refused the message or the mailbox for good; 4xx and connection faults may pass later.
        if (typeof code === 'number' && code >= 500 && code < 600) throw new PermanentMailError((error as Error).message, { cause: error });
        throw error;
      }
    },
    close: () => transporter.close(),
  };
}

function safeUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The domain of the sender address, for Message-IDs. */
function domainOf(from: string): string {
  return /@([^>\s]+)/.exec(from)?.[1] ?? 'localhost';
}
