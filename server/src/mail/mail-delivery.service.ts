/**
 * Sends pending outbox mail through the transport, in small batches claimed with FOR UPDATE SKIP LOCKED and a
 * lease (two instances never send the same mail at once; one that dies mid-send leaves it to be retried when
 * the lease ends). A failed send is retried with exponential backoff; after `maxAttempts`, or a permanent
 * refusal, the mail is marked failed with the error. Delivery is at least once: a crash between the send and
 * the status update sends that mail again (with the same Message-ID, so mail clients can fold duplicates).
 */
import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DatabaseService } from '../database/database.service.js';
import { mailDeliveryOptionsFromEnv, type MailDeliveryOptions } from './mail-config.js';
import { MAIL_TRANSPORT, type MailTransport } from './mail-transport.js';

export const MAIL_DELIVERY_OPTIONS = Symbol('MAIL_DELIVERY_OPTIONS');
const MAX_ERROR = 1000;

@Injectable()
export class MailDeliveryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MailDelivery');
  private readonly options: MailDeliveryOptions;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(
    private readonly database: DatabaseService,
    @Optional() @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport | null = null,
    @Optional() @Inject(MAIL_DELIVERY_OPTIONS) options?: Partial<MailDeliveryOptions>,
  ) {
    this.options = { ...mailDeliveryOptionsFromEnv(), ...options };
  }

  /** Whether mail is sent at all (false: outbox only). */
  get enabled(): boolean {
    return this.transport !== null;
  }

  onApplicationBootstrap(): void {
    if (!this.transport) return;
    this.logger.log(`sending outbox mail through ${this.transport.name}`);
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
    await this.transport?.close?.();
  }

  /** Sends the mails due now (one batch at most); how many were attempted. */
  async deliverDue(): Promise<number> {
    const transport = this.transport;
    if (!transport) return 0;
    const { rows } = await this.database.pool.query(
      `UPDATE trellis.mail_outbox SET next_attempt_at = now() + $2 * interval '1 millisecond'
        WHERE id IN (SELECT id FROM trellis.mail_outbox WHERE status = 'pending' AND next_attempt_at <= now()
                      ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING id::text, to_address, subject, body, attempts`,
      [this.options.batchSize, this.options.leaseMs],
    );
    for (const row of rows) {
      if (this.stopped) break;
      try {
        await transport.send({ id: row.id, to: row.to_address, subject: row.subject, body: row.body });
        await this.database.pool.query(`UPDATE trellis.mail_outbox SET status = 'sent', sent_at = now(), attempts = attempts + 1, error = NULL WHERE id = $1`, [row.id]);
      } catch (error) {
        await this.failed(row.id, row.attempts + 1, error);
      }
    }
    return rows.length;
  }

  private async failed(id: string, attempts: number, error: unknown): Promise<void> {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR);
    const giveUp = (error as Error)?.name === 'PermanentMailError' || attempts >= this.options.maxAttempts;
    const delay = Math.round(this.options.retryBaseMs * 2 ** (attempts - 1) * (0.8 + Math.random() * 0.4));
    await this.database.pool.query(
      `UPDATE trellis.mail_outbox SET attempts = $2, error = $3, status = CASE WHEN $4 THEN 'failed' ELSE 'pending' END,
              next_attempt_at = now() + $5 * interval '1 millisecond' WHERE id = $1`,
      [id, attempts, message, giveUp, delay],
    );
    if (giveUp) this.logger.warn(`mail ${id} failed after ${attempts} attempt${attempts > 1 ? 's' : ''}: ${message}`);
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.drain()
        .catch((error: unknown) => this.logger.warn(`mail delivery: ${String(error)}`))
        .finally(() => this.schedule(this.options.pollMs));
    }, delay);
    this.timer.unref?.();
  }

  /** Batches until nothing more is due. */
  private async drain(): Promise<void> {
    while (!this.stopped && (await this.deliverDue()) === this.options.batchSize);
  }
}
