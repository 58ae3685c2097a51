/**
 * Keeping roles consistent when entities and fields change: `renameEntityInRoles` moves permissions to an
 * entity's new name; `withoutReferencesTo` removes what roles say about an entity or field that is being removed.
 * (Field renames are carried by `rewriteReferences`, which also rewrites role field access and scopes.)
 */
import { isRecord, segmentsOf } from '../problems.js';
import { collectReferenceSites } from '../rules/references.js';
import type { EntityPermission, MetadataDocument, RoleDefinition } from '../types.js';

const renameKey = <T>(map: Record<string, T>, from: string, to: string): Record<string, T> =>
  Object.fromEntries(Object.entries(map).map(([k, v]) => [k === from ? to : k, v]));

function eachRole(doc: MetadataDocument, edit: (role: RoleDefinition & { entities: Record<string, EntityPermission> }) => void): void {
  for (const role of Object.values(doc.roles ?? {})) {
    if (isRecord(role) && isRecord(role.entities)) edit(role as RoleDefinition & { entities: Record<string, EntityPermission> });
  }
}

/** A copy of `doc` whose roles give their permissions on entity `from` to entity `to` (key order kept). */
export function renameEntityInRoles(doc: MetadataDocument, from: string, to: string): MetadataDocument {
  const next = structuredClone(doc);
  eachRole(next, (role) => {
    // A role that already names `to` keeps both: validation reports the old name, nothing is silently merged.
    if (Object.hasOwn(role.entities, from) && !Object.hasOwn(role.entities, to)) role.entities = renameKey(role.entities, from, to);
  });
  return next;
}

/** A permission whose read scope is gone: update, delete and transfer meant nothing without it, and field levels only serve create. */
function withoutRead(p: EntityPermission): EntityPermission {
  const { read: _r, update: _u, delete: _d, transfer: _t, fields, ...rest } = p;
  return p.create === true && fields ? { ...rest, fields } : rest;
}

/**
 * A copy of `doc` without what its roles say about entity `entity` (its permissions) or, given `field`, about
 * that field: its field access, and every record scope that reads it — such a scope becomes "no records"
 * (removing part of a condition could grant more than before; an empty grant never does). Call it when removing
 * a field or an entity, as the studio does, so that no role is left naming it.
 */
export function withoutReferencesTo(doc: MetadataDocument, entity: string, field?: string): MetadataDocument {
  const next = structuredClone(doc);
  if (field === undefined) {
    eachRole(next, (role) => {
      delete role.entities[entity];
    });
    return next;
  }
  const sites = collectReferenceSites(next).filter((s) => s.component.kind === 'role' && s.entity === entity && s.field === field);
  for (const site of sites) {
    const [, roleName, , entityName, property] = segmentsOf(site.path) as [string, string, string, string, string];
    const permission = next.roles?.[roleName]?.entities?.[entityName];
    if (!permission) continue;
    if (property === 'fields') delete permission.fields?.[field];
    else if (property === 'read' || property === 'update' || property === 'delete') delete permission[property];
  }
  eachRole(next, (role) => {
    for (const [name, p] of Object.entries(role.entities)) {
      if (p.fields && Object.keys(p.fields).length === 0) delete p.fields;
      if (p.read === undefined && (p.update !== undefined || p.delete !== undefined || p.transfer !== undefined || (p.fields && p.create !== true))) {
        role.entities[name] = withoutRead(p);
      }
    }
  });
  return next;
}
