/**
 * `analyzeJsonLogic(expr, scope)`: static analysis of one JSON Logic expression, without data. Finds every
 * problem at once (malformed operations, unknown operators, wrong arity, var paths that do not resolve, unsafe
 * regular expressions), infers the result type, and lists the context values the expression reads.
 * Problem paths are JSON pointers relative to the expression (`/and/1/!/var`); '' is the expression itself.
 */
import { pointer } from '../problems.js';
import { describeLogicType, isAssignable } from './field-logic-type.js';
import {
  describeArity,
  findOperationSignature,
  listOperationSignatures,
  resultTypeOf,
  type LogicType,
  type OperationSignature,
} from './operations.js';
import { unsafeRegexReason } from './regex-safety.js';
import { didYouMean } from './suggest.js';
import { resolveVarPath, type AnalysisScope, type ContextReference, type PathProblem } from './var-paths.js';

export type { AnalysisScope, ContextReference, ContextRoot } from './var-paths.js';

export type AnalysisProblemCode =
  | 'malformed-expression'
  | 'unknown-operator'
  | 'wrong-arity'
  | 'var-path-not-literal'
  | 'invalid-argument'
  | 'invalid-regex'
  | 'unsafe-regex'
  | 'wrong-result-type'
  | PathProblem['code'];

export interface AnalysisProblem {
  /** JSON pointer relative to the expression. */
  path: string;
  message: string;
  code: AnalysisProblemCode;
  /** For `unknown-field`: the entity and the missing field name (lets callers list the other uses of that name). */
  entity?: string;
  field?: string;
}

/** A context value the expression reads, and where (`pointer`: JSON pointer of the string naming it). */
export interface AnalyzedReference extends ContextReference {
  pointer: string;
}

export interface JsonLogicAnalysis {
  problems: AnalysisProblem[];
  resultType: LogicType;
  references: AnalyzedReference[];
}

type Segments = (string | number)[];

/** Operations that need numbers (or comparable values): a whole currency value is never right there. */
const NUMERIC = new Set(['>', '>=', '<', '<=', '+', '-', '*', '/', '%', 'max', 'min', 'round']);

const isVar = (node: unknown): node is { var: unknown } =>
  node !== null && typeof node === 'object' && !Array.isArray(node) && Object.keys(node).length === 1 && 'var' in node;

class Analyzer {
  readonly problems: AnalysisProblem[] = [];
  readonly references: AnalyzedReference[] = [];
  constructor(private readonly scope: AnalysisScope) {}

  report(at: Segments, code: AnalysisProblemCode, message: string, extra: Partial<AnalysisProblem> = {}): void {
    this.problems.push({ path: pointer(...at), message, code, ...extra });
  }

  /** Type of `node`; `item` = inside the per-item argument of map/filter/…, where var names the item. */
  walk(node: unknown, at: Segments, item: boolean): LogicType {
    if (node === null || node === undefined) return 'any';
    if (typeof node === 'boolean') return 'boolean';
    if (typeof node === 'number') return 'number';
    if (typeof node === 'string') return 'string';
    if (Array.isArray(node)) {
      node.forEach((element, i) => this.walk(element, [...at, i], item));
      return 'array';
    }
    const keys = Object.keys(node);
    if (keys.length !== 1) {
      const has = keys.length === 0 ? 'is empty' : `has ${keys.length} keys (${keys.map((k) => `"${k}"`).join(', ')})`;
      this.report(at, 'malformed-expression', `An operation is an object with exactly one key, the operator, e.g. {"==": [a, b]}; this object ${has}`);
      return 'any';
    }
    const op = keys[0]!;
    const raw = (node as Record<string, unknown>)[op];
    const args = Array.isArray(raw) ? raw : [raw];
    const argAt = (i: number): Segments => (Array.isArray(raw) ? [...at, op, i] : [...at, op]);
    const signature = findOperationSignature(op);
    if (!signature) {
      const names = listOperationSignatures().map((s) => s.name);
      this.report([...at, op], 'unknown-operator', `Unknown operator "${op}"${didYouMean(op, names)}; operators are ${names.join(' ')}`);
      args.forEach((arg, i) => this.walk(arg, argAt(i), item));
      return 'any';
    }
    if (args.length < signature.minArgs || (signature.maxArgs !== undefined && args.length > signature.maxArgs)) {
      this.report([...at, op], 'wrong-arity', `"${op}" takes ${describeArity(signature)}, not ${args.length}`);
    }
    return this.operation(signature, args, argAt, item);
  }

  private operation(signature: OperationSignature, args: unknown[], argAt: (i: number) => Segments, item: boolean): LogicType {
    switch (signature.name) {
      case 'var':
        return this.variable(args, argAt, item);
      case 'missing':
        if (!item) this.missingPaths(Array.isArray(args[0]) ? args[0] : args, Array.isArray(args[0]) ? (i) => [...argAt(0), i] : argAt);
        else args.forEach((arg, i) => this.walk(arg, argAt(i), item));
        return 'array';
      case 'missing_some':
        this.walk(args[0], argAt(0), item);
        if (!item && Array.isArray(args[1])) this.missingPaths(args[1], (i) => [...argAt(1), i]);
        else if (args[1] !== undefined) this.walk(args[1], argAt(1), item);
        return 'array';
      case 'changed':
        if (!item) this.changed(args[0], argAt(0));
        return 'boolean';
      case 'regexMatch':
        this.regex(args[0], argAt(0));
        this.walk(args[1], argAt(1), item);
        return 'boolean';
    }
    const itemArgs = signature.itemScopeArgs ?? [];
    const types = args.map((arg, i) => this.walk(arg, argAt(i), item || itemArgs.includes(i)));
    if (!item && NUMERIC.has(signature.name)) this.currencyOperands(signature.name, args, argAt);
    return resultTypeOf(signature, types);
  }

  /** A currency value is `{ amount, currency }`: comparing or adding it as a whole is always a mistake. */
  private currencyOperands(op: string, args: unknown[], argAt: (i: number) => Segments): void {
    args.forEach((arg, i) => {
      const path = isVar(arg) ? (Array.isArray(arg.var) ? arg.var[0] : arg.var) : undefined;
      if (typeof path !== 'string' || resolveVarPath(path, this.scope).field?.type !== 'currency') return;
      this.report([...argAt(i), 'var'], 'invalid-argument', `"${path}" is a currency value ({ amount, currency }), which "${op}" cannot use; write "${path}.amount" for the number`);
    });
  }

  private variable(args: unknown[], argAt: (i: number) => Segments, item: boolean): LogicType {
    const [path, fallback] = args;
    if (args.length > 1) this.walk(fallback, argAt(1), item);
    if (item) {
      if (typeof path !== 'string' && typeof path !== 'number') this.walk(path, argAt(0), item);
      return 'any';
    }
    if (typeof path !== 'string' || path === '') {
      if (path !== null && typeof path === 'object') this.walk(path, argAt(0), item);
      const what = path === '' || path === undefined || path === null ? 'the whole context' : JSON.stringify(path);
      this.report(argAt(0), 'var-path-not-literal', `"var" must name a value with a literal dotted path such as "record.amount"; ${what} cannot be checked or compiled`);
      return 'any';
    }
    return this.path(path, argAt(0));
  }

  private path(path: string, at: Segments): LogicType {
    const resolved = resolveVarPath(path, this.scope);
    if (resolved.reference) this.references.push({ ...resolved.reference, pointer: pointer(...at) });
    if (resolved.problem) {
      const { code, message, entity, field } = resolved.problem;
      this.report(at, code, message, entity === undefined ? {} : { entity, field: field! });
    }
    return resolved.type;
  }

  private missingPaths(paths: unknown[], at: (i: number) => Segments): void {
    paths.forEach((path, i) => {
      if (typeof path === 'string' && path !== '') this.path(path, at(i));
      else this.report(at(i), 'var-path-not-literal', `"missing" lists dotted paths such as "record.amount"; ${JSON.stringify(path)} is not one`);
    });
  }

  private changed(name: unknown, at: Segments): void {
    if (typeof name !== 'string' || name === '' || name.includes('.')) {
      const hint = typeof name === 'string' && name.startsWith('record.') ? `; write "${name.slice(7)}"` : '';
      this.report(at, 'invalid-argument', `"changed" takes a field name of this entity as literal text, e.g. {"changed": "stage"}${hint}`);
      if (name !== null && typeof name === 'object') this.walk(name, at, false);
      return;
    }
    this.path(`record.${name}`, at);
    this.path(`previous.${name}`, at);
    // One problem is enough when the field does not exist (or previous is not available).
    const last = this.problems.at(-1);
    const before = this.problems.at(-2);
    if (last && before && last.path === before.path && last.code === before.code) this.problems.pop();
  }

  private regex(pattern: unknown, at: Segments): void {
    if (typeof pattern !== 'string') {
      this.walk(pattern, at, false);
      this.report(at, 'invalid-regex', '"regexMatch" needs the pattern as literal text (its safety is checked when the metadata is published), e.g. {"regexMatch": ["^[A-Z]{2}[0-9]+$", {"var": "record.code"}]}');
      return;
    }
    const reason = unsafeRegexReason(pattern);
    if (reason === undefined) return;
    const code = reason.startsWith('it is not a valid') ? 'invalid-regex' : 'unsafe-regex';
    this.report(at, code, `The regexMatch pattern ${JSON.stringify(pattern)} is refused: ${reason}`);
  }
}

/** Analyzes `expr` in `scope`. Never throws. */
export function analyzeJsonLogic(expr: unknown, scope: AnalysisScope): JsonLogicAnalysis {
  const analyzer = new Analyzer(scope);
  const resultType = analyzer.walk(expr, [], false);
  return { problems: analyzer.problems, resultType, references: analyzer.references };
}

/**
 * The problem to report when an expression's result type does not fit what its place needs
 * (`name` e.g. "invalidWhen"), or undefined when it fits.
 */
export function resultTypeProblem(name: string, actual: LogicType, expected: LogicType): AnalysisProblem | undefined {
  if (isAssignable(actual, expected)) return undefined;
  const hint = expected === 'boolean' ? ' — compare it with something, e.g. {">": [<this>, 0]}, or test it with {"!!": <this>}' : '';
  return {
    path: '',
    code: 'wrong-result-type',
    message: `${name} should be ${describeLogicType(expected)} but this expression gives ${describeLogicType(actual)}${hint}`,
  };
}
