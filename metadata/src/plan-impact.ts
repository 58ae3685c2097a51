/**
 * Impact lines of the plan preview: for each renamed or removed field, a `metadataOnly` step listing the rules,
 * conditions, layouts, views, formulas, roll-ups and relations that used it in the published document, so whoever
 * publishes sees what the change touches. Components that go away in the same change (their entity, or the
 * formula / roll-up / relation field itself, is removed) are left out.
 */
import type { PlanContext } from './plan-context.js';
import { collectReferenceSites, referencesTo, type ReferenceSite } from './rules/references.js';

export function planImpact(ctx: PlanContext): void {
  const changes = ctx.diff.changes.filter((c) => c.kind === 'renameField' || c.kind === 'removeField');
  if (changes.length === 0) return;
  const persisting = new Set(ctx.persistingEntities().map(([, from]) => from));
  const removed = new Set(ctx.removedFields.map(([entity, field]) => `${ctx.fromEntityName(entity)}.${field}`));
  const stays = (s: ReferenceSite) => persisting.has(s.component.owner) && !(s.component.field !== undefined && removed.has(`${s.component.owner}.${s.component.field}`));
  const sites = collectReferenceSites(ctx.from).filter(stays);
  for (const c of changes) {
    if (c.kind !== 'renameField' && c.kind !== 'removeField') continue;
    const fromEntity = ctx.fromEntityName(c.entity);
    if (fromEntity === undefined) continue;
    const old = c.kind === 'renameField' ? c.from : c.field;
    const used = [...new Set(referencesTo(sites, fromEntity, old).map((r) => r.component))].join(', ');
    if (used === '') continue;
    const description =
      c.kind === 'renameField'
        ? `Used by: ${used} — they follow the rename of ${c.entity}.${old} to ${c.field} (metadata only)`
        : `Used by: ${used} — ${c.entity}.${old} is removed; this version no longer uses it there (metadata only)`;
    ctx.add('metadata', { kind: 'metadataOnly', entity: c.entity, field: c.field, description, destructive: false, sql: [] });
  }
}
