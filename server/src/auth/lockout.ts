/**
 * Lockout after repeated failed sign-ins: `threshold` failures in a row lock the account for `baseMs`;
 * every further failure (once the lock has expired) locks it again for twice as long, up to `maxMs`.
 * A successful sign-in (or an admin's unlock) resets the count.
 */
import type { AuthConfig } from './auth-config.js';

export type LockoutSettings = Pick<AuthConfig, 'lockoutThreshold' | 'lockoutBaseMs' | 'lockoutMaxMs'>;

/** How long `failures` failures in a row lock the account for (0 = not locked). */
export function lockDuration(failures: number, settings: LockoutSettings): number {
  if (failures < settings.lockoutThreshold) return 0;
  return Math.min(settings.lockoutMaxMs, settings.lockoutBaseMs * 2 ** Math.min(failures - settings.lockoutThreshold, 30));
}

/**
 * The same bookkeeping, in memory, for emails no user has: an unknown email locks like a known one, so
 * the answers do not tell which emails exist. Bounded: the oldest entries go first.
 */
export class UnknownEmailLockout {
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();

  constructor(
    private readonly settings: LockoutSettings,
    private readonly maxEntries = 10_000,
  ) {}

  lockedUntil(email: string, now: number): number | null {
    const entry = this.failures.get(email);
    return entry && entry.lockedUntil > now ? entry.lockedUntil : null;
  }

  /** Counts a failure; returns the lock's end when it locks. */
  fail(email: string, now: number): number | null {
    const entry = this.failures.get(email) ?? { count: 0, lockedUntil: 0 };
    this.failures.delete(email);
    if (this.failures.size >= this.maxEntries) this.failures.delete(this.failures.keys().next().value!);
    entry.count++;
    const duration = lockDuration(entry.count, this.settings);
    if (duration > 0) entry.lockedUntil = now + duration;
    this.failures.set(email, entry);
    return duration > 0 ? entry.lockedUntil : null;
  }
}
