/**
 * Why the JSON Logic → SQL compiler refused a rule. A GraphQLError with `extensions.code` BAD_USER_INPUT
 * (so the API returns it as is), plus `reason` (a category, for tests and the studio) and `at` (where in the
 * rule, e.g. `and[1].==[0]`).
 */
import { GraphQLError } from 'graphql';

export type RefusalReason =
  /** An operator the compiler does not translate (map, reduce, substr, changed, …). */
  | 'unsupported-operator'
  /** A `var` the compiler cannot read from a stored row (previous, an unknown field, a default value, …). */
  | 'unsupported-variable'
  /** The operands' types make JSON Logic's result impossible to reproduce exactly in SQL. */
  | 'type-mismatch'
  /** Arithmetic whose range could leave what SQL computes exactly (overflow, underflow). */
  | 'out-of-range'
  /** The rule itself is malformed (wrong argument shapes, text SQL cannot hold). */
  | 'invalid';

export class RuleCompileError extends GraphQLError {
  constructor(
    message: string,
    readonly reason: RefusalReason,
    readonly at: string,
  ) {
    super(at ? `${message} (at ${at})` : message, { extensions: { code: 'BAD_USER_INPUT', reason, at } });
    this.name = 'RuleCompileError';
  }
}

export function isRuleCompileError(error: unknown): error is RuleCompileError {
  return error instanceof RuleCompileError;
}
