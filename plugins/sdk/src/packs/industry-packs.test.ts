/**
 * The three first-party industry packs (plugins/pack-b2b-sales, pack-service, pack-field-service) are plain pack
 * folders: each must validate (with its dependencies merged first), and its seed data must load — every relation
 * value resolves to a seed record of the pack or of a dependency, natural keys are unique (idempotent seeding),
 * required fields and select values are right — and its translations must point at labels that exist.
 */
import { fileURLToPath } from 'node:url';
import { labelAt, validateDocument, type FieldDefinition, type MetadataDocument } from '@trellis/metadata';
import { isSeedLookup, type SeedData, type SeedRecord } from '../seed.js';
import type { LoadedPack } from './loaded-pack.js';
import { readPackFolder } from './read-pack-folder.js';
import { seedNaturalKey } from './seed-natural-key.js';
import { validatePackFolder } from './validate-pack-folder.js';

const PLUGINS = fileURLToPath(new URL('../../../', import.meta.url));
const dirOf = (folder: string) => `${PLUGINS}${folder}`;

const PACKS = [
  { folder: 'pack-b2b-sales', name: 'b2b-sales', deps: [] as string[] },
  { folder: 'pack-service', name: 'service', deps: ['pack-b2b-sales'] },
  { folder: 'pack-field-service', name: 'field-service', deps: [] as string[] },
];

const COMPUTED = new Set(['formula', 'rollup', 'autoNumber']);
const isComputed = (field: FieldDefinition) => COMPUTED.has(field.type) || (field.type === 'relation' && field.cardinality === 'oneToMany');

function merge(documents: MetadataDocument[]): MetadataDocument {
  return {
    entities: Object.assign({}, ...documents.map((d) => d.entities)),
    roles: Object.assign({}, ...documents.map((d) => d.roles ?? {})),
    workflows: Object.assign({}, ...documents.map((d) => d.workflows ?? {})),
  };
}

/** Every problem of the seed records against the (merged) document: unknown fields, missing required values, bad options, unresolved lookups. */
function seedProblems(document: MetadataDocument, seed: SeedData, earlier: SeedData): string[] {
  const problems: string[] = [];
  const loaded: SeedData = [...earlier];
  const matches = (entity: string, key: Record<string, unknown>) =>
    loaded.some((group) => group.entity === entity && group.records.some((r) => Object.entries(key).every(([f, value]) => r[f] === value)));
  for (const group of seed) {
    const entity = document.entities[group.entity];
    if (!entity) {
      problems.push(`${group.entity}: no such entity`);
      continue;
    }
    const current: SeedRecord[] = [];
    loaded.push({ entity: group.entity, records: current });
    const keys = new Set<string>();
    group.records.forEach((record, i) => {
      const where = `${group.entity}[${i}]`;
      for (const [name, field] of Object.entries(entity.fields)) {
        if (field.required && field.defaultValue === undefined && !isComputed(field) && (record[name] === undefined || record[name] === '')) {
          problems.push(`${where}: required field ${name} has no value`);
        }
      }
      for (const [name, value] of Object.entries(record)) {
        const field = entity.fields[name];
        if (!field) {
          problems.push(`${where}: ${name} is not a field`);
          continue;
        }
        if (field.type === 'select' && !field.options?.some((o) => o.value === value)) problems.push(`${where}: ${name} = ${String(value)} is not an option`);
        if (field.type === 'multiSelect') {
          for (const item of value as unknown[]) if (!field.options?.some((o) => o.value === item)) problems.push(`${where}: ${name} has ${String(item)}, not an option`);
        }
        const lookups = Array.isArray(value) ? value.filter(isSeedLookup) : isSeedLookup(value) ? [value] : [];
        for (const lookup of lookups) {
          if (!matches(field.target!, lookup.$lookup)) problems.push(`${where}: ${name} → ${field.target} ${JSON.stringify(lookup.$lookup)} is not seeded before`);
        }
      }
      const key = seedNaturalKey(document, group.entity, record);
      if (key === null) problems.push(`${where}: no natural key (seeding it twice would duplicate it)`);
      else if (keys.has(JSON.stringify(key))) problems.push(`${where}: natural key ${JSON.stringify(key)} is used twice`);
      else keys.add(JSON.stringify(key));
      current.push(record);
    });
  }
  return problems;
}

describe('industry packs', () => {
  const loaded = new Map<string, LoadedPack>();
  const load = async (folder: string) => {
    if (!loaded.has(folder)) loaded.set(folder, await readPackFolder(dirOf(folder)));
    return loaded.get(folder)!;
  };

  describe.each(PACKS)('$name', ({ folder, name, deps }) => {
    it('validates (schema, files, and the document with its dependencies merged first)', async () => {
      expect(await validatePackFolder(dirOf(folder), { packDirs: [PLUGINS] })).toEqual([]);
    });

    it('is a 1.0.0 pack with entities, layouts, rules, derived fields, roles and at least two workflows', async () => {
      const pack = await load(folder);
      expect(pack.manifest).toMatchObject({ name, version: '1.0.0' });
      const entities = Object.values(pack.document.entities);
      expect(entities.length).toBeGreaterThanOrEqual(3);
      for (const entity of entities) {
        expect(entity.layouts?.form?.sections.length).toBeGreaterThan(0);
        expect(entity.layouts?.list?.columns.length).toBeGreaterThan(0);
      }
      expect(entities.some((e) => Object.keys(e.rules ?? {}).length > 0)).toBe(true);
      const types = entities.flatMap((e) => Object.values(e.fields).map((f) => f.type));
      expect(types).toEqual(expect.arrayContaining(['formula', 'rollup', 'relation']));
      expect(Object.keys(pack.document.roles ?? {}).length).toBeGreaterThanOrEqual(2);
      expect(Object.keys(pack.document.workflows ?? {}).length).toBeGreaterThanOrEqual(2);
    });

    it('has seed data that loads: relations resolve by natural key, required values and options are right', async () => {
      const pack = await load(folder);
      const depPacks = await Promise.all(deps.map(load));
      const document = merge([...depPacks.map((p) => p.document), pack.document]);
      expect(pack.seed.reduce((n, group) => n + group.records.length, 0)).toBeGreaterThanOrEqual(15);
      expect(seedProblems(document, pack.seed, depPacks.flatMap((p) => p.seed))).toEqual([]);
    });

    it('translates labels that exist (German)', async () => {
      const pack = await load(folder);
      const de = pack.translations.de ?? {};
      expect(Object.keys(de).length).toBeGreaterThan(5);
      for (const pointer of Object.keys(de)) expect([pointer, typeof labelAt(pack.document, pointer)]).toEqual([pointer, 'string']);
      // They install as the document's translations, which validate like a workspace's.
      expect(pack.document.translations).toEqual(pack.translations);
      expect(validateDocument(pack.document).filter((p) => p.path.startsWith('/translations'))).toEqual([]);
    });
  });

  it('b2b-sales converts a lead into an account, a contact and an opportunity with a manual workflow', async () => {
    const { document } = await load('pack-b2b-sales');
    const convert = document.workflows!.convertLead!;
    expect(convert.trigger).toMatchObject({ type: 'manual', entity: 'lead' });
    const created = convert.steps.flatMap((s) => (s.type === 'createRecord' ? [s.entity] : []));
    expect(created).toEqual(['account', 'contact', 'opportunity']);
    expect(convert.steps.some((s) => s.type === 'updateRecord' && (s.values as Record<string, unknown>).status === 'converted')).toBe(true);
    expect(document.entities.opportunity!.fields.weightedAmount!.type).toBe('formula');
    expect(document.entities.quote!.fields.subtotal).toMatchObject({ type: 'rollup', relation: 'lines', aggregate: 'sum', aggregateField: 'lineTotal' });
  });

  it('service translates its case labels and select options (by option value) into German', async () => {
    const { document } = await load('pack-service');
    expect(document.translations?.de).toMatchObject({
      '/entities/serviceCase/label': 'Fall',
      '/entities/serviceCase/fields/priority/label': 'Priorität',
      '/entities/serviceCase/fields/priority/options/urgent/label': 'Dringend',
    });
  });

  it('service escalates cases before their SLA due time (a date-relative workflow on a formula)', async () => {
    const { document } = await load('pack-service');
    expect(document.entities.serviceCase!.fields.slaDueAt).toMatchObject({ type: 'formula', resultType: 'dateTime' });
    expect(document.workflows!.escalateBeforeSlaBreach!.trigger).toMatchObject({ type: 'dateRelative', entity: 'serviceCase', field: 'slaDueAt', direction: 'before' });
  });

  it('field-service checks overdue work orders on a schedule and assigns round-robin by role', async () => {
    const { document } = await load('pack-field-service');
    expect(document.workflows!.dailyOverdueCheck!.trigger).toMatchObject({ type: 'scheduled', cron: '0 7 * * 1-5' });
    expect(document.workflows!.assignTechnician!.steps[0]).toMatchObject({ type: 'assign', strategy: 'roundRobin', role: 'fieldTechnician' });
  });
});
