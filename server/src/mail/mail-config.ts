/** Mail settings from the environment. */
import type { MailTransport } from './mail-transport.js';
import { DEFAULT_MAIL_FROM, smtpMailTransport } from './smtp-mail-transport.js';

export interface MailDeliveryOptions {
  /** How often the loop looks for due mail (TRELLIS_MAIL_POLL_MS, default 2000). */
  pollMs: number;
  /** Attempts before a mail is marked failed (TRELLIS_MAIL_MAX_ATTEMPTS, default 5). */
  maxAttempts: number;
  /** First retry delay, doubled per attempt, ±20 % jitter (TRELLIS_MAIL_RETRY_BASE_MS, default 30000). */
  retryBaseMs: number;
  /** Mails claimed per batch. */
  batchSize: number;
  /** A claimed mail is left alone by other instances this long (a crash mid-send retries it after). */
  leaseMs: number;
}

export function mailDeliveryOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): MailDeliveryOptions {
  const num = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return Number.isFinite(value) && value >= 0 ? value : fallback;
  };
  return {
    pollMs: num('TRELLIS_MAIL_POLL_MS', 2000) || 2000,
    maxAttempts: Math.max(1, Math.trunc(num('TRELLIS_MAIL_MAX_ATTEMPTS', 5))),
    retryBaseMs: num('TRELLIS_MAIL_RETRY_BASE_MS', 30_000),
    batchSize: 20,
    leaseMs: 120_000,
  };
}

/** SMTP when TRELLIS_SMTP_URL is set (sender TRELLIS_MAIL_FROM), else none: outbox only. */
export function mailTransportFromEnv(env: NodeJS.ProcessEnv = process.env): MailTransport | null {
  const url = env['TRELLIS_SMTP_URL']?.trim();
  if (!url) return null;
  return smtpMailTransport(url, env['TRELLIS_MAIL_FROM']?.trim() || DEFAULT_MAIL_FROM);
}
