/**
 * JSON Logic operations a plugin adds. Each has an implementation (pure: the same function runs in the
 * browser's forms and on the server) and a signature (arguments, result type, description) that rule
 * validation, the rule editors' completion and the type checks read from metadata's signature registry.
 */
import type { LogicType } from '@trellis/metadata';

export interface PluginOperationDefinition {
  /** The implementation; receives the evaluated arguments of the rule. */
  evaluate: (...args: never[]) => unknown;
  /** Fewest arguments accepted. */
  minArgs: number;
  /** Most arguments accepted; omitted = no limit. */
  maxArgs?: number;
  /** What it evaluates to (`any` when it depends). */
  result: LogicType;
  /** One sentence for the rule editors, e.g. "Distance in km between two points". */
  description: string;
}

/** A JSON Logic operation: its definition, or just the function (then: any arguments, result `any`). */
export type PluginOperation = PluginOperationDefinition | ((...args: never[]) => unknown);

const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LOGIC_TYPES: readonly LogicType[] = ['boolean', 'number', 'string', 'date', 'dateTime', 'array', 'any'];

/** The definition of `operation`, a bare function given the loosest signature. */
export function operationDefinition(name: string, operation: PluginOperation): PluginOperationDefinition {
  if (typeof operation === 'function') {
    return { evaluate: operation, minArgs: 0, result: 'any', description: `Plugin operation ${name}.` };
  }
  return operation;
}

export function operationProblems(operations: Record<string, PluginOperation> | undefined): string[] {
  if (operations === undefined) return [];
  if (typeof operations !== 'object' || operations === null) return ['operations must be an object of operation definitions'];
  return Object.entries(operations).flatMap(([name, op]) => {
    const at = `operations.${name}`;
    const problems = OPERATION_NAME.test(name) ? [] : [`${at}: operation names are identifiers (letters, digits, '_')`];
    if (typeof op === 'function') return problems;
    if (typeof op !== 'object' || op === null) return [...problems, `${at} must be a function or { evaluate, minArgs, result, description }`];
    if (typeof op.evaluate !== 'function') problems.push(`${at}.evaluate must be a function`);
    if (!Number.isInteger(op.minArgs) || op.minArgs < 0) problems.push(`${at}.minArgs must be an integer ≥ 0`);
    if (op.maxArgs !== undefined && (!Number.isInteger(op.maxArgs) || op.maxArgs < op.minArgs)) problems.push(`${at}.maxArgs must be an integer ≥ minArgs`);
    if (!LOGIC_TYPES.includes(op.result)) problems.push(`${at}.result must be one of ${LOGIC_TYPES.join(', ')}`);
    if (typeof op.description !== 'string' || op.description.trim() === '') problems.push(`${at}.description must say in one sentence what it computes`);
    return problems;
  });
}
