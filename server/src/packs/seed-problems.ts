/**
 * Whether the packs' seed records will load into the document an install or upgrade publishes — checked in the
 * preview, so a seed that cannot load (the customer kept their own version of an entity, without a field the
 * seed sets; a required field the pack does not fill) is reported before anything is written, with the pack,
 * the entity, the row and the field. `$lookup`s are checked for the fields they match on; the records they find
 * are only known at install time.
 */
import type { MetadataDocument, MetadataProblem } from '@trellis/metadata';
import { isSeedLookup, type LoadedPack, type SeedRecord } from '@trellis/plugin-sdk';
import { compileRecordValidator } from '@trellis/runtime';

/** Any valid id: a `$lookup` stands for one. */
const SOME_ID = '00000000-0000-4000-8000-000000000000';

/** `stored(entity, record)`: whether the record is in the workspace already (seeding skips it, so it cannot fail). */
export async function seedProblems(
  document: MetadataDocument,
  packs: Pick<LoadedPack, 'manifest' | 'seed'>[],
  stored: (entity: string, record: SeedRecord) => Promise<boolean> = async () => false,
): Promise<MetadataProblem[]> {
  const problems: MetadataProblem[] = [];
  for (const pack of packs) {
    const name = pack.manifest.name;
    for (const group of pack.seed) {
      const at = `/seed/${name}/${group.entity}`;
      const entity = document.entities[group.entity];
      if (!entity) {
        problems.push({ path: at, code: 'SEED_ENTITY', message: `The ${name} pack seeds ${group.entity} records, but the workspace would have no entity ${group.entity}: take the pack's entity, or remove its seed.` });
        continue;
      }
      const validate = compileRecordValidator(document, group.entity);
      for (const [row, record] of group.records.entries()) {
        const where = `The ${name} pack's seed ${entity.label} ${row + 1}`;
        const found = [
          ...lookupProblems(document, group.entity, record).map((p) => ({ ...p, code: 'SEED_LOOKUP', message: `${where}: ${p.message}` })),
          ...validate(withLookupsAsIds(record), { mode: 'create' }).map((e) => ({ field: e.field, code: 'SEED_VALUE', message: `${where}: ${e.message}.` })),
        ];
        if (found.length === 0 || (await stored(group.entity, record))) continue;
        for (const problem of found) problems.push({ path: `${at}/${row}/${problem.field}`, code: problem.code, message: problem.message });
      }
    }
  }
  return problems;
}

function withLookupsAsIds(record: SeedRecord): SeedRecord {
  const values: SeedRecord = {};
  for (const [field, value] of Object.entries(record)) {
    values[field] = isSeedLookup(value) ? SOME_ID : Array.isArray(value) ? value.map((v) => (isSeedLookup(v) ? SOME_ID : v)) : value;
  }
  return values;
}

/** `$lookup`s matching on fields their target does not have. */
function lookupProblems(document: MetadataDocument, entityName: string, record: SeedRecord): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  for (const [field, value] of Object.entries(record)) {
    const target = document.entities[entityName]?.fields[field]?.target;
    const targetEntity = target ? document.entities[target] : undefined;
    if (!targetEntity) continue;
    for (const lookup of (Array.isArray(value) ? value : [value]).filter(isSeedLookup)) {
      const unknown = Object.keys(lookup.$lookup).filter((key) => !Object.hasOwn(targetEntity.fields, key));
      if (unknown.length > 0) problems.push({ field, message: `its ${field} is looked up by ${unknown.map((k) => `"${k}"`).join(', ')}, but ${targetEntity.label} has no such field` });
    }
  }
  return problems;
}

/** The plan with the seed problems added: a plan whose seed cannot load is not valid. */
export function withSeedProblems<P extends { valid: boolean; problems: MetadataProblem[] }>(plan: P, problems: MetadataProblem[]): P {
  return problems.length === 0 ? plan : { ...plan, valid: false, problems: [...plan.problems, ...problems] };
}
