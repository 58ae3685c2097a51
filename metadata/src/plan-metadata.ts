/**
 * `metadataOnly` steps: changes that need no SQL (labels, options, layouts, validation rules, workflows, translations…),
 * listed so the plan preview shows every change and what it means for existing records. Their `sql` is empty.
 */
import type { PlanContext } from './plan-context.js';
import type { DiffChange, PlanStep } from './plan-types.js';
import type { FieldDefinition, SelectOption } from './types.js';
import { describeTranslationChanges } from './translations/describe-translation-changes.js';
import { describeWorkflowChanges } from './workflows/describe-workflow-changes.js';
import type { WorkflowDefinition } from './workflows/types.js';

/** Field properties whose changes the other planners turn into SQL (or problems). */
const STORAGE_PROPERTIES = new Set(['type', 'unique', 'onDelete', 'target', 'cardinality', 'scale', 'renamedFrom']);
// Formula and roll-up definitions: their `recomputeField` step (plan-derived.ts) describes the change.
for (const p of ['expression', 'resultType', 'relation', 'aggregate', 'aggregateField', 'filter']) STORAGE_PROPERTIES.add(p);

const show = (value: unknown): string => (value === undefined ? '(none)' : JSON.stringify(value));

function optionsDescription(entity: string, field: string, from: unknown, to: unknown): string {
  const values = (v: unknown) => new Set(((v as SelectOption[] | undefined) ?? []).map((o) => o.value));
  const [a, b] = [values(from), values(to)];
  const removed = [...a].filter((v) => !b.has(v));
  const added = [...b].filter((v) => !a.has(v));
  const parts = [];
  if (added.length) parts.push(`add ${added.map((v) => `"${v}"`).join(', ')}`);
  if (removed.length) parts.push(`remove ${removed.map((v) => `"${v}"`).join(', ')}`);
  if (!parts.length) parts.push('relabel or reorder');
  const warning = removed.length ? '; records that have a removed value keep it until they are edited' : '';
  return `Change options of ${entity}.${field}: ${parts.join(', ')} (metadata only${warning})`;
}

function fieldDescription(c: Extract<DiffChange, { kind: 'changeField' }>): string {
  if (c.property === 'options') return optionsDescription(c.entity, c.field, c.from, c.to);
  if (c.property === 'required' && c.to === true) {
    return `Make ${c.entity}.${c.field} required (metadata only; existing records without a value keep it empty until they are edited)`;
  }
  return `Change ${c.property} of ${c.entity}.${c.field} from ${show(c.from)} to ${show(c.to)} (metadata only)`;
}

/** Adding, changing or removing a validation rule or a saved view (`rules.<name>`, `views.<name>`). */
function ruleOrViewDescription(c: Extract<DiffChange, { kind: 'changeEntity' }>): string {
  const rule = c.property.startsWith('rules.');
  const what = `${rule ? 'validation rule' : 'saved view'} ${c.property.slice(6)}`;
  if (c.from === undefined) {
    const note = rule ? '; existing records are checked when they are next saved' : '';
    return `Add ${what} to entity ${c.entity} (metadata only${note})`;
  }
  if (c.to === undefined) return `Remove ${what} from entity ${c.entity} (metadata only)`;
  return `Change ${what} of entity ${c.entity} (metadata only)`;
}

const hasNoColumn = (field: FieldDefinition | undefined): boolean =>
  field?.type === 'relation' && (field.cardinality === 'oneToMany' || field.cardinality === 'manyToMany');

function describe(ctx: PlanContext, c: DiffChange): string | undefined {
  switch (c.kind) {
    case 'changeEntity':
      if (c.property.startsWith('layouts.')) return `Change the ${c.property.slice(8)} layout of entity ${c.entity} (metadata only)`;
      if (c.property.startsWith('rules.') || c.property.startsWith('views.')) return ruleOrViewDescription(c);
      return `Change ${c.property} of entity ${c.entity} from ${show(c.from)} to ${show(c.to)} (metadata only)`;
    case 'changeField':
      return STORAGE_PROPERTIES.has(c.property) ? undefined : fieldDescription(c);
    case 'changeOther':
      if (c.path.startsWith('/translations/')) return describeTranslationChanges(c.path.slice('/translations/'.length), c.from, c.to);
      // Roles: described change by change in plan-roles.ts; workflows below (one step per sentence).
      return c.path.startsWith('/roles/') || c.path.startsWith('/workflows/') ? undefined : `Change ${c.path} (metadata only)`;
    case 'addField': {
      const f = ctx.to.entities[c.entity]?.fields[c.field];
      if (ctx.addedEntities.has(c.entity) || f?.cardinality !== 'oneToMany') return undefined;
      return `Add field ${c.field} to ${c.entity}: the other side of ${f.target}.${f.inverse} (no column)`;
    }
    case 'renameField': {
      const f = ctx.to.entities[c.entity]?.fields[c.field];
      return hasNoColumn(f) ? `Rename field ${c.from} to ${c.field} on ${c.entity} (no column of its own)` : undefined;
    }
    case 'removeField': {
      const fromEntity = ctx.fromEntityName(c.entity);
      const f = fromEntity === undefined ? undefined : ctx.from.entities[fromEntity]?.fields[c.field];
      return hasNoColumn(f) ? `Remove field ${c.field} from ${c.entity} (no column of its own)` : undefined;
    }
    default:
      return undefined;
  }
}

export function planMetadataChanges(ctx: PlanContext): void {
  for (const c of ctx.diff.changes) {
    if (c.kind === 'changeOther' && c.path.startsWith('/workflows/')) {
      const name = c.path.slice('/workflows/'.length);
      for (const description of describeWorkflowChanges(name, c.from as WorkflowDefinition | undefined, c.to as WorkflowDefinition | undefined)) {
        ctx.add('metadata', { kind: 'metadataOnly', description: `${description} (metadata only)`, destructive: false, sql: [] });
      }
      continue;
    }
    const description = describe(ctx, c);
    if (description === undefined) continue;
    const step: PlanStep = { kind: 'metadataOnly', description, destructive: false, sql: [] };
    if ('entity' in c) step.entity = c.entity;
    if ('field' in c) step.field = c.field;
    ctx.add('metadata', step);
  }
}
