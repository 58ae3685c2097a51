/**
 * Undo/redo over immutable draft documents. Consecutive edits with the same `key` within `coalesceMs`
 * (typing in one input) collapse into one undo step.
 */
export interface History<T> {
  present: T;
  past: T[];
  future: T[];
  lastKey?: string;
  lastAt?: number;
}

export const HISTORY_LIMIT = 100;

export function startHistory<T>(present: T): History<T> {
  return { present, past: [], future: [] };
}

export function record<T>(h: History<T>, next: T, key?: string, now = Date.now(), coalesceMs = 1200): History<T> {
  if (next === h.present) return h;
  const coalesce = key !== undefined && key === h.lastKey && h.lastAt !== undefined && now - h.lastAt < coalesceMs;
  const past = coalesce ? h.past : [...h.past, h.present].slice(-HISTORY_LIMIT);
  return { present: next, past, future: [], lastKey: key, lastAt: now };
}

export function undo<T>(h: History<T>): History<T> {
  if (h.past.length === 0) return h;
  return { present: h.past[h.past.length - 1], past: h.past.slice(0, -1), future: [h.present, ...h.future] };
}

export function redo<T>(h: History<T>): History<T> {
  if (h.future.length === 0) return h;
  return { present: h.future[0], past: [...h.past, h.present], future: h.future.slice(1) };
}
