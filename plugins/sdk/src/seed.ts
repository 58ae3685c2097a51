/**
 * Seed data a pack inserts on install. Records are plain field values as the GraphQL create input takes them,
 * except that a relation value may name its target by a natural key instead of an id:
 * `{ "company": { "$lookup": { "name": "Acme Corp" } } }` (the server resolves lookups at install time,
 * against records seeded earlier in the list or already present).
 */
export type SeedData = SeedEntityRecords[];

export interface SeedEntityRecords {
  /** Entity name in the metadata document, e.g. `company`. */
  entity: string;
  records: SeedRecord[];
}

export type SeedRecord = Record<string, unknown>;

/** A reference to one record of the relation's target entity, by field values that identify it. */
export interface SeedLookup {
  $lookup: Record<string, unknown>;
}

/** Whether a seed value is a `{ $lookup: { … } }` reference (manyToMany values are arrays of these or of ids). */
export function isSeedLookup(value: unknown): value is SeedLookup {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  const lookup = (value as { $lookup?: unknown }).$lookup;
  return keys.length === 1 && keys[0] === '$lookup' && typeof lookup === 'object' && lookup !== null && !Array.isArray(lookup);
}
