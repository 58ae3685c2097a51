/**
 * The clock rules read `now` from. A Nest provider so tests (and later replays) inject a fixed one:
 * `{ provide: CLOCK, useValue: () => new Date('2026-01-01T00:00:00Z') }`.
 */
import type { Provider } from '@nestjs/common';
import { systemClock, type Clock } from '@trellis/runtime';

export type { Clock } from '@trellis/runtime';

export const CLOCK = Symbol('CLOCK');

export const clockProvider: Provider<Clock> = { provide: CLOCK, useValue: systemClock };
