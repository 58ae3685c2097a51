/**
 * A JSON value whose JSON Logic operations are evaluated wherever they appear, for settings that BUILD
 * JSON (an HTTP body, a plugin action's input): `{ "deal": { "name": {"var": "record.name"}, "tags": ["a", {"var": "x"}] } }`.
 * Plain JSON Logic cannot build an object (a many-key object is returned untouched, its expressions
 * unevaluated; a one-key object is taken for an operator). Here a one-key object is an operation only when
 * its key IS an operator (built in or registered); any other object is a literal whose values are evaluated.
 */
import { evaluateExpression, listOperations, type WorkflowContext } from '@trellis/runtime';

/** json-logic-js's own operators (runtime/src/json-logic.ts keeps the same list, which it does not export). */
const BUILT_IN = new Set([
  'var', 'missing', 'missing_some', 'if', '?:', '==', '===', '!=', '!==', '!', '!!', 'or', 'and',
  '>', '>=', '<', '<=', 'max', 'min', '+', '-', '*', '/', '%', 'map', 'filter', 'reduce', 'all',
  'none', 'some', 'merge', 'in', 'cat', 'substr', 'log',
]);

export function isOperation(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (BUILT_IN.has(keys[0]!) || listOperations().includes(keys[0]!));
}

export function evaluateJsonTemplate(template: unknown, ctx: WorkflowContext): unknown {
  if (template === null || typeof template !== 'object') return template;
  if (Array.isArray(template)) return template.map((item) => evaluateJsonTemplate(item, ctx));
  if (isOperation(template)) return evaluateExpression(template, ctx);
  return Object.fromEntries(Object.entries(template).map(([key, value]) => [key, evaluateJsonTemplate(value, ctx)]));
}
