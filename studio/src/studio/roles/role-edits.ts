/**
 * Pure edits of the draft's roles (`document.roles`), as the roles editor performs them. Each returns a new
 * document and keeps the role tidy (no empty permission objects, no `false` flags: absent means "no"); what it
 * cannot decide (update without read, a required field hidden from a role that creates) is left for
 * `validateDocument` to report at its path.
 */
import type { EntityPermission, FieldAccessLevel, JsonLogicObject, MetadataDocument, RecordScope, RoleDefinition } from '@trellis/metadata';

type Doc = MetadataDocument;
export type ScopedOperation = 'read' | 'update' | 'delete';
export type ScopeKind = 'none' | 'all' | 'condition';

/** "Owner is me": the record's owner is the acting user. */
export const OWNER_IS_ME: JsonLogicObject = { '==': [{ var: 'record.owner' }, { var: 'user.id' }] };
/** "My team": the record's team is one of the acting user's teams. */
export const MY_TEAM: JsonLogicObject = { in: [{ var: 'record.team' }, { var: 'user.teams' }] };

const clone = <T>(value: T): T => structuredClone(value);

export function scopeKind(scope: RecordScope | undefined): ScopeKind {
  if (scope === true) return 'all';
  return scope !== null && typeof scope === 'object' ? 'condition' : 'none';
}

export interface NewRole {
  name: string;
  label: string;
  description?: string;
}

export function createRole(doc: Doc, role: NewRole): Doc {
  const next = clone(doc);
  const def: RoleDefinition = { label: role.label, ...(role.description?.trim() ? { description: role.description } : {}) };
  next.roles = { ...(next.roles ?? {}), [role.name]: def };
  return next;
}

export type RolePatch = Partial<Pick<RoleDefinition, 'label' | 'description' | 'manageMetadata' | 'manageUsers'>>;

/** Sets label, description or capabilities; '' (description) and false (capabilities) remove the key. */
export function updateRole(doc: Doc, name: string, patch: RolePatch): Doc {
  const next = clone(doc);
  const role = next.roles?.[name];
  if (!role) return doc;
  for (const [key, value] of Object.entries(patch) as [keyof RolePatch, string | boolean | undefined][]) {
    if (key === 'label') role.label = String(value ?? '');
    else if (value === undefined || value === '' || value === false) delete role[key];
    else (role as unknown as Record<string, unknown>)[key] = value;
  }
  return next;
}

export function removeRole(doc: Doc, name: string): Doc {
  if (!doc.roles?.[name]) return doc;
  const next = clone(doc);
  const { [name]: _removed, ...rest } = next.roles!;
  if (Object.keys(rest).length === 0) delete next.roles;
  else next.roles = rest;
  return next;
}

/** Applies `change` to the role's permission on `entity` (created when missing), then drops what became empty. */
function editPermission(doc: Doc, roleName: string, entity: string, change: (p: EntityPermission) => void): Doc {
  const next = clone(doc);
  const role = next.roles?.[roleName];
  if (!role) return doc;
  const entities = { ...(role.entities ?? {}) };
  const permission = entities[entity] ?? {};
  change(permission);
  if (permission.fields && Object.keys(permission.fields).length === 0) delete permission.fields;
  if (Object.keys(permission).length === 0) delete entities[entity];
  else entities[entity] = permission;
  if (Object.keys(entities).length === 0) delete role.entities;
  else role.entities = entities;
  return next;
}

/** Sets which records `operation` covers: every record (`true`), a condition, or none (`false`/undefined removes it). */
export function setScope(doc: Doc, role: string, entity: string, operation: ScopedOperation, scope: RecordScope | undefined): Doc {
  return editPermission(doc, role, entity, (p) => {
    if (scope === undefined || scope === false) delete p[operation];
    else p[operation] = clone(scope);
  });
}

export function setCreate(doc: Doc, role: string, entity: string, create: boolean): Doc {
  return editPermission(doc, role, entity, (p) => {
    if (create) p.create = true;
    else delete p.create;
  });
}

export function setTransfer(doc: Doc, role: string, entity: string, transfer: boolean): Doc {
  return editPermission(doc, role, entity, (p) => {
    if (transfer) p.transfer = true;
    else delete p.transfer;
  });
}

/** A field's level for a role: hidden, read-only, or editable (the default, stored as no entry). */
export function setFieldLevel(doc: Doc, role: string, entity: string, field: string, level: FieldAccessLevel | 'editable'): Doc {
  return editPermission(doc, role, entity, (p) => {
    const fields = { ...(p.fields ?? {}) };
    if (level === 'editable') delete fields[field];
    else fields[field] = level;
    p.fields = fields;
  });
}

/** Gives the role no access at all to `entity`. */
export function clearPermission(doc: Doc, role: string, entity: string): Doc {
  return editPermission(doc, role, entity, (p) => {
    for (const key of Object.keys(p)) delete p[key as keyof EntityPermission];
  });
}

/** The entities a role grants anything on (read or create), in the role's order. */
export function grantedEntities(role: RoleDefinition): string[] {
  return Object.entries(role.entities ?? {})
    .filter(([, p]) => scopeKind(p.read) !== 'none' || p.create === true)
    .map(([name]) => name);
}
