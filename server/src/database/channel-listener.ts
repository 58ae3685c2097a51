/**
 * LISTENs on one Postgres channel over a dedicated connection and hands on each notification's payload.
 * A lost connection is replaced, with backoff (250 ms, doubling up to 10 s); after a reconnect `onReconnect`
 * is called, since notifications may have been missed meanwhile.
 */
import type pg from 'pg';

export interface ChannelHandlers {
  onPayload: (payload: string | undefined) => void;
  onReconnect: () => void;
  onError: (error: unknown) => void;
}

export class ChannelListener {
  private client?: pg.Client;
  private closed = false;
  private retryTimer?: NodeJS.Timeout;
  private retryDelayMs = 250;

  constructor(
    private readonly channel: string,
    private readonly connect: () => Promise<pg.Client>,
    private readonly handlers: ChannelHandlers,
  ) {}

  async start(): Promise<void> {
    const client = await this.connect();
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    client.on('notification', (message) => {
      if (message.channel === this.channel) this.handlers.onPayload(message.payload);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, undefined));
    await client.query(`LISTEN ${this.channel}`);
    this.client = client;
    this.retryDelayMs = 250;
  }

  private lost(client: pg.Client, error: unknown): void {
    if (this.closed || this.client !== client) return;
    this.client = undefined;
    if (error) this.handlers.onError(error);
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed) return;
    this.retryTimer = setTimeout(() => {
      this.start()
        .then(() => this.handlers.onReconnect())
        .catch((error: unknown) => {
          this.handlers.onError(error);
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
