/**
 * The signature registry of JSON Logic operations: name, how many arguments, what the result is. Pure data for
 * static checks (`analyzeJsonLogic`), editor completion and the SQL compiler's "supported?" question. The
 * implementations live in `runtime/` (json-logic-js built-ins plus `registerOperation`); a plugin that adds an
 * operation registers its implementation there and its signature here.
 */

/** What an expression evaluates to, as far as can be known without data. `any` = unknown / mixed. */
export type LogicType = 'boolean' | 'number' | 'string' | 'date' | 'dateTime' | 'array' | 'any';

export interface OperationSignature {
  name: string;
  /** Fewest arguments accepted. */
  minArgs: number;
  /** Most arguments accepted; omitted = no limit. */
  maxArgs?: number;
  /** Type of the result, or a function of the arguments' inferred types (e.g. `if`: the type its branches share). */
  result: LogicType | ((argTypes: LogicType[]) => LogicType);
  /** One sentence for editors (completion, hover). */
  description: string;
  /**
   * Arguments evaluated once per item of an array (map, filter, all, none, some, reduce): inside them `var` names
   * the item (`""`, or `current` / `accumulator` for reduce), not the rule context.
   */
  itemScopeArgs?: number[];
  /** Where the operation comes from: json-logic-js itself, the Trellis extras, or a plugin. */
  origin: 'jsonLogic' | 'trellis' | 'plugin';
}

/** The type all of `types` share, or `any`. */
export function unifyTypes(types: LogicType[]): LogicType {
  const [first, ...rest] = types;
  return first !== undefined && rest.every((t) => t === first) ? first : 'any';
}

/** `if` / `?:`: [cond, then, cond, then, …, else]; without an else the result may be null. */
function branchType(argTypes: LogicType[]): LogicType {
  if (argTypes.length === 1) return argTypes[0]!;
  const branches = argTypes.filter((_, i) => i % 2 === 1);
  const hasElse = argTypes.length % 2 === 1;
  if (hasElse) branches.push(argTypes.at(-1)!);
  const shared = unifyTypes(branches);
  // A missing else gives null, which is falsy: still a condition when every branch is one.
  return hasElse || shared === 'boolean' ? shared : 'any';
}

type Sig = Omit<OperationSignature, 'origin'>;
const sig = (name: string, minArgs: number, maxArgs: number | undefined, result: Sig['result'], description: string, extra: Partial<Sig> = {}): Sig => ({
  name,
  minArgs,
  ...(maxArgs === undefined ? {} : { maxArgs }),
  result,
  description,
  ...extra,
});

const JSON_LOGIC: Sig[] = [
  sig('var', 0, 2, 'any', 'A value of the rule context by dotted path, e.g. "record.amount"; optional second argument: default.'),
  sig('missing', 1, undefined, 'array', 'The listed paths whose value is null or empty (an empty list when none is missing).'),
  sig('missing_some', 2, 2, 'array', '[n, paths]: the missing paths when fewer than n of them have a value, else an empty list.'),
  sig('if', 1, undefined, branchType, '[condition, then, condition, then, …, else]: the value of the first branch whose condition is truthy.'),
  sig('?:', 1, undefined, branchType, 'Ternary: [condition, then, else] (same as if).'),
  sig('==', 2, 2, 'boolean', 'Equal, with type coercion (1 == "1").'),
  sig('===', 2, 2, 'boolean', 'Equal, same type.'),
  sig('!=', 2, 2, 'boolean', 'Not equal, with type coercion.'),
  sig('!==', 2, 2, 'boolean', 'Not equal or not the same type.'),
  sig('!', 1, 1, 'boolean', 'Not: true when the argument is falsy (an empty list is falsy).'),
  sig('!!', 1, 1, 'boolean', 'The argument as true/false (an empty list is false).'),
  sig('or', 1, undefined, unifyTypes, 'The first truthy argument, or the last one.'),
  sig('and', 1, undefined, unifyTypes, 'The first falsy argument, or the last one.'),
  sig('>', 2, 2, 'boolean', 'Greater than.'),
  sig('>=', 2, 2, 'boolean', 'Greater than or equal.'),
  sig('<', 2, 3, 'boolean', 'Less than; with three arguments: strictly between.'),
  sig('<=', 2, 3, 'boolean', 'Less than or equal; with three arguments: between, inclusive.'),
  sig('max', 1, undefined, 'number', 'The largest number.'),
  sig('min', 1, undefined, 'number', 'The smallest number.'),
  sig('+', 1, undefined, 'number', 'Sum (one argument: converts it to a number).'),
  sig('-', 1, 2, 'number', 'Difference (one argument: negation).'),
  sig('*', 1, undefined, 'number', 'Product.'),
  sig('/', 2, 2, 'number', 'Quotient.'),
  sig('%', 2, 2, 'number', 'Remainder.'),
  sig('map', 2, 2, 'array', '[list, expression]: the expression applied to each item ({"var": ""} is the item).', { itemScopeArgs: [1] }),
  sig('reduce', 2, 3, 'any', '[list, expression, initial]: folds the list ({"var": "current"}, {"var": "accumulator"}).', { itemScopeArgs: [1] }),
  sig('filter', 2, 2, 'array', '[list, condition]: the items for which the condition is truthy.', { itemScopeArgs: [1] }),
  sig('all', 2, 2, 'boolean', '[list, condition]: true when the list is not empty and every item matches.', { itemScopeArgs: [1] }),
  sig('none', 2, 2, 'boolean', '[list, condition]: true when no item matches.', { itemScopeArgs: [1] }),
  sig('some', 2, 2, 'boolean', '[list, condition]: true when at least one item matches.', { itemScopeArgs: [1] }),
  sig('merge', 0, undefined, 'array', 'One flat list of all arguments.'),
  sig('in', 2, 2, 'boolean', '[needle, list or text]: whether the list contains the value, or the text the substring.'),
  sig('cat', 1, undefined, 'string', 'The arguments joined as text.'),
  sig('substr', 2, 3, 'string', '[text, start, length]: part of a text (negative numbers count from the end).'),
  sig('log', 1, 1, (t) => t[0] ?? 'any', 'Logs the argument to the console and returns it.'),
];

const TRELLIS: Sig[] = [
  sig('changed', 1, 1, 'boolean', 'Whether the named field (e.g. "stage") differs from its previous value; on create, whether it has a value.'),
  sig('isBlank', 1, 1, 'boolean', 'True for null, an empty or whitespace-only text, or an empty list.'),
  sig('addDays', 2, 2, (t) => (t[0] === 'dateTime' ? 'dateTime' : 'date'), '[date, n]: the date (or date-time) n days later (n may be negative).'),
  sig('daysBetween', 2, 2, 'number', '[from, to]: whole days from the first date to the second (negative when before).'),
  sig('lower', 1, 1, 'string', 'The text in lower case.'),
  sig('upper', 1, 1, 'string', 'The text in upper case.'),
  sig('regexMatch', 2, 2, 'boolean', '[pattern, text]: whether the text matches the regular expression (a literal, safe pattern).'),
  sig('round', 1, 2, 'number', '[number, digits]: rounded to that many digits after the point (default 0).'),
];

const BUILT_IN: ReadonlyMap<string, OperationSignature> = new Map<string, OperationSignature>([
  ...JSON_LOGIC.map((s): [string, OperationSignature] => [s.name, { ...s, origin: 'jsonLogic' }]),
  ...TRELLIS.map((s): [string, OperationSignature] => [s.name, { ...s, origin: 'trellis' }]),
]);

/** Names the built-in json-logic-js operators (which nobody can replace). */
export const JSON_LOGIC_OPERATORS: readonly string[] = JSON_LOGIC.map((s) => s.name);
/** Names of the Trellis extras (implemented in runtime/). */
export const TRELLIS_OPERATORS: readonly string[] = TRELLIS.map((s) => s.name);

const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const plugins = new Map<string, OperationSignature>();

/** The signature of `name`, or undefined when no such operation is known. */
export function findOperationSignature(name: string): OperationSignature | undefined {
  return BUILT_IN.get(name) ?? plugins.get(name);
}

/**
 * Adds (or replaces) a plugin operation's signature. Names follow runtime's `registerOperation`
 * (letters, digits and `_`); built-in and Trellis operations cannot be replaced.
 */
export function registerOperationSignature(signature: Omit<OperationSignature, 'origin'> & { origin?: 'plugin' }): void {
  const { name, minArgs, maxArgs } = signature;
  if (!OPERATION_NAME.test(name)) {
    throw new Error(`Cannot register operation signature '${name}': names are letters, digits and '_' and start with a letter or '_'.`);
  }
  if (BUILT_IN.has(name)) throw new Error(`Cannot register operation signature '${name}': it is a built-in operation.`);
  if (!Number.isInteger(minArgs) || minArgs < 0 || (maxArgs !== undefined && (!Number.isInteger(maxArgs) || maxArgs < minArgs))) {
    throw new Error(`Cannot register operation signature '${name}': minArgs must be an integer ≥ 0 and maxArgs an integer ≥ minArgs.`);
  }
  plugins.set(name, { ...signature, origin: 'plugin' });
}

/** Removes a plugin operation's signature; returns whether it existed. */
export function unregisterOperationSignature(name: string): boolean {
  return plugins.delete(name);
}

/** Every known operation: json-logic-js operators, then the Trellis extras, then plugin operations. */
export function listOperationSignatures(): OperationSignature[] {
  return [...BUILT_IN.values(), ...plugins.values()];
}

/** The result type of an operation given its arguments' types. */
export function resultTypeOf(signature: OperationSignature, argTypes: LogicType[]): LogicType {
  return typeof signature.result === 'function' ? signature.result(argTypes) : signature.result;
}

/** "2 arguments", "1 to 3 arguments", "at least 1 argument". */
export function describeArity(signature: Pick<OperationSignature, 'minArgs' | 'maxArgs'>): string {
  const { minArgs: min, maxArgs: max } = signature;
  const noun = (n: number) => `${n} argument${n === 1 ? '' : 's'}`;
  if (max === undefined) return `at least ${noun(min)}`;
  return min === max ? noun(min) : `${min} to ${noun(max)}`;
}
