/**
 * A pack's seed/ folder: `<NN>-<entity>.csv` or `<NN>-<entity>.json` (NN orders loading: targets before the records
 * that look them up). JSON files are arrays of records (`{ "$lookup": { … } }` relation values, as in SeedData).
 */
import { join } from 'node:path';
import type { MetadataDocument } from '@trellis/metadata';
import { isSeedLookup, type SeedData, type SeedRecord } from '../seed.js';
import { isRecordObject, listFiles, readText } from './fs-utils.js';
import { parseJsonFile, type PackProblem } from './pack-problem.js';
import { parseSeedCsv } from './seed-csv.js';
import { UNSEEDABLE_TYPES } from './seed-values.js';

const SEED_FILE = /^(\d+)-([a-z][a-zA-Z0-9]*)\.(csv|json)$/;

export async function readSeedFolder(packDir: string, document: MetadataDocument): Promise<{ seed: SeedData; problems: PackProblem[] }> {
  const seed: SeedData = [];
  const problems: PackProblem[] = [];
  for (const name of await listFiles(join(packDir, 'seed'), ['.csv', '.json'])) {
    const file = `seed/${name}`;
    const match = SEED_FILE.exec(name);
    if (!match) {
      problems.push({ file, message: 'seed files are named <NN>-<entity>.csv or .json, e.g. 01-company.csv (NN orders loading); rename it' });
      continue;
    }
    const entity = match[2]!;
    const text = await readText(join(packDir, file));
    const read = match[3] === 'csv' ? parseSeedCsv(text, { file, entity, document }) : parseSeedJson(text, { file, entity, document });
    problems.push(...read.problems);
    seed.push({ entity, records: read.records });
  }
  return { seed, problems };
}

/** A JSON seed file: an array of records whose keys are writable fields of the entity. */
export function parseSeedJson(text: string, source: { file: string; entity: string; document: MetadataDocument }): { records: SeedRecord[]; problems: PackProblem[] } {
  const { file, entity, document } = source;
  const definition = document.entities[entity];
  if (!definition) {
    return { records: [], problems: [{ file, message: `entity "${entity}" is not in the pack's metadata; name the file <NN>-<entity>.json after one of: ${Object.keys(document.entities).join(', ')}` }] };
  }
  const { value, problem } = parseJsonFile(text, file);
  if (problem) return { records: [], problems: [problem] };
  if (!Array.isArray(value)) return { records: [], problems: [{ file, message: 'must be a JSON array of records, e.g. [{ "name": "Acme" }]' }] };
  const problems: PackProblem[] = [];
  value.forEach((record, i) => {
    if (!isRecordObject(record)) {
      problems.push({ file, path: `/${i}`, message: 'must be an object of field values' });
      return;
    }
    for (const [field, v] of Object.entries(record)) {
      const def = definition.fields[field];
      const path = `/${i}/${field}`;
      if (!def) problems.push({ file, path, message: `"${field}" is not a field of ${entity}; use its field names: ${Object.keys(definition.fields).join(', ')}` });
      else if (UNSEEDABLE_TYPES.includes(def.type)) problems.push({ file, path, message: `"${field}" is a ${def.type} field, set by the system; remove it` });
      else if (isRecordObject(v) && '$lookup' in v && !isSeedLookup(v)) {
        problems.push({ file, path, message: 'a $lookup must be the only key and name field values, e.g. { "$lookup": { "name": "Acme Corp" } }' });
      }
    }
  });
  return { records: problems.length ? [] : (value as SeedRecord[]), problems };
}
