/**
 * LISTENs on `trellis_workflow` over a dedicated connection: the outbox trigger says "event", a new or
 * re-queued run says "run" (from any instance). Reconnects with backoff; a reconnect reports both kinds,
 * since notifications may have been missed meanwhile (the engine's poll catches up in any case).
 */
import type pg from 'pg';

export const WORKFLOW_CHANNEL = 'trellis_workflow';

export type WorkflowNotification = 'event' | 'run';

export class WorkflowNotificationListener {
  private client?: pg.Client;
  private closed = false;
  private retryTimer?: NodeJS.Timeout;
  private retryDelayMs = 250;

  constructor(
    private readonly connect: () => Promise<pg.Client>,
    private readonly onNotification: (kind: WorkflowNotification) => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  async start(): Promise<void> {
    const client = await this.connect();
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    client.on('notification', (message) => {
      if (message.channel !== WORKFLOW_CHANNEL) return;
      this.onNotification(message.payload === 'run' ? 'run' : 'event');
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, undefined));
    await client.query(`LISTEN ${WORKFLOW_CHANNEL}`);
    this.client = client;
    this.retryDelayMs = 250;
  }

  private lost(client: pg.Client, error: unknown): void {
    if (this.closed || this.client !== client) return;
    this.client = undefined;
    if (error) this.onError(error);
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed) return;
    this.retryTimer = setTimeout(() => {
      this.start()
        .then(() => {
          this.onNotification('event');
          this.onNotification('run');
        })
        .catch((error: unknown) => {
          this.onError(error);
          this.retryDelayMs = Math.min(this.retryDelayMs * 2, 10_000);
          this.scheduleReconnect();
        });
    }, this.retryDelayMs);
    this.retryTimer.unref();
  }

  async stop(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
