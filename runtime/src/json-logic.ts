import jsonLogic from 'json-logic-js';

/** A JSON Logic expression (https://jsonlogic.com): a primitive, an array, or `{ "<operator>": args }`. */
export type JsonLogicRule = unknown;

/** A custom operation: receives the already-evaluated arguments of the rule. */
export type JsonLogicOperation = (...args: never[]) => unknown;

/**
 * Operators json-logic-js implements itself. Registering one of these names would silently
 * replace (or, for the control-flow ones, be ignored in favour of) the built-in, so it is refused.
 */
const BUILT_IN_OPERATIONS: ReadonlySet<string> = new Set([
  'var', 'missing', 'missing_some', 'if', '?:', '==', '===', '!=', '!==', '!', '!!', 'or', 'and',
  '>', '>=', '<', '<=', 'max', 'min', '+', '-', '*', '/', '%', 'map', 'filter', 'reduce', 'all',
  'none', 'some', 'merge', 'in', 'cat', 'substr', 'log',
]);

const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Names registered through `registerOperation`, so they can be listed and removed again. */
const registered = new Map<string, JsonLogicOperation>();

/**
 * Evaluates a JSON Logic rule against a context. Trellis rules always receive the same context shape
 * (`{ record, previous, user, now }`) in the browser, the API, imports and workflows.
 * Throws when the rule uses an operator that is neither built in nor registered.
 */
export function evaluateRule(rule: JsonLogicRule, context: Record<string, unknown> = {}): unknown {
  return jsonLogic.apply(rule as Parameters<typeof jsonLogic.apply>[0], context);
}

/** JSON Logic truthiness (an empty array is false, unlike JavaScript). */
export function isTruthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}

/** Evaluates a rule and reduces the result to a boolean with JSON Logic truthiness. */
export function evaluateCondition(rule: JsonLogicRule, context: Record<string, unknown> = {}): boolean {
  return isTruthy(evaluateRule(rule, context));
}

/**
 * Adds an operator usable in every rule (plugins contribute these through `operations`).
 * Registering the same name again replaces the previous function; built-in operator names are refused.
 */
export function registerOperation(name: string, fn: JsonLogicOperation): void {
  if (!OPERATION_NAME.test(name)) {
    throw new Error(`Cannot register JSON Logic operation '${name}': names are letters, digits and '_' and start with a letter or '_'`);
  }
  if (BUILT_IN_OPERATIONS.has(name)) {
    throw new Error(`Cannot register JSON Logic operation '${name}': it is a built-in operator`);
  }
  if (typeof fn !== 'function') {
    throw new Error(`Cannot register JSON Logic operation '${name}': expected a function`);
  }
  registered.set(name, fn);
  jsonLogic.add_operation(name, fn as (...args: unknown[]) => unknown);
}

/** Removes an operator added with `registerOperation`; returns whether it existed. */
export function unregisterOperation(name: string): boolean {
  if (!registered.delete(name)) return false;
  jsonLogic.rm_operation(name);
  return true;
}

/** Names of the operators added with `registerOperation`, sorted. */
export function listOperations(): string[] {
  return [...registered.keys()].sort();
}
