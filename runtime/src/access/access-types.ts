/**
 * The effective access of a set of roles, as the server enforces it and the studio shows it. Pure data,
 * computed by `resolveAccess` from the roles of the metadata document (isomorphic: browser and server).
 */
import type { JsonLogicObject } from '@trellis/metadata';

/** Who asks: their role names, possibly including the built-in `admin`. Unknown names are ignored. */
export interface AccessSubject {
  roles: string[];
}

export type FieldAccess = 'hidden' | 'readOnly' | 'editable';

/** One role's contribution to a scope: every record (`true`) or the records matching a JSON Logic predicate over `{ record, user }`. */
export interface ScopeGrant {
  role: string;
  scope: true | JsonLogicObject;
}

export interface EntityAccess {
  entity: string;
  /** Grants whose union is the scope; empty = no access. Any `scope: true` grant = all records. */
  read: ScopeGrant[];
  /** Each grant is already ANDed with the same role's read scope (you cannot update what you cannot see). */
  update: ScopeGrant[];
  /** Each grant is already ANDed with the same role's read scope. */
  delete: ScopeGrant[];
  create: boolean;
  transfer: boolean;
  /** Every field of the entity incl. system fields → its access (union over the subject's roles). */
  fields: Record<string, FieldAccess>;
}

export interface ResolvedAccess {
  admin: boolean;
  manageMetadata: boolean;
  manageUsers: boolean;
  /** Stable key of the role set (sorted names joined by ','), for caches. */
  key: string;
  /** Every entity of the document (no-access ones included). */
  entities: Record<string, EntityAccess>;
}

export type AccessOperation = 'read' | 'create' | 'update' | 'delete' | 'transfer' | 'field';

/** One reason the subject may (or may not) do something, for "why can this user…?" panels. */
export interface AccessExplanation {
  role: string;
  roleLabel: string;
  operation: AccessOperation;
  /** For `field` items: the field and the level the role gives it. */
  field?: string;
  level?: 'hidden' | 'readOnly';
  /** Which records the item covers (`all` also for create, transfer and field items that apply). */
  scope: 'all' | 'none' | 'condition';
  /** For `condition` items: the effective predicate over `{ record, user }`. */
  condition?: JsonLogicObject;
  /** e.g. "via role Sales rep: read where Owner is me". */
  text: string;
}
