/**
 * What every part of the migration plan needs: both documents, the identity of entities and fields across them
 * (from the diff's adds, renames and removes), SQL naming in the workspace schema, and the step buckets.
 */
import type { MetadataDiff, PlanOptions, PlanStep } from './plan-types.js';
import { qualifiedName } from './sql.js';
import type { EntityDefinition, FieldDefinition, MetadataDocument, MetadataProblem } from './types.js';

/** Plan phases, in execution order. */
export const PHASES = ['create', 'moveAsideEarly', 'rename', 'addColumn', 'foreignKey', 'junction', 'index', 'alterType', 'drop', 'moveAside', 'metadata', 'derived'] as const;
export type Phase = (typeof PHASES)[number];

export class PlanContext {
  readonly steps = new Map<Phase, PlanStep[]>(PHASES.map((p) => [p, []]));
  readonly problems: MetadataProblem[] = [];
  /** to-name → from-name of entities present in both documents. */
  private readonly entityFrom = new Map<string, string>();
  /** `toEntity.toField` → from-name of fields present in both documents. */
  private readonly fieldFrom = new Map<string, string>();
  readonly addedEntities = new Set<string>();
  readonly removedEntities: string[] = [];
  /** Removed fields of persisting entities, as [to-entity, from-field]. */
  readonly removedFields: [string, string][] = [];

  constructor(
    readonly from: MetadataDocument,
    readonly to: MetadataDocument,
    readonly diff: MetadataDiff,
    readonly options: PlanOptions,
  ) {
    for (const c of diff.changes) {
      if (c.kind === 'addEntity') this.addedEntities.add(c.entity);
      else if (c.kind === 'removeEntity') this.removedEntities.push(c.entity);
      else if (c.kind === 'renameEntity') this.entityFrom.set(c.entity, c.from);
      else if (c.kind === 'removeField') this.removedFields.push([c.entity, c.field]);
    }
    for (const entity of Object.keys(to.entities)) {
      if (!this.addedEntities.has(entity) && !this.entityFrom.has(entity) && from.entities[entity]) this.entityFrom.set(entity, entity);
    }
    const added = new Set(diff.changes.flatMap((c) => (c.kind === 'addField' ? [`${c.entity}.${c.field}`] : [])));
    const renamed = new Map<string, string>(diff.changes.flatMap((c) => (c.kind === 'renameField' ? [[`${c.entity}.${c.field}`, c.from] as [string, string]] : [])));
    for (const [entity, fromEntity] of this.entityFrom) {
      for (const field of Object.keys(to.entities[entity]!.fields)) {
        const key = `${entity}.${field}`;
        const old = renamed.get(key) ?? (added.has(key) ? undefined : field);
        if (old !== undefined && from.entities[fromEntity]!.fields[old]) this.fieldFrom.set(key, old);
      }
    }
  }

  add(phase: Phase, step: PlanStep): void {
    this.steps.get(phase)!.push(step);
  }

  problem(path: string, code: string, message: string): void {
    this.problems.push({ path, code, message });
  }

  /** `"schema"."name"` in the workspace schema. */
  q(name: string): string {
    return qualifiedName(this.options.schema, name);
  }

  /** Entities of `to` that existed before, as [to-name, from-name], sorted by to-name. */
  persistingEntities(): [string, string][] {
    return [...this.entityFrom].sort(([a], [b]) => (a < b ? -1 : 1));
  }

  fromEntityName(toEntity: string): string | undefined {
    return this.entityFrom.get(toEntity);
  }

  /** Fields of a persisting entity that existed before, as [to-name, from-name, from-def, to-def], sorted. */
  persistingFields(toEntity: string): [string, string, FieldDefinition, FieldDefinition][] {
    const fromEntity = this.entityFrom.get(toEntity);
    if (fromEntity === undefined) return [];
    const toDef = this.to.entities[toEntity]!;
    return Object.keys(toDef.fields)
      .sort()
      .flatMap((field) => {
        const old = this.fieldFrom.get(`${toEntity}.${field}`);
        return old === undefined ? [] : [[field, old, this.from.entities[fromEntity]!.fields[old]!, toDef.fields[field]!] as [string, string, FieldDefinition, FieldDefinition]];
      });
  }

  /** Fields of `to` that are new: every field of a new entity, and added fields of persisting ones. Sorted. */
  newFields(): [string, string, FieldDefinition][] {
    return Object.keys(this.to.entities)
      .sort()
      .flatMap((entity) =>
        Object.keys(this.to.entities[entity]!.fields)
          .sort()
          .filter((field) => this.addedEntities.has(entity) || !this.fieldFrom.has(`${entity}.${field}`))
          .map((field) => [entity, field, this.to.entities[entity]!.fields[field]!] as [string, string, FieldDefinition]),
      );
  }

  fromEntity(toEntity: string): EntityDefinition | undefined {
    const name = this.entityFrom.get(toEntity);
    return name === undefined ? undefined : this.from.entities[name];
  }
}
