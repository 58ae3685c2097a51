/**
 * A short English rendering of a JSON Logic condition, for messages that must say why
 * ("Stage is "won" and Amount > 1000"). Common operators are worded; anything else is shown as compact JSON.
 */
import { isPlainObject } from './values.js';

/** Returns the label a person reads for a field name (e.g. from the entity's fields). */
export type LabelOf = (fieldName: string) => string;

const MAX_JSON = 120;

const COMPARISONS: Record<string, string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥' };

export interface DescribeOptions {
  /**
   * Word the acting user's values as the reader's own ("Owner is me", "Team is one of my teams") — for people
   * reading about their access; otherwise they are shown as paths (`user.id`).
   */
  userAsReader?: boolean;
}

export function describeCondition(rule: unknown, labelOf: LabelOf, options: DescribeOptions = {}): string {
  return describe(rule, labelOf, true, options.userAsReader === true);
}

function describe(rule: unknown, labelOf: LabelOf, top: boolean, reader: boolean): string {
  if (rule === null || rule === undefined) return 'empty';
  if (typeof rule === 'string') return JSON.stringify(rule);
  if (typeof rule === 'number' || typeof rule === 'boolean') return String(rule);
  if (Array.isArray(rule)) return `[${rule.map((r) => describe(r, labelOf, false, reader)).join(', ')}]`;
  if (!isPlainObject(rule)) return String(rule);
  const keys = Object.keys(rule);
  if (keys.length !== 1) return json(rule);
  const op = keys[0]!;
  const raw = rule[op];
  const args = Array.isArray(raw) ? raw : [raw];
  const d = (r: unknown) => describe(r, labelOf, false, reader);
  const group = (text: string) => (top ? text : `(${text})`);
  switch (op) {
    case 'var':
      return describeVar(args[0], labelOf, reader) ?? json(rule);
    case '==':
    case '===':
      return args.length === 2 ? `${d(args[0])} is ${d(args[1])}` : json(rule);
    case '!=':
    case '!==':
      return args.length === 2 ? `${d(args[0])} is not ${d(args[1])}` : json(rule);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return args.length >= 2 ? args.map(d).join(` ${COMPARISONS[op]} `) : json(rule);
    case '!':
      return isPlainObject(args[0]) && 'var' in args[0] ? `${d(args[0])} is empty` : `not ${d(args[0])}`;
    case '!!':
      return `${d(args[0])} is set`;
    case 'isBlank':
      return `${d(args[0])} is empty`;
    case 'changed':
      return typeof args[0] === 'string' ? `${labelOf(args[0].replace(/^record\./, ''))} changed` : json(rule);
    case 'in':
      if (Array.isArray(args[1])) return `${d(args[0])} is one of ${args[1].map(d).join(', ')}`;
      return reader && isUserList(args[1]) ? `${d(args[0])} is one of ${d(args[1])}` : `${d(args[1])} contains ${d(args[0])}`;
    case 'and':
      return group(args.map(d).join(' and '));
    case 'or':
      return group(args.map(d).join(' or '));
    default:
      return json(rule);
  }
}

/** The acting user's values, in the words of the person reading about their own access ("Owner is me"). */
const USER_WORDS: Record<string, string> = { id: 'me', teams: 'my teams', roles: 'my roles', name: 'my name', email: 'my email', locale: 'my locale', timeZone: 'my time zone' };

/** `user.teams` and `user.roles` are lists: `in` tests membership, not a substring. */
const isUserList = (rule: unknown): boolean =>
  isPlainObject(rule) && (rule.var === 'user.teams' || rule.var === 'user.roles');

function describeVar(path: unknown, labelOf: LabelOf, reader: boolean): string | null {
  if (typeof path !== 'string') return null;
  const [root, field, ...rest] = path.split('.');
  if (reader && root === 'user' && field !== undefined) {
    if (field === 'attributes' && rest.length === 1) return `my ${rest[0]}`;
    if (rest.length === 0 && Object.hasOwn(USER_WORDS, field)) return USER_WORDS[field]!;
  }
  if (rest.length > 0 || field === undefined) return path;
  if (root === 'record') return labelOf(field);
  if (root === 'previous') return `previous ${labelOf(field)}`;
  return path;
}

function json(rule: unknown): string {
  const text = JSON.stringify(rule);
  return text.length > MAX_JSON ? `${text.slice(0, MAX_JSON - 1)}…` : text;
}
