/**
 * How an expression setting is shown: a plain value ("won", 42), a field or output it reads (`{"var": …}`), or
 * a formula (any other JSON Logic). Switching the mode never changes the value by itself.
 */
import type { JsonLogic } from '@trellis/metadata';

export type ExpressionMode = 'value' | 'field' | 'formula';

const isPrimitive = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

export function expressionMode(value: JsonLogic | undefined): ExpressionMode {
  if (value === undefined || isPrimitive(value)) return 'value';
  if (Array.isArray(value)) return value.every(isPrimitive) ? 'value' : 'formula';
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === 'var' && typeof (value as { var: unknown }).var === 'string') return 'field';
  }
  return 'formula';
}

/** The var path an expression reads, when it is just that. */
export function readPath(value: JsonLogic | undefined): string | undefined {
  return expressionMode(value) === 'field' ? (value as { var: string }).var : undefined;
}
