/** Readable sentences for the `changes` of a version or a preview (metadata's DiffChange list). */
import type { DiffChange } from '@trellis/metadata';

const short = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  const text = typeof value === 'string' ? `“${value}”` : JSON.stringify(value);
  return text.length > 60 ? text.slice(0, 57) + '…' : text;
};

const isStructured = (value: unknown): boolean => value !== null && typeof value === 'object';

/** `layouts.form` → `the form layout`, `options` → `options`. */
function propertyWords(property: string): string {
  if (property === 'layouts.form') return 'the form layout';
  if (property === 'layouts.list') return 'the list layout';
  if (property === 'layouts') return 'the layouts';
  return property;
}

export function describeChange(change: DiffChange): string {
  switch (change.kind) {
    case 'addEntity':
      return `Added entity ${change.entity}`;
    case 'removeEntity':
      return `Removed entity ${change.entity}`;
    case 'renameEntity':
      return `Renamed entity ${change.from} to ${change.entity}`;
    case 'changeEntity':
      return isStructured(change.from) || isStructured(change.to)
        ? `Changed ${propertyWords(change.property)} of ${change.entity}`
        : `Changed ${change.property} of ${change.entity} from ${short(change.from)} to ${short(change.to)}`;
    case 'addField':
      return `Added field ${change.entity}.${change.field}`;
    case 'removeField':
      return `Removed field ${change.entity}.${change.field}`;
    case 'renameField':
      return `Renamed field ${change.entity}.${change.from} to ${change.field}`;
    case 'changeField':
      return isStructured(change.from) || isStructured(change.to)
        ? `Changed ${propertyWords(change.property)} of ${change.entity}.${change.field}`
        : `Changed ${change.property} of ${change.entity}.${change.field} from ${short(change.from)} to ${short(change.to)}`;
    case 'changeOther': {
      const [, section, name] = /^\/(roles|workflows|translations)\/([^/]+)$/.exec(change.path) ?? [];
      if (name) {
        const what = section === 'translations' ? `the ${name} translations` : `${section === 'roles' ? 'role' : 'workflow'} ${name}`;
        return change.from === undefined ? `Added ${what}` : change.to === undefined ? `Removed ${what}` : `Changed ${what}`;
      }
      return `Changed ${change.path || 'the document'}`;
    }
    default:
      return JSON.stringify(change);
  }
}

/** Accepts the `changes` JSON as stored (a list, or `{ changes: [...] }`) and returns its sentences. */
export function describeChanges(changes: unknown): string[] {
  const list = Array.isArray(changes)
    ? changes
    : changes && typeof changes === 'object' && Array.isArray((changes as { changes?: unknown }).changes)
      ? (changes as { changes: unknown[] }).changes
      : [];
  return list.filter((c): c is DiffChange => !!c && typeof c === 'object' && 'kind' in c).map(describeChange);
}

/** Plan steps as stored with a version (a list, or `{ steps: [...] }`). */
export function planSteps(plan: unknown): { description: string; destructive: boolean; sql: string[] }[] {
  const list = Array.isArray(plan)
    ? plan
    : plan && typeof plan === 'object' && Array.isArray((plan as { steps?: unknown }).steps)
      ? (plan as { steps: unknown[] }).steps
      : [];
  return list
    .filter((s): s is Record<string, unknown> => !!s && typeof s === 'object')
    .map((s) => ({
      description: String(s.description ?? s.kind ?? 'Step'),
      destructive: s.destructive === true,
      sql: Array.isArray(s.sql) ? s.sql.map(String) : [],
    }));
}
