/**
 * The registry's `storage` hooks in the migration plan: SQL for what a field type keeps beside its columns
 * (autoNumber: a sequence and the column default), added to the steps that create, rename, move aside or
 * retype the field's columns. Types without hooks add nothing.
 */
import { findFieldType } from './field-types/registry.js';
import type { FieldStorageRef } from './field-types/field-type.js';
import type { PlanContext } from './plan-context.js';
import { fieldColumns } from './storage.js';
import type { FieldDefinition } from './types.js';

/** Table and field name a field's columns are named after. */
export type FieldPlace = readonly [table: string, field: string];

function refOf(ctx: PlanContext, [table, field]: FieldPlace, def: FieldDefinition): FieldStorageRef | undefined {
  const column = fieldColumns(field, def)[0];
  return column ? { schema: ctx.options.schema, table, column: column.name, field: def } : undefined;
}

const hooksOf = (def: FieldDefinition) => findFieldType(def.type)?.storage;

/** After the field's columns came to exist (created, added, restored, or retyped to this type). */
export function storageCreatedSql(ctx: PlanContext, place: FieldPlace, def: FieldDefinition): string[] {
  const hooks = hooksOf(def);
  const ref = hooks && refOf(ctx, place, def);
  return hooks && ref ? hooks.created(ref) : [];
}

/** After the field's table or column got renamed from `from` to `to`. */
export function storageRenamedSql(ctx: PlanContext, from: FieldPlace, to: FieldPlace, def: FieldDefinition): string[] {
  const hooks = hooksOf(def);
  const a = hooks && refOf(ctx, from, def);
  const b = hooks && refOf(ctx, to, def);
  return hooks && a && b ? hooks.renamed(a, b) : [];
}

/** When the field stops being of its type: `place` = its names; `now` = where its column is now. */
export function storageRemovedSql(ctx: PlanContext, place: FieldPlace, def: FieldDefinition, now?: { table: string; column: string }): string[] {
  const hooks = hooksOf(def);
  const ref = hooks && refOf(ctx, place, def);
  return hooks && ref ? hooks.removed(ref, now ?? { table: ref.table, column: ref.column }, ctx.options.version) : [];
}

/** The created hooks of every field of an entity's (new or restored) table. */
export function storageCreatedSqlOfEntity(ctx: PlanContext, entity: string, table: string): string[] {
  const fields = ctx.to.entities[entity]?.fields ?? {};
  return Object.entries(fields).flatMap(([field, def]) => storageCreatedSql(ctx, [table, field], def));
}
