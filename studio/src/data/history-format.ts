/**
 * A record's history (the /metadata `recordHistory` entries) in words: who, from where, what changed from what
 * to what — values formatted as the list cells format them, fields named by their labels, users and teams by
 * their names. Pure, so the timeline only lays it out.
 */
import type { FieldDefinition, MetadataDocument } from '@trellis/metadata';
import { formatFieldLabel } from '@trellis/runtime';
import { cellText } from '../lib/field-values.js';
import { widgetOf } from '../lib/field-types.js';
import { formatDate, formatDateTime, formatMoney, formatNumber, formatPercent } from '../lib/format.js';

export interface RecordChange {
  id: string;
  at: string;
  action: string;
  /** `user:<id>`, `apiKey:<id>`, `workflow:<name>`, `system:<name>`. */
  actor: string;
  actorName: string | null;
  source: string;
  changes: Record<string, { from: unknown; to: unknown }>;
}

export interface RecordRef {
  entity: string;
  id: string;
}

export interface FieldChangeText {
  field: string;
  label: string;
  from: string;
  to: string;
  /** For a manyToOne relation: the records linked before and after (history keeps ids; the timeline names them). */
  fromRef?: RecordRef;
  toRef?: RecordRef;
}

export interface HistoryEntryText {
  id: string;
  at: string;
  action: string;
  /** "Created", "Updated", "Deleted". */
  title: string;
  who: string;
  /** "in the app", "through the API", "by a workflow", "by an import", "by the system". */
  source: string;
  changes: FieldChangeText[];
}

/** Names of users and teams by id (from the `users` / `teams` directory). */
export interface Names {
  user: (id: string) => string | undefined;
  team: (id: string) => string | undefined;
}

const TITLES: Record<string, string> = { create: 'Created', update: 'Updated', delete: 'Deleted' };
const SOURCES: Record<string, string> = {
  ui: 'in the app',
  api: 'through the API',
  workflow: 'by a workflow',
  import: 'by an import',
  system: 'by the system',
};
const SERVER_SET = new Set(['id', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy']);

/** "Ada Lovelace", "API key “Sync”", "workflow “Assign leads”", or the raw label when nothing better is known. */
export function actorText(change: Pick<RecordChange, 'actor' | 'actorName'>, names?: Names, doc?: MetadataDocument): string {
  if (change.actorName) return change.actorName;
  const [kind, ...rest] = change.actor.split(':');
  const id = rest.join(':');
  if (kind === 'user') return names?.user(id) ?? 'A former user';
  if (kind === 'apiKey') return 'An API key';
  if (kind === 'workflow') return `workflow “${doc?.workflows?.[id]?.label ?? id}”`;
  if (kind === 'system') return 'Trellis';
  return change.actor;
}

const blank = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** One stored value as a cell shows it; '' for no value. */
export function valueText(field: FieldDefinition | undefined, name: string, value: unknown, names?: Names): string {
  if (blank(value)) return '';
  if (!field) {
    if (name === 'owner') return names?.user(String(value)) ?? 'A former user';
    if (name === 'team') return names?.team(String(value)) ?? 'A removed team';
    if (name === 'createdAt' || name === 'updatedAt') return formatDateTime(String(value));
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  const custom = cellText(widgetOf(field.type), field, value);
  if (custom) return custom.label ?? custom.text;
  const option = (v: unknown) => field.options?.find((o) => o.value === v)?.label ?? String(v);
  switch (field.type) {
    case 'currency': {
      const money = value as { amount?: unknown; currency?: unknown };
      const amount = Number(money.amount);
      return money.amount == null ? '' : formatMoney({ amount, currency: String(money.currency ?? field.defaultCurrency ?? 'USD') });
    }
    case 'integer':
    case 'decimal':
      return formatNumber(Number(value));
    case 'percent':
      return formatPercent(Number(value));
    case 'boolean':
      return value === true ? 'Yes' : 'No';
    case 'date':
      return formatDate(String(value));
    case 'dateTime':
      return formatDateTime(String(value));
    case 'select':
      return option(value);
    case 'multiSelect':
      return (Array.isArray(value) ? value : [value]).map(option).join(', ');
    case 'relation':
      return 'a linked record';
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/** One history entry in words; fields the server set (timestamps) are left out, the rest in the entity's field order. */
export function describeHistoryEntry(doc: MetadataDocument, entityName: string, change: RecordChange, names?: Names): HistoryEntryText {
  const fields = doc.entities[entityName]?.fields ?? {};
  const order = [...Object.keys(fields), 'owner', 'team'];
  const rank = (f: string) => (order.includes(f) ? order.indexOf(f) : order.length);
  const changes = Object.entries(change.changes ?? {})
    .filter(([field]) => !SERVER_SET.has(field))
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([field, { from, to }]) => {
      const def = Object.hasOwn(fields, field) ? fields[field] : undefined;
      const text: FieldChangeText = { field, label: formatFieldLabel(field, def), from: valueText(def, field, from, names), to: valueText(def, field, to, names) };
      if (def?.type === 'relation' && def.target) {
        if (typeof from === 'string' && from) text.fromRef = { entity: def.target, id: from };
        if (typeof to === 'string' && to) text.toRef = { entity: def.target, id: to };
      }
      return { text, same: JSON.stringify(from) === JSON.stringify(to) };
    })
    .filter((c) => !c.same)
    .map((c) => c.text);
  return {
    id: change.id,
    at: change.at,
    action: change.action,
    title: TITLES[change.action] ?? change.action,
    who: actorText(change, names, doc),
    // "by workflow “X” by a workflow" says it twice: the workflow actor names the source already.
    source: change.source === 'workflow' && change.actor.startsWith('workflow:') && !change.actorName ? '' : (SOURCES[change.source] ?? change.source),
    changes,
  };
}
