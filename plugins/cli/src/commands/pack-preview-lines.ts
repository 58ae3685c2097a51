/** The common part of install / upgrade / uninstall previews: order, plan, seed counts. */
import type { PackPreview } from '../api-types.js';
import { formatPlan } from '../format/format-plan.js';
import { formatSeedCounts } from '../format/format-pack.js';

export function previewLines(preview: PackPreview): string[] {
  const lines: string[] = [];
  if (preview.installOrder.length > 1) lines.push(`Install order (dependencies first): ${preview.installOrder.join(' → ')}`);
  lines.push(...formatSeedCounts(preview.seedCounts));
  lines.push('Plan:', ...formatPlan(preview.plan).map((l) => `  ${l}`));
  return lines;
}
