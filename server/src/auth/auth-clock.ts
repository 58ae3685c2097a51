/**
 * The clock of sign-in, lockouts, sessions and tokens: a Nest provider so tests move time forward
 * (a lockout expiring, a session going idle) instead of sleeping.
 */
import type { Clock } from '@trellis/runtime';

export type { Clock } from '@trellis/runtime';

export const AUTH_CLOCK = Symbol('AUTH_CLOCK');
export const AUTH_CONFIG = Symbol('AUTH_CONFIG');
