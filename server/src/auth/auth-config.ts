/**
 * Settings of sign-in, sessions and the HTTP hardening hooks, read from the environment once at startup.
 * Every value has a safe default; tests pass their own (AppOptions.auth).
 */
export interface AuthConfig {
  /** A session unused this long expires (TRELLIS_SESSION_IDLE_HOURS, default 12 h). */
  sessionIdleMs: number;
  /** A session expires this long after sign-in whatever its use (7 days). */
  sessionAbsoluteMs: number;
  /** How long a resolved session or API key is trusted without asking the database (≤ 5 s). */
  credentialCacheMs: number;
  /** Honour X-Forwarded-Proto / X-Forwarded-For (TRELLIS_TRUST_PROXY=1): only behind a proxy that sets them. */
  trustProxy: boolean;
  /**
   * Where the studio is reached (TRELLIS_PUBLIC_URL, e.g. https://crm.example.com): links in mails point
   * there. Unset: the request's own origin (its Host header), fine on a trusted network or behind a proxy
   * that fixes Host.
   */
  publicUrl: string | null;
  /** Origins allowed cross-origin (TRELLIS_CORS_ORIGINS, comma list; none by default = same-origin only). */
  corsOrigins: string[];
  /** Requests per minute per user or API key (TRELLIS_RATE_LIMIT, default 1200; 0 = no limit). */
  rateLimitPerMinute: number;
  /** Requests per minute per IP to /auth/*, and failed credentials anywhere (TRELLIS_AUTH_RATE_LIMIT, default 30). */
  authRateLimitPerMinute: number;
  /** Failed sign-ins in a row before the account locks. */
  lockoutThreshold: number;
  /** First lock duration; each further failure while over the threshold doubles it, up to lockoutMaxMs. */
  lockoutBaseMs: number;
  lockoutMaxMs: number;
  /** Validity of a password-reset (or invitation) token. */
  resetTokenMs: number;
}

const HOUR = 3_600_000;

export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  return {
    sessionIdleMs: positiveNumber(env, 'TRELLIS_SESSION_IDLE_HOURS', 12) * HOUR,
    sessionAbsoluteMs: 7 * 24 * HOUR,
    credentialCacheMs: 5_000,
    trustProxy: env['TRELLIS_TRUST_PROXY'] === '1',
    publicUrl: env['TRELLIS_PUBLIC_URL']?.trim().replace(/\/+$/, '') || null,
    corsOrigins: (env['TRELLIS_CORS_ORIGINS'] ?? '')
      .split(',')
      .map((origin) => origin.trim().replace(/\/+$/, ''))
      .filter((origin) => origin.length > 0),
    rateLimitPerMinute: positiveNumber(env, 'TRELLIS_RATE_LIMIT', 1200, true),
    authRateLimitPerMinute: positiveNumber(env, 'TRELLIS_AUTH_RATE_LIMIT', 30, true),
    lockoutThreshold: 5,
    lockoutBaseMs: 60_000,
    lockoutMaxMs: HOUR,
    resetTokenMs: HOUR,
  };
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, zeroAllowed = false): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (value === 0 && !zeroAllowed)) {
    throw new Error(`${name} must be a ${zeroAllowed ? 'non-negative' : 'positive'} number, got "${raw}".`);
  }
  return value;
}
