/** When a `wait` step ends: `duration` after now, or the instant (or date, at 09:00 in the time zone) `until` gives. */
import type { WaitStep } from '@trellis/metadata';
import { dateRelativeFireAt, durationMs, evaluateExpression, type WorkflowContext } from '@trellis/runtime';

export function waitUntil(step: WaitStep, ctx: WorkflowContext, now: Date, timeZone: string): Date {
  if (step.duration) return new Date(now.getTime() + durationMs(step.duration));
  if (step.until === undefined) throw new Error(`Wait step "${step.key}" has neither a duration nor an until expression.`);
  const value = evaluateExpression(step.until, ctx);
  const at = dateRelativeFireAt({ offset: { amount: 0, unit: 'minutes' }, direction: 'after' }, typeof value === 'string' ? value : null, timeZone);
  if (!at) throw new Error(`Wait step "${step.key}": "until" gave ${JSON.stringify(value) ?? 'nothing'}, not a date or date-time.`);
  return at;
}
