/**
 * JSON templates: settings that BUILD a JSON value (an httpRequest `body`, each `pluginAction` input) with
 * JSON Logic operations wherever they appear, e.g. `{"dealId": {"var": "record.id"}, "tags": ["a", {"var": "record.stage"}]}`.
 * The same reading as the server's evaluator (server/src/workflows/steps/json-template.ts): an object whose
 * single key is a known operator is an operation; any other object or array is literal JSON whose items
 * are read the same way; everything else is itself. Each operation is then checked and rewritten like any
 * other expression, at its own path.
 */
import { findOperationSignature } from '../rules/operations.js';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether `value` is a JSON Logic operation in a JSON template: one key, and that key a known operator. */
export function isTemplateOperation(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && findOperationSignature(keys[0]!) !== undefined;
}

/** An operation of a JSON template and where it is, as segments below the template (`['tags', 1]`; `[]` = the whole template). */
export interface TemplateExpression {
  segments: (string | number)[];
  expr: Record<string, unknown>;
}

/** The operations of a JSON template, in document order. */
export function templateExpressions(template: unknown, segments: (string | number)[] = []): TemplateExpression[] {
  if (Array.isArray(template)) return template.flatMap((item, i) => templateExpressions(item, [...segments, i]));
  if (!isObject(template)) return [];
  if (isTemplateOperation(template)) return [{ segments, expr: template }];
  return Object.entries(template).flatMap(([key, value]) => templateExpressions(value, [...segments, key]));
}
