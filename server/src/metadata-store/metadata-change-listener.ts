/**
 * LISTENs on the metadata channel over a dedicated connection, so an instance hears publishes made by
 * the others sharing the database. Reconnects with backoff; after a reconnect it reports `null`
 * (notifications may have been missed: drop every cache).
 */
import type pg from 'pg';
import { METADATA_CHANNEL } from './metadata-store.types.js';

export interface MetadataNotification {
  workspace: string;
  version: number;
}

export class MetadataChangeListener {
  private client?: pg.Client;
  private closed = false;
  private retryTimer?: NodeJS.Timeout;
  private retryDelayMs = 250;

  constructor(
    private readonly connect: () => Promise<pg.Client>,
    private readonly onChange: (notification: MetadataNotification | null) => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  async start(): Promise<void> {
    const client = await this.connect();
    client.on('notification', (message) => {
      if (message.channel !== METADATA_CHANNEL || !message.payload) return;
      try {
        const parsed = JSON.parse(message.payload) as MetadataNotification;
        if (typeof parsed.workspace === 'string' && Number.isInteger(parsed.version)) this.onChange(parsed);
      } catch (error) {
        this.onError(error);
      }
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, undefined));
    await client.query(`LISTEN ${METADATA_CHANNEL}`);
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
        .then(() => this.onChange(null))
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
