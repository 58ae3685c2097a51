/**
 * The ONE decision point for record access. A `RecordAccess` is made per request from the actor's roles
 * (runtime's `resolveAccess`, the same union the studio shows) and handed to the SQL compilers, which ask it
 * for every row they read (the scope goes into the WHERE), every field they select, filter or sort by, and
 * every row a write touches. The compilers never decide anything themselves.
 *
 * Scopes are JSON Logic predicates over `{ record, user }`, compiled to SQL by the rules compiler with the
 * actor as `user`; manual shares (trellis.record_share) widen the read (and, with `edit`, the update) scope
 * of an entity the actor's roles can read at all — as in Salesforce, sharing never grants the object right.
 */
import { resolveAccess, type EntityAccess, type FieldAccess, type ResolvedAccess, type ScopeGrant } from '@trellis/runtime';
import type { Actor } from '../common/request-context.js';
import type { FilterScope } from '../records/compile-filter.js';
import type { DataModel, EntityModel } from '../records/data-model.js';
import { quoteLiteral } from '../records/sql.js';
import { compileJsonLogic, type RuleEnvironment } from '../rules/compile-json-logic.js';
import { forbidden } from './forbidden.js';

export type ScopeOperation = 'read' | 'update' | 'delete';
export type FieldUse = 'select' | 'filter' | 'sort' | 'write';

export interface RecordAccess {
  readonly resolved: ResolvedAccess;
  readonly actor: Actor;
  /** Admin or system: the compilers add nothing, skip every check. */
  readonly unrestricted: boolean;
  entity(entity: EntityModel): EntityAccess;
  /** SQL boolean over `alias` (a row of `entity`): may the actor `op` this row? `TRUE`, `FALSE` or a predicate. */
  scopeSql(scope: FilterScope, entity: EntityModel, op: ScopeOperation, alias: string): string;
  /** FORBIDDEN when the field is hidden from the actor (or, for `write`, not editable). */
  assertField(entity: EntityModel, field: string, use: FieldUse): void;
  fieldAccess(entity: EntityModel, field: string): FieldAccess;
}

/** The rule context's `user` for an actor (a key acts for the user who created it). */
export function ruleEnvironmentUser(actor: Actor): NonNullable<RuleEnvironment['user']> & Record<string, unknown> {
  return {
    id: actor.userId ?? actor.id,
    kind: actor.kind,
    name: actor.name,
    email: actor.email,
    roles: actor.roles,
    teams: actor.teams,
    locale: actor.locale,
    timeZone: actor.timeZone,
    attributes: actor.attributes,
  };
}

/** The access of `actor` to the records of `model`'s document, at the instant `now` (ISO). */
export function recordAccessFor(model: DataModel, actor: Actor, now: string): RecordAccess {
  const resolved = resolveAccess(model.document, { roles: actor.roles });
  return new RoleRecordAccess(model, resolved, actor, { user: ruleEnvironmentUser(actor), now });
}

class RoleRecordAccess implements RecordAccess {
  readonly unrestricted: boolean;

  constructor(
    private readonly model: DataModel,
    readonly resolved: ResolvedAccess,
    readonly actor: Actor,
    private readonly env: RuleEnvironment,
  ) {
    this.unrestricted = resolved.admin;
  }

  entity(entity: EntityModel): EntityAccess {
    return this.resolved.entities[entity.name]!;
  }

  scopeSql(scope: FilterScope, entity: EntityModel, op: ScopeOperation, alias: string): string {
    if (this.unrestricted) return 'TRUE';
    const grants: ScopeGrant[] = this.entity(entity)[op];
    if (grants.some((g) => g.scope === true)) return 'TRUE';
    const parts: string[] = [];
    // The role's predicates are the admin's, not the requester's: compiled without field restrictions.
    const unrestricted: FilterScope = { model: this.model, params: scope.params, aliases: scope.aliases };
    for (const grant of grants) {
      parts.push(compileJsonLogic({ ...unrestricted, env: this.env }, entity.name, grant.scope, alias));
    }
    const shared = op !== 'delete' && grants.length > 0 ? this.sharedSql(scope, entity, op, alias) : undefined;
    if (shared) parts.push(shared);
    if (parts.length === 0) return 'FALSE';
    return parts.length === 1 ? parts[0]! : `(${parts.map((p) => `(${p})`).join(' OR ')})`;
  }

  /** Rows shared with the acting user or one of their teams (edit shares only, for updates). */
  private sharedSql(scope: FilterScope, entity: EntityModel, op: ScopeOperation, alias: string): string | undefined {
    if (this.actor.kind !== 'user' || !this.actor.userId) return undefined;
    const user = scope.params.add(this.actor.userId);
    const teams = this.actor.teams.length > 0 ? ` OR s."team_id" = ANY(${scope.params.add(this.actor.teams)}::uuid[])` : '';
    const edit = op === 'update' ? ` AND s."access" = 'edit'` : '';
    return (
      `EXISTS (SELECT 1 FROM "trellis"."record_share" s WHERE s."table_oid" = ${quoteLiteral(entity.table)}::regclass` +
      ` AND s."record_id" = ${alias}."id" AND (s."user_id" = ${user}::uuid${teams})${edit})`
    );
  }

  fieldAccess(entity: EntityModel, field: string): FieldAccess {
    if (this.unrestricted) return 'editable';
    return this.entity(entity).fields[field] ?? 'hidden';
  }

  assertField(entity: EntityModel, field: string, use: FieldUse): void {
    if (this.unrestricted) return;
    const access = this.fieldAccess(entity, field);
    if (access === 'editable' || (access === 'readOnly' && use !== 'write')) return;
    const label = entity.fields.get(field)?.label ?? field;
    const roles = this.rolesText();
    if (access === 'readOnly') {
      throw forbidden(`${entity.label}.${label} is read-only for you (${roles}): leave "${field}" out of the data you write.`, { entity: entity.name, field });
    }
    const verb = { select: 'read', filter: 'filter on', sort: 'sort by', write: 'write' }[use];
    throw forbidden(`You cannot ${verb} ${entity.label}.${label}: the field is hidden for ${roles}.`, { entity: entity.name, field });
  }

  private rolesText(): string {
    const roles = this.actor.roles.map((r) => this.model.document.roles?.[r]?.label ?? r);
    return roles.length === 0 ? 'you have no role' : `role${roles.length > 1 ? 's' : ''} ${roles.join(', ')}`;
  }
}

/** The access of platform work (system context) and of admins: no restriction. */
export const isUnrestricted = (access: RecordAccess | undefined): boolean => access === undefined || access.unrestricted;
