/** Pack previews as lines: install order, clashes, conflicts, seed counts, data loss. */
import type { PackConflict, PackPreview } from '../api-types.js';
import { formatValue } from './format-diff.js';

export function formatClashes(clashes: PackPreview['clashes']): string[] {
  return clashes.map((c) => `${c.path}: ${c.message}`);
}

/** The conflict report: one block per conflict, with the three versions and the decision key to use. */
export function formatConflicts(conflicts: PackConflict[]): string[] {
  const lines: string[] = [];
  conflicts.forEach((c, i) => {
    lines.push(`${i + 1}. ${c.path} (${c.kind})`);
    lines.push(`   ${c.message}`);
    lines.push(`   installed pack: ${formatValue(c.base)}`);
    lines.push(`   new pack:       ${formatValue(c.theirs)}`);
    lines.push(`   yours:          ${formatValue(c.ours)}`);
  });
  return lines;
}

/** A decisions file skeleton for the undecided conflicts, keeping the customer's version by default. */
export function decisionsTemplate(conflicts: PackConflict[]): Record<string, { take: 'ours' }> {
  return Object.fromEntries(conflicts.map((c) => [c.path, { take: 'ours' as const }]));
}

export function formatSeedCounts(seedCounts: PackPreview['seedCounts']): string[] {
  const entries = Object.entries(seedCounts ?? {});
  return entries.length === 0 ? [] : [`Seed data: ${entries.map(([entity, n]) => `${n} ${entity}`).join(', ')}`];
}

/**
 * The server's uninstall `dataLoss`, { entities: { name: rows }, fields: { "entity.field": values } }, as lines
 * ("entity case: 12 record(s)"); entries with nothing to lose are left out. Other shapes are shown as they are.
 */
export function formatDataLoss(dataLoss: unknown): string[] {
  if (dataLoss == null) return [];
  if (typeof dataLoss !== 'object' || Array.isArray(dataLoss)) return [formatValue(dataLoss)];
  const { entities, fields, ...rest } = dataLoss as { entities?: Record<string, unknown>; fields?: Record<string, unknown> };
  const counted = (map: Record<string, unknown> | undefined) => Object.entries(map ?? {}).filter(([, n]) => n !== 0);
  return [
    ...counted(entities).map(([entity, n]) => `entity ${entity}: ${formatValue(n)} record(s)`),
    ...counted(fields).map(([field, n]) => `field ${field}: ${formatValue(n)} value(s)`),
    ...Object.entries(rest).map(([key, value]) => `${key}: ${formatValue(value)}`),
  ];
}
