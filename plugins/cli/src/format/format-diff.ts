/**
 * `diffDocuments` changes as readable lines, one per change:
 *   + entity ticket
 *   ~ field deal.amount: min 0 → 10
 *   > field person.surname renamed from lastName
 */
import type { DiffChange } from '@trellis/metadata';

const MAX_VALUE = 70;

export function formatValue(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

export function formatDiffChange(change: DiffChange): string {
  switch (change.kind) {
    case 'addEntity':
      return `+ entity ${change.entity}`;
    case 'removeEntity':
      return `- entity ${change.entity}`;
    case 'renameEntity':
      return `> entity ${change.entity} renamed from ${change.from}`;
    case 'changeEntity':
      return `~ entity ${change.entity}: ${change.property} ${formatValue(change.from)} → ${formatValue(change.to)}`;
    case 'addField':
      return `+ field ${change.entity}.${change.field}`;
    case 'removeField':
      return `- field ${change.entity}.${change.field}`;
    case 'renameField':
      return `> field ${change.entity}.${change.field} renamed from ${change.from}`;
    case 'changeField':
      return `~ field ${change.entity}.${change.field}: ${change.property} ${formatValue(change.from)} → ${formatValue(change.to)}`;
    case 'changeOther': {
      const [, section, name] = change.path.split('/');
      const noun = section === 'workflows' ? 'workflow' : section === 'roles' ? 'role' : section;
      if (change.from === undefined) return `+ ${noun} ${name}`;
      if (change.to === undefined) return `- ${noun} ${name}`;
      return `~ ${noun} ${name} changed`;
    }
  }
}

export function formatDiff(changes: DiffChange[], fromLabel: string, toLabel: string): string[] {
  if (changes.length === 0) return [`No differences between ${fromLabel} and ${toLabel}.`];
  return [`Changes from ${fromLabel} to ${toLabel}:`, ...changes.map((c) => `  ${formatDiffChange(c)}`), `${changes.length} change(s).`];
}
