/**
 * Plan steps for type changes of existing fields: `ALTER COLUMN … TYPE … USING` with the registry's
 * `convertFrom`, columns added (or renamed back from an earlier move-aside) or moved aside when the column set
 * changes (decimal ↔ currency), and problems for changes that cannot be converted (to or from a relation,
 * a relation's target or cardinality).
 */
import { isDerivedField } from './derived-fields.js';
import { findFieldType, getFieldType } from './field-types/registry.js';
import { tableName } from './naming.js';
import type { PlanContext } from './plan-context.js';
import { storageCreatedSql, storageRemovedSql } from './plan-field-storage.js';
import { findSetAsideColumn, setAsideColumnsOf } from './plan-restore.js';
import type { PlanStep } from './plan-types.js';
import { pointer } from './problems.js';
import { droppedName, quoteIdent } from './sql.js';
import { fieldColumns, type PhysicalColumn } from './storage.js';
import type { FieldDefinition } from './types.js';

/** Problem for relation changes the plan cannot carry out; true when there is one. */
function relationProblem(ctx: PlanContext, entity: string, field: string, a: FieldDefinition, b: FieldDefinition): boolean {
  const path = pointer('entities', entity, 'fields', field);
  if ((a.type === 'relation') !== (b.type === 'relation')) {
    ctx.problem(pointer('entities', entity, 'fields', field, 'type'), 'type-change-not-convertible', `Field ${entity}.${field} cannot change from ${a.type} to ${b.type}: relations and values are stored differently. Add a new field and remove this one instead.`);
    return true;
  }
  if (a.type !== 'relation') return false;
  const targetNow = ctx.persistingEntities().find(([, old]) => old === a.target)?.[0];
  if (a.cardinality !== b.cardinality || targetNow !== b.target) {
    const what = a.cardinality !== b.cardinality ? `cardinality (${a.cardinality} → ${b.cardinality})` : `target (${a.target} → ${b.target})`;
    ctx.problem(path, 'relation-change-not-supported', `Relation ${entity}.${field} cannot change its ${what}: its links are stored differently. Add a new relation field and remove this one instead.`);
    return true;
  }
  return false;
}

/** Same column names and SQL types (a backfill is not part of the stored shape). */
const sameColumns = (a: PhysicalColumn[], b: PhysicalColumn[]): boolean =>
  a.length === b.length && a.every((c, i) => c.name === b[i]!.name && c.sqlType === b[i]!.sqlType);

function isLossless(a: FieldDefinition, b: FieldDefinition): boolean {
  if (a.type === b.type) return false; // same type, different columns: a scale change, which can round or overflow
  return getFieldType(b.type).losslessFrom?.includes(a.type) ?? false;
}

function alterStep(ctx: PlanContext, entity: string, field: string, a: FieldDefinition, b: FieldDefinition): PlanStep | undefined {
  const table = ctx.q(tableName(entity));
  const before = fieldColumns(field, a);
  const after = fieldColumns(field, b);
  const what = `${entity}.${field}`;
  const change =
    a.type !== b.type
      ? `${what} from ${a.type} to ${b.type}`
      : a.resultType !== b.resultType
        ? `the result type of ${what} from ${a.resultType ?? 'default'} to ${b.resultType ?? 'default'}`
        : `the scale of ${what} from ${a.scale ?? 'default'} to ${b.scale ?? 'default'}`;
  const main = quoteIdent(after[0]!.name);
  const using = getFieldType(b.type).convertFrom?.(a, b, main);
  if (using == null) {
    ctx.problem(pointer('entities', entity, 'fields', field, 'type'), 'type-change-not-convertible', `Field ${what} cannot change from ${a.type} to ${b.type}: there is no conversion between them. Add a new field and remove this one instead.`);
    return undefined;
  }
  // Same SQL type: values need no rewrite, except jsonb whose shape may change (json → multiSelect keeps only arrays).
  const rewriteMain = before[0]!.sqlType !== after[0]!.sqlType || (after[0]!.sqlType === 'jsonb' && using !== main);
  // What the old type kept beside the column goes first (e.g. an autoNumber's default), the new type's comes last.
  const place = [tableName(entity), field] as const;
  const leave = a.type === b.type ? [] : storageRemovedSql(ctx, place, a);
  const enter = a.type === b.type ? [] : storageCreatedSql(ctx, place, b);
  if (sameColumns(before, after) && !rewriteMain && leave.length === 0 && enter.length === 0) {
    return {
      kind: 'metadataOnly',
      entity,
      field,
      description: `Change ${change}: same column type, values kept as they are${isLossless(a, b) ? '' : ` (values that are not valid ${b.type} values fail validation when their record is next saved)`}`,
      destructive: false,
      sql: [],
    };
  }
  const sql = [...leave, ...(rewriteMain ? [`ALTER TABLE ${table} ALTER COLUMN ${main} TYPE ${after[0]!.sqlType} USING ${using}`] : [])];
  for (const col of after.slice(1).filter((c) => before.some((o) => o.name === c.name && o.sqlType !== c.sqlType))) {
    sql.push(`ALTER TABLE ${table} ALTER COLUMN ${quoteIdent(col.name)} TYPE ${col.sqlType} USING ${quoteIdent(col.name)}::${col.sqlType}`);
  }
  const restored: string[] = [];
  for (const col of after.filter((c) => !before.some((o) => o.name === c.name))) {
    const aside = findSetAsideColumn(setAsideColumnsOf(ctx, entity), col.name, col.sqlType);
    if (aside) {
      sql.push(`ALTER TABLE ${table} RENAME COLUMN ${quoteIdent(aside.name)} TO ${quoteIdent(col.name)}`);
      restored.push(`column ${col.name} restored from ${aside.name}`);
    } else {
      sql.push(`ALTER TABLE ${table} ADD COLUMN ${quoteIdent(col.name)} ${col.sqlType}`);
    }
    if (col.backfill) sql.push(`UPDATE ${table} SET ${quoteIdent(col.name)} = ${col.backfill} WHERE ${main} IS NOT NULL${aside ? ` AND ${quoteIdent(col.name)} IS NULL` : ''}`);
  }
  const removed = before.filter((o) => !after.some((c) => c.name === o.name));
  for (const col of removed) {
    sql.push(`ALTER TABLE ${table} RENAME COLUMN ${quoteIdent(col.name)} TO ${quoteIdent(droppedName(ctx.options.version, col.name))}`);
  }
  sql.push(...enter);
  // A formula's or roll-up's values are computed again after the change (a recomputeField step): nothing is lost.
  const recomputed = isDerivedField(b);
  const destructive = !recomputed && (removed.length > 0 || !isLossless(a, b));
  const kept =
    restored.map((r) => `; ${r}`).join('') +
    (removed.length ? `; column${removed.length > 1 ? 's' : ''} ${removed.map((c) => c.name).join(', ')} moved aside as ${removed.map((c) => droppedName(ctx.options.version, c.name)).join(', ')}` : '');
  return {
    kind: 'alterColumnType',
    entity,
    field,
    description: `Change ${change} (${recomputed ? 'values computed again' : destructive ? 'values that do not convert become empty' : 'values converted, none lost'}${kept})`,
    destructive,
    sql,
  };
}

export function planTypeChanges(ctx: PlanContext): void {
  for (const [entity] of ctx.persistingEntities()) {
    for (const [field, , a, b] of ctx.persistingFields(entity)) {
      if (relationProblem(ctx, entity, field, a, b)) continue;
      if (a.type === 'relation' || !findFieldType(a.type) || !findFieldType(b.type)) continue;
      if (a.type === b.type && sameColumns(fieldColumns(field, a), fieldColumns(field, b))) continue;
      const step = alterStep(ctx, entity, field, a, b);
      if (step) ctx.add(step.kind === 'metadataOnly' ? 'metadata' : 'alterType', step);
    }
  }
}
