/**
 * Plan steps for role changes: metadata only (roles are enforced by the server, nothing in the tables changes),
 * one `metadataOnly` step per described change, so the plan preview says what each role gains or loses. The
 * earlier version of a role is first rewritten to the new entity and field names, so following a rename is no change.
 */
import type { PlanContext } from './plan-context.js';
import { describeRoleChanges } from './roles/describe-role-changes.js';
import { renameEntityInRoles } from './roles/role-edits.js';
import { rewriteReferences } from './rules/rewrite.js';
import type { MetadataDocument, RoleDefinition } from './types.js';

/** `role` as it was, with the entities and fields renamed by this change under their new names. */
function inNewNames(ctx: PlanContext, role: RoleDefinition): RoleDefinition {
  let doc: MetadataDocument = { entities: ctx.to.entities, roles: { role } };
  for (const c of ctx.diff.changes) if (c.kind === 'renameEntity') doc = renameEntityInRoles(doc, c.from, c.entity);
  for (const c of ctx.diff.changes) if (c.kind === 'renameField') doc = rewriteReferences(doc, c.entity, c.from, c.field);
  return doc.roles!.role!;
}

export function planRoleChanges(ctx: PlanContext): void {
  const renames = ctx.diff.changes.some((c) => c.kind === 'renameEntity' || c.kind === 'renameField');
  for (const c of ctx.diff.changes) {
    if (c.kind !== 'changeOther' || !c.path.startsWith('/roles/')) continue;
    const name = c.path.slice('/roles/'.length);
    const from = c.from as RoleDefinition | undefined;
    const before = from !== undefined && renames ? inNewNames(ctx, from) : from;
    for (const description of describeRoleChanges(name, before, c.to as RoleDefinition | undefined)) {
      ctx.add('metadata', { kind: 'metadataOnly', description: `${description} (metadata only)`, destructive: false, sql: [] });
    }
  }
}
