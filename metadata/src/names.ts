/**
 * Rules for the names in a document (entities, plurals, fields): camelCase, at most 40 characters,
 * and none of the words that would break the SQL, GraphQL or JavaScript generated from them.
 */
import { SYSTEM_FIELDS } from './naming.js';

export const NAME_PATTERN = '^[a-z][a-zA-Z0-9]*$';
export const MAX_NAME_LENGTH = 40;

/** Postgres reserved key words, plus the SQL-standard DML words; unquoted they break hand-written SQL. */
const SQL_RESERVED = `all analyse analyze and any array as asc asymmetric authorization between binary both case cast
check collate collation column concurrently constraint create cross current_catalog current_date current_role
current_schema current_time current_timestamp current_user default deferrable delete desc distinct do drop else end
except exists false fetch for foreign freeze from full grant group having ilike in initially inner insert intersect
into is isnull join lateral leading left like limit localtime localtimestamp natural not notnull null offset on only
or order outer overlaps placing primary references returning right select session_user similar some symmetric
system_user table tablesample then to trailing true union unique update user using values variadic verbose when where
window with`;

/** GraphQL's introspection names (GraphQL reserves every `__` name). */
const GRAPHQL_RESERVED = '__typename __schema __type';

/**
 * Object.prototype members (a record is a plain object) and `then` (a record with a `then` field is a thenable).
 * Ordinary JS keywords stay allowed: property names may be keywords, and `function` or `class` are real CRM fields.
 */
const JS_RESERVED = `constructor prototype __proto__ tostring valueof hasownproperty isprototypeof propertyisenumerable
tolocalestring __definegetter__ __definesetter__ __lookupgetter__ __lookupsetter__ then undefined`;

/** Compared lower-cased: `Select`, `SELECT` and `select` are all reserved (Postgres folds unquoted case). */
export const RESERVED_WORDS: ReadonlySet<string> = new Set(
  [SQL_RESERVED, GRAPHQL_RESERVED, JS_RESERVED, SYSTEM_FIELDS.join(' ')].join(' ').toLowerCase().split(/\s+/).filter(Boolean),
);

export const isReservedWord = (name: string): boolean => RESERVED_WORDS.has(name.toLowerCase());

export interface NameIssue {
  code: 'invalid-name' | 'name-too-long' | 'reserved-name';
  /** Completes a sentence starting with the name: `"order" is a reserved word …`. */
  reason: string;
}

/** What is wrong with `name`, or undefined when it is a valid name. */
export function checkName(name: string): NameIssue | undefined {
  if (name.length === 0) return { code: 'invalid-name', reason: 'is empty' };
  if (name.length > MAX_NAME_LENGTH) {
    return { code: 'name-too-long', reason: `is ${name.length} characters long; the limit is ${MAX_NAME_LENGTH}` };
  }
  if (!new RegExp(NAME_PATTERN).test(name)) {
    return {
      code: 'invalid-name',
      reason: 'must be camelCase: start with a lower-case letter, then only letters and digits (e.g. "closeDate")',
    };
  }
  if (isReservedWord(name)) {
    return { code: 'reserved-name', reason: 'is a reserved word (SQL, GraphQL, JavaScript or a system field); choose another name' };
  }
  return undefined;
}

/** Why `name` is not a valid name, or undefined when it is. */
export const nameError = (name: string): string | undefined => checkName(name)?.reason;
