/**
 * A short-lived in-process cache of resolved credentials (sessions, API keys), keyed by the token's hash.
 * The authentication hook runs on every data API request: a hit costs a hash and a Map lookup instead of
 * a database round trip. Entries live at most `ttlMs` (other instances' revocations show within that
 * time); revocations in this process drop entries at once, and a lookup that was already in flight when
 * one happened is not cached (it might have read the state before the revocation).
 */
export interface Cached<T> {
  /** null: the token is unknown, revoked or expired (cached too, so a replayed bad token costs no query). */
  value: T | null;
  /** Epoch ms after which the entry must be re-read. */
  freshUntil: number;
}

export class CredentialCache<T> {
  private readonly entries = new Map<string, Cached<T>>();
  private readonly loading = new Map<string, Promise<T | null>>();
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  /** The cached value (null = known bad), or undefined when the cache cannot answer. */
  lookup(key: string, nowMs: number): T | null | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (nowMs >= entry.freshUntil) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /**
   * Reads the credential with `load` (one read per key at a time) and caches the answer until
   * `validUntil` (e.g. the session's expiry) or the TTL, whichever comes first.
   */
  load(key: string, nowMs: number, load: () => Promise<{ value: T | null; validUntil?: number }>): Promise<T | null> {
    const inFlight = this.loading.get(key);
    if (inFlight) return inFlight;
    const generation = this.generation;
    const promise = load()
      .then(({ value, validUntil }) => {
        if (generation === this.generation) this.store(key, { value, freshUntil: Math.min(nowMs + this.ttlMs, validUntil ?? Infinity) });
        return value;
      })
      .finally(() => this.loading.delete(key));
    this.loading.set(key, promise);
    return promise;
  }

  /** Drops the entries whose value matches (a revoked session, a deactivated user's sessions…). */
  forget(matches: (value: T) => boolean): void {
    this.generation++;
    for (const [key, entry] of this.entries) if (entry.value !== null && matches(entry.value)) this.entries.delete(key);
  }

  forgetKey(key: string): void {
    this.generation++;
    this.entries.delete(key);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  private store(key: string, entry: Cached<T>): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, entry);
  }
}
