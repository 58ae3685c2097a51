/**
 * The record layer's view of derived fields, per entity of one data model (built once, cached with it):
 * its formulas (runtime-compiled, in dependency order), the roll-ups it has, the roll-ups it feeds as the
 * related ("child") entity, and the formulas of other entities that read it through a manyToOne.
 * `active` is false for an entity none of this concerns: its writes keep the one-statement hot path.
 */
import { findInverseName, rollupEmptyValue, rollupSource, type FieldDefinition } from '@trellis/metadata';
import { entityFormulas, type CompiledFormula } from '@trellis/runtime';
import type { DataModel, EntityModel, ManyToOneFieldModel, ScalarFieldModel } from '../data-model.js';

export interface FormulaModel {
  compiled: CompiledFormula;
  field: ScalarFieldModel;
}

/** How a roll-up's parent finds its related records. */
export type RollupLink =
  /** oneToMany: the child's manyToOne `field` (column `column`) holds the parent's id. */
  | { kind: 'fk'; field: string; column: string }
  /** manyToMany: junction rows (parentColumn = the parent's id, childColumn = the child's); `childField` = the child's side, if any. */
  | { kind: 'junction'; junction: string; parentColumn: string; childColumn: string; parentField: string; childField: string | undefined };

export interface RollupModel {
  name: string;
  def: FieldDefinition;
  parent: EntityModel;
  /** The roll-up's own column on the parent. */
  field: ScalarFieldModel;
  child: EntityModel;
  link: RollupLink;
  /** Child fields whose change can change the value: the aggregated field, those the filter reads, and the link. */
  childFields: Set<string>;
  aggregate: NonNullable<FieldDefinition['aggregate']>;
  /** The aggregated column of the child (null for count). */
  aggregateColumn: string | null;
  filter: unknown;
  /** The value of a parent without (matching) related records. */
  emptyValue: number | null;
}

/** Formulas of another entity that read this one through a manyToOne. */
export interface FormulaDependent {
  entity: EntityModel;
  relation: ManyToOneFieldModel;
  /** Fields of this entity those formulas read. */
  fields: Set<string>;
}

export interface EntityDerived {
  entity: EntityModel;
  formulas: FormulaModel[];
  /** Own fields the formulas read (a change of one of them recomputes them), relations read through included. */
  formulaReads: Set<string>;
  /** manyToOne relations the formulas read through. */
  formulaRelations: ManyToOneFieldModel[];
  rollups: RollupModel[];
  feeds: RollupModel[];
  dependents: FormulaDependent[];
  /** manyToOne fields of other entities pointing here whose rows a delete here deletes (cascade) or unlinks (setNull). */
  cascades: { entity: EntityModel; relation: ManyToOneFieldModel; onDelete: 'cascade' | 'setNull' }[];
  /**
   * manyToMany fields of this entity whose other side (`inverse` on `target`) formulas or roll-ups of the target
   * read: writing their links changes the target records' lists too.
   */
  linkInverses: { field: string; target: EntityModel; inverse: string }[];
  /** Whether creates and updates of this entity concern derived fields. */
  active: boolean;
  /** Whether deletes do (also through the rows a delete cascades to). */
  activeOnDelete: boolean;
}

export interface DerivedModel {
  entities: Map<string, EntityDerived>;
}

const cache = new WeakMap<DataModel, DerivedModel>();

export function derivedModelOf(model: DataModel): DerivedModel {
  let derived = cache.get(model);
  if (!derived) cache.set(model, (derived = build(model)));
  return derived;
}

/** The derived-field view of `entity` (its `active` is false when writes of it concern no derived field). */
export function derivedOf(model: DataModel, entity: string): EntityDerived {
  return derivedModelOf(model).entities.get(entity)!;
}

function scalar(entity: EntityModel, name: string): ScalarFieldModel {
  const field = entity.fields.get(name);
  if (field?.kind !== 'scalar') throw new Error(`${entity.name}.${name} is not a stored value`);
  return field;
}

function rollupOf(model: DataModel, parent: EntityModel, name: string, def: FieldDefinition): RollupModel {
  const source = rollupSource(model.document, parent.name, name);
  const relation = parent.fields.get(def.relation ?? '');
  if (!source || !relation || (relation.kind !== 'oneToMany' && relation.kind !== 'manyToMany')) {
    throw new Error(`Roll-up ${parent.name}.${name} has no toMany relation`);
  }
  const child = model.entities.get(source.target)!;
  const link: RollupLink =
    relation.kind === 'oneToMany'
      ? { kind: 'fk', field: source.inverse!, column: relation.targetColumn }
      : { kind: 'junction', junction: relation.junction, parentColumn: relation.selfColumn, childColumn: relation.otherColumn, parentField: relation.name, childField: source.inverse };
  const childFields = new Set(source.fields);
  if (link.kind === 'fk') childFields.add(link.field);
  else if (link.childField) childFields.add(link.childField);
  const aggregated = def.aggregate !== 'count' && def.aggregateField ? scalar(child, def.aggregateField) : null;
  return {
    name,
    def,
    parent,
    field: scalar(parent, name),
    child,
    link,
    childFields,
    aggregate: def.aggregate!,
    aggregateColumn: aggregated ? aggregated.columns[0]!.column : null,
    filter: def.filter,
    emptyValue: rollupEmptyValue(def),
  };
}

function build(model: DataModel): DerivedModel {
  const entities = new Map<string, EntityDerived>();
  for (const entity of model.entities.values()) {
    const compiled = entityFormulas(model.document, entity.name);
    const formulas = compiled.formulas.map((f) => ({ compiled: f, field: scalar(entity, f.name) }));
    const formulaReads = new Set(compiled.formulas.flatMap((f) => [...f.reads, ...f.expands]));
    const formulaRelations = [...compiled.related.keys()].map((r) => entity.fields.get(r) as ManyToOneFieldModel);
    const rollups = Object.entries(entity.def.fields)
      .filter(([, def]) => def.type === 'rollup')
      .map(([name, def]) => rollupOf(model, entity, name, def));
    entities.set(entity.name, { entity, formulas, formulaReads, formulaRelations, rollups, feeds: [], dependents: [], cascades: [], linkInverses: [], active: false, activeOnDelete: false });
  }
  for (const derived of entities.values()) {
    for (const rollup of derived.rollups) entities.get(rollup.child.name)!.feeds.push(rollup);
    for (const relation of derived.formulaRelations) {
      const fields = entityFormulas(model.document, derived.entity.name).related.get(relation.name)!.fields;
      entities.get(relation.target)!.dependents.push({ entity: derived.entity, relation, fields: new Set(fields) });
    }
  }
  for (const derived of entities.values()) {
    for (const field of derived.entity.ownFields) {
      if (field.kind !== 'manyToMany') continue;
      const inverse = findInverseName(model.document, derived.entity.name, field.name);
      const target = entities.get(field.target)!;
      // Roll-ups of this entity over this very relation are recomputed by the write itself (its rows are their parents).
      const sameLink = (r: RollupModel) => r.parent === derived.entity && r.link.kind === 'junction' && r.link.parentField === field.name;
      const read = inverse !== undefined && (target.formulaReads.has(inverse) || target.feeds.some((r) => !sameLink(r) && r.childFields.has(inverse)));
      if (read) derived.linkInverses.push({ field: field.name, target: target.entity, inverse: inverse! });
    }
  }
  for (const derived of entities.values()) {
    derived.active = derived.linkInverses.length > 0 || derived.formulas.length > 0 || derived.rollups.length > 0 || derived.feeds.length > 0 || derived.dependents.length > 0;
    for (const field of derived.entity.ownFields) {
      if (field.kind !== 'manyToOne') continue;
      const onDelete = field.def?.onDelete ?? 'setNull';
      if (onDelete !== 'restrict') entities.get(field.target)!.cascades.push({ entity: derived.entity, relation: field, onDelete });
    }
  }
  // A delete concerns derived fields when the entity or any entity its deletes cascade to (or unlink) does.
  const reaches = (name: string, seen: Set<string>): boolean => {
    if (seen.has(name)) return false;
    seen.add(name);
    const derived = entities.get(name)!;
    return derived.active || derived.cascades.some((c) => reaches(c.entity.name, seen));
  };
  for (const derived of entities.values()) derived.activeOnDelete = reaches(derived.entity.name, new Set());
  return { entities };
}

/** Whether writes (or deletes) of `entity` must maintain derived fields (else they keep the one-statement path). */
export function hasDerivedWork(model: DataModel, entity: string, write: 'write' | 'delete' = 'write'): boolean {
  const derived = derivedModelOf(model).entities.get(entity);
  return (write === 'delete' ? derived?.activeOnDelete : derived?.active) ?? false;
}
