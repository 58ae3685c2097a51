/**
 * The data API's Apollo servers, one per access key (the role sets people hold), kept to a bounded number: a
 * publish that changes a role's grants gives its holders a new key, and the servers of keys nobody uses any
 * more would otherwise stay in memory (schema, gateway subscription) for the life of the process. Beyond `max`,
 * the least recently used one is dropped, and stopped once its last request in flight has been answered;
 * `pinned` keys (the full schema's) are never dropped. Pure bookkeeping: how to start and stop a server is given.
 */
export interface ServerPoolOptions<T> {
  max: number;
  /** Must not throw: log instead. */
  stop(server: T): Promise<void>;
  pinned?: ReadonlySet<string>;
}

interface Entry<T> {
  started: Promise<T>;
  lastUsed: number;
  inFlight: number;
  dropped: boolean;
}

export class ServerPool<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private clock = 0;

  constructor(private readonly options: ServerPoolOptions<T>) {}

  /** Runs `use` with the key's server (`start`ed on first use); the server is not stopped while `use` runs. */
  async with<R>(key: string, start: () => Promise<T>, use: (server: T) => Promise<R>): Promise<R> {
    const entry = this.entryFor(key, start);
    entry.inFlight++;
    entry.lastUsed = ++this.clock;
    try {
      return await use(await entry.started);
    } finally {
      entry.inFlight--;
      if (entry.dropped && entry.inFlight === 0) void this.stopEntry(entry);
    }
  }

  /** The keys with a server, least recently used first. */
  keys(): string[] {
    return [...this.entries].sort(([, a], [, b]) => a.lastUsed - b.lastUsed).map(([key]) => key);
  }

  /** Stops every server (at shutdown). */
  async stopAll(): Promise<void> {
    const entries = [...this.entries.values()];
    this.entries.clear();
    await Promise.all(entries.map((entry) => this.stopEntry(entry)));
  }

  private entryFor(key: string, start: () => Promise<T>): Entry<T> {
    const known = this.entries.get(key);
    if (known) return known;
    const entry: Entry<T> = { started: start(), lastUsed: ++this.clock, inFlight: 0, dropped: false };
    this.entries.set(key, entry);
    entry.started.catch(() => this.entries.get(key) === entry && this.entries.delete(key)); // a failed start is retried by the next request
    this.dropBeyondMax();
    return entry;
  }

  private dropBeyondMax(): void {
    const droppable = this.keys().filter((key) => !this.options.pinned?.has(key));
    for (const key of droppable.slice(0, Math.max(0, this.entries.size - this.options.max))) {
      const entry = this.entries.get(key)!;
      this.entries.delete(key);
      entry.dropped = true;
      if (entry.inFlight === 0) void this.stopEntry(entry);
    }
  }

  private async stopEntry(entry: Entry<T>): Promise<void> {
    const server = await entry.started.catch(() => undefined);
    if (server !== undefined) await this.options.stop(server);
  }
}
