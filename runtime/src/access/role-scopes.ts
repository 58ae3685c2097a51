/**
 * One role's scopes for one entity, normalised: `false` (none), `true` (all) or a JSON Logic predicate, with
 * update and delete already ANDed with the role's read scope (you cannot change what you cannot see).
 */
import { deepEqual, type EntityPermission, type JsonLogicObject, type RecordScope } from '@trellis/metadata';

export type Scope = boolean | JsonLogicObject;

const isRule = (value: unknown): value is JsonLogicObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `true` and predicate objects grant; anything else (false, absent, malformed) grants nothing. */
export function normalizeScope(scope: RecordScope | undefined): Scope {
  return scope === true ? true : isRule(scope) ? scope : false;
}

/** a ∧ b, keeping `true` and `false` as such, and predicates as `{ and: [a, b] }` unless they are the same. */
export function andScopes(a: Scope, b: Scope): Scope {
  if (a === false || b === false) return false;
  if (a === true || deepEqual(a, b)) return b;
  if (b === true) return a;
  return { and: [a, b] };
}

export interface RoleScopes {
  read: Scope;
  update: Scope;
  delete: Scope;
  create: boolean;
  transfer: boolean;
}

export function roleScopes(permission: EntityPermission | undefined): RoleScopes {
  const read = normalizeScope(permission?.read);
  return {
    read,
    update: andScopes(read, normalizeScope(permission?.update)),
    delete: andScopes(read, normalizeScope(permission?.delete)),
    create: permission?.create === true,
    transfer: permission?.transfer === true,
  };
}
