/**
 * `resolveAccess(doc, subject)`: the effective access of a set of roles — the union of what each role grants.
 * Read/update/delete scopes are lists of per-role grants (update and delete ANDed with that role's read scope);
 * create and transfer are granted by any role; a field is `editable` when some role that can create or update
 * leaves it editable, `readOnly` when some role that can read does not hide it, else `hidden`. The built-in
 * `admin` role has every right; unknown role names are ignored. Memoised per (document object, role set).
 */
import { ADMIN_ROLE, SYSTEM_FIELDS, type EntityDefinition, type MetadataDocument, type RoleDefinition } from '@trellis/metadata';
import { isWritableField } from '../entity.js';
import type { AccessSubject, EntityAccess, FieldAccess, ResolvedAccess, ScopeGrant } from './access-types.js';
import { roleScopes, type RoleScopes, type Scope } from './role-scopes.js';

/** System fields the server sets itself: never editable, whatever the roles say. (`owner` and `team` are writable.) */
const SERVER_SET_FIELDS: ReadonlySet<string> = new Set(['id', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy']);

const cache = new WeakMap<MetadataDocument, Map<string, ResolvedAccess>>();

/** Sorted, de-duplicated role names joined by ',': the same role set always gives the same key. */
export function accessKey(subject: AccessSubject): string {
  return [...new Set(subject.roles)].sort().join(',');
}

/** The roles of `subject` the document defines (and not `admin`, which is built in), as [name, definition]. */
export function subjectRoles(doc: MetadataDocument, subject: AccessSubject): [string, RoleDefinition][] {
  const roles = doc.roles ?? {};
  return [...new Set(subject.roles)]
    .filter((name) => name !== ADMIN_ROLE && Object.hasOwn(roles, name) && typeof roles[name] === 'object' && roles[name] !== null)
    .map((name) => [name, roles[name]!]);
}

/** Whether a field may ever be written: not a server-set system field, not a derived value (formula, roll-up…). */
function writable(entity: EntityDefinition, field: string): boolean {
  if (SERVER_SET_FIELDS.has(field)) return false;
  const def = Object.hasOwn(entity.fields, field) ? entity.fields[field] : undefined;
  if (!def) return true; // owner, team
  try {
    return isWritableField(def);
  } catch {
    return false; // a type no registered plugin provides: nothing can write it
  }
}

const entityFieldNames = (entity: EntityDefinition): string[] => [...new Set([...SYSTEM_FIELDS, ...Object.keys(entity.fields)])];

function adminEntity(name: string, entity: EntityDefinition): EntityAccess {
  const all: ScopeGrant[] = [{ role: ADMIN_ROLE, scope: true }];
  const fields = Object.fromEntries(entityFieldNames(entity).map((f): [string, FieldAccess] => [f, writable(entity, f) ? 'editable' : 'readOnly']));
  return { entity: name, read: all, update: all, delete: all, create: true, transfer: true, fields };
}

const grants = (scopes: [string, Scope][]): ScopeGrant[] =>
  scopes.flatMap(([role, scope]) => (scope === false ? [] : [{ role, scope } as ScopeGrant]));

function fieldAccess(entity: EntityDefinition, field: string, perRole: [RoleDefinition, RoleScopes, string][]): FieldAccess {
  const levelOf = (role: RoleDefinition, entityName: string) => role.entities?.[entityName]?.fields?.[field];
  let access: FieldAccess = field === 'id' ? 'readOnly' : 'hidden';
  for (const [role, scopes, entityName] of perRole) {
    const level = levelOf(role, entityName);
    const writes = scopes.create || scopes.update !== false;
    if (writes && level === undefined && writable(entity, field)) return 'editable';
    if (scopes.read !== false && level !== 'hidden') access = 'readOnly';
  }
  return access;
}

function roleEntity(name: string, entity: EntityDefinition, roles: [string, RoleDefinition][]): EntityAccess {
  const perRole = roles.map(([roleName, role]) => [roleName, role, roleScopes(role.entities?.[name])] as const);
  const fieldRoles = perRole.map(([, role, scopes]): [RoleDefinition, RoleScopes, string] => [role, scopes, name]);
  return {
    entity: name,
    read: grants(perRole.map(([role, , s]) => [role, s.read])),
    update: grants(perRole.map(([role, , s]) => [role, s.update])),
    delete: grants(perRole.map(([role, , s]) => [role, s.delete])),
    create: perRole.some(([, , s]) => s.create),
    transfer: perRole.some(([, , s]) => s.transfer),
    fields: Object.fromEntries(entityFieldNames(entity).map((f) => [f, fieldAccess(entity, f, fieldRoles)])),
  };
}

/** Freezes what this module built, not the predicates, which are the document's own objects. */
function freeze(access: ResolvedAccess): ResolvedAccess {
  for (const e of Object.values(access.entities)) {
    for (const list of [e.read, e.update, e.delete]) {
      for (const grant of list) Object.freeze(grant);
      Object.freeze(list);
    }
    Object.freeze(e.fields);
    Object.freeze(e);
  }
  Object.freeze(access.entities);
  return Object.freeze(access);
}

function compute(doc: MetadataDocument, subject: AccessSubject, key: string): ResolvedAccess {
  const admin = subject.roles.includes(ADMIN_ROLE);
  const roles = subjectRoles(doc, subject);
  const entities: Record<string, EntityAccess> = {};
  for (const [name, entity] of Object.entries(doc.entities)) {
    entities[name] = admin ? adminEntity(name, entity) : roleEntity(name, entity, roles);
  }
  return {
    admin,
    manageMetadata: admin || roles.some(([, r]) => r.manageMetadata === true),
    manageUsers: admin || roles.some(([, r]) => r.manageUsers === true),
    key,
    entities,
  };
}

/**
 * The effective access of `subject` in `doc`. The result is frozen and shared: the same document object and
 * role set give the same object (a published document is immutable; a changed draft is a new object).
 */
export function resolveAccess(doc: MetadataDocument, subject: AccessSubject): ResolvedAccess {
  const key = accessKey(subject);
  let byKey = cache.get(doc);
  if (!byKey) cache.set(doc, (byKey = new Map()));
  let access = byKey.get(key);
  if (!access) byKey.set(key, (access = freeze(compute(doc, subject, key))));
  return access;
}
