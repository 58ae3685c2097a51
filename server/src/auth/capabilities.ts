/**
 * Studio capabilities of the acting roles — `manageMetadata` (edit and publish metadata) and `manageUsers`
 * (users, teams, role assignments, API keys, the security log) — from the current document's roles via the
 * runtime's resolveAccess (the built-in `admin` has both). FORBIDDEN names the capability needed.
 */
import { resolveAccess, type ResolvedAccess } from '@trellis/runtime';
import { apiError } from '../common/errors.js';
import { ADMIN_ROLE, type RequestContext } from '../common/request-context.js';
import type { MetadataStoreService } from '../metadata-store/metadata-store.service.js';

export type Capability = 'manageMetadata' | 'manageUsers';

const WHAT: Record<Capability, string> = {
  manageMetadata: 'edit and publish metadata',
  manageUsers: 'manage users, teams and API keys',
};

export async function accessOf(store: MetadataStoreService, ctx: RequestContext): Promise<ResolvedAccess> {
  const current = await store.current(ctx.workspace);
  return resolveAccess(current.served, { roles: ctx.actor.roles });
}

export async function requireCapability(store: MetadataStoreService, ctx: RequestContext, capability: Capability): Promise<ResolvedAccess> {
  const access = await accessOf(store, ctx);
  if (!access[capability]) {
    throw apiError('FORBIDDEN', `You need the ${capability} capability to ${WHAT[capability]}: ask an administrator for a role that has it.`, { capability });
  }
  return access;
}

/**
 * Role names given to a user or an API key must be `admin` or a role of the current document; only
 * holders of `admin` may hand out (or take away) `admin`.
 */
export async function checkRoleNames(store: MetadataStoreService, ctx: RequestContext, roles: readonly string[], previous: readonly string[] = []): Promise<void> {
  const defined = Object.keys((await store.current(ctx.workspace)).document.roles ?? {});
  const unknown = roles.filter((role) => role !== ADMIN_ROLE && !defined.includes(role));
  if (unknown.length > 0) {
    const known = [ADMIN_ROLE, ...defined].join(', ');
    throw apiError('BAD_USER_INPUT', `Unknown role${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}: the roles are ${known}.`, { field: 'roles' });
  }
  const adminChanges = roles.includes(ADMIN_ROLE) !== previous.includes(ADMIN_ROLE);
  if (adminChanges && !ctx.actor.roles.includes(ADMIN_ROLE)) {
    throw apiError('FORBIDDEN', `Only administrators may grant or remove the ${ADMIN_ROLE} role.`, { capability: ADMIN_ROLE });
  }
}
