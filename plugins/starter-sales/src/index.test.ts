import { validateDocument } from '@trellis/metadata';
import { isSeedLookup, readPackFolder, validatePackFolder } from '@trellis/plugin-sdk';
import { compileRecordValidator, explainAccess, resolveAccess, toFormSchema, toListColumns } from '@trellis/runtime';
import pack, { manifest, metadata, packDir, seed } from './index.js';

const PLACEHOLDER_ID = '3f2b8c1e-9a4d-4f6b-8e2a-5c7d9e0f1a2b';

/** The record as the server would write it: each `$lookup` replaced by the id it resolves to. */
function withLookupsResolved(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([field, value]) => [field, isSeedLookup(value) ? PLACEHOLDER_ID : value]));
}

describe('starter-sales pack', () => {
  it('is a plugin named starter-sales at version 0.1.0', () => {
    expect(pack.name).toBe('starter-sales');
    expect(pack.version).toBe('0.1.0');
    expect(pack.packs).toEqual([packDir]);
  });

  it('has metadata that passes document validation with no problems', () => {
    expect(validateDocument(metadata)).toEqual([]);
  });

  it('is the pack folder pack/: the module exports exactly what the folder holds, and the folder validates', async () => {
    const folder = await readPackFolder(packDir);
    expect(folder.manifest).toEqual({ name: 'starter-sales', version: '0.1.0', label: 'Starter sales', description: pack.description, trellis: '>=0.1.0' });
    expect(manifest).toEqual(folder.manifest);
    expect(JSON.stringify(metadata)).toBe(JSON.stringify(folder.document));
    expect(seed).toEqual(folder.seed);
    expect(await validatePackFolder(packDir)).toEqual([]);
  });

  it('reads relations by company name and money with its currency from the seed CSVs', () => {
    const people = seed.find((g) => g.entity === 'person')!.records;
    expect(people[0]).toMatchObject({ firstName: 'Amara', company: { $lookup: { name: 'Bluefin Robotics' } } });
    expect(people.find((p) => p.lastName === 'Doyle')).not.toHaveProperty('company');
    const companies = seed.find((g) => g.entity === 'company')!.records;
    expect(companies[0]).toMatchObject({ employees: 420, annualRevenue: { amount: 86_000_000, currency: 'USD' } });
  });

  it('has companies, people and opportunities with realistic amounts of sample data', () => {
    const counts = Object.fromEntries(seed.map((group) => [group.entity, group.records.length]));
    expect(counts).toEqual({ company: 6, person: 8, opportunity: 8 });
  });

  it.each(seed.flatMap((group) => group.records.map((record, i) => [group.entity, i, record] as const)))(
    'seed %s #%i passes record validation once lookups are resolved',
    (entity, _i, record) => {
      const validate = compileRecordValidator(metadata, entity);
      expect(validate(withLookupsResolved(record), { mode: 'create' })).toEqual([]);
    },
  );

  it('seeds entities before the records that look them up, and every lookup finds exactly one record', () => {
    const seen = new Map<string, Array<Record<string, unknown>>>();
    for (const group of seed) {
      const entity = metadata.entities[group.entity]!;
      for (const record of group.records) {
        for (const [field, value] of Object.entries(record)) {
          if (!isSeedLookup(value)) continue;
          const definition = entity.fields[field]!;
          expect(definition).toMatchObject({ type: 'relation', cardinality: 'manyToOne' });
          const candidates = seen.get(definition.target!) ?? [];
          const matches = candidates.filter((c) => Object.entries(value.$lookup).every(([k, v]) => c[k] === v));
          expect(matches).toHaveLength(1);
        }
      }
      seen.set(group.entity, [...(seen.get(group.entity) ?? []), ...group.records]);
    }
  });

  it('uses only option values that exist on select fields', () => {
    const stages = new Set(seed.find((g) => g.entity === 'opportunity')!.records.map((r) => r.stage));
    expect([...stages].sort()).toEqual(['lost', 'negotiation', 'new', 'proposal', 'qualified', 'won']);
  });

  it('lays out every entity as a two-column form and a sorted list', () => {
    for (const entity of Object.keys(metadata.entities)) {
      const { uiSchema } = toFormSchema(metadata, entity);
      const sections = uiSchema['ui:sections'] as Array<{ label: string; columns: number }>;
      expect(sections[0]!.columns).toBe(2);
      expect(sections.map((s) => s.label)).not.toContain('Other fields');
      expect(toListColumns(metadata, entity).sort.length).toBeGreaterThan(0);
    }
  });

  it('ships a sales rep role that works its own deals and reads every company and person', () => {
    const access = resolveAccess(metadata, { roles: ['salesRep'] });
    const own = { '==': [{ var: 'record.owner' }, { var: 'user.id' }] };
    expect(access.entities.opportunity).toMatchObject({ read: [{ scope: own }], update: [{ scope: own }], delete: [{ scope: own }], create: true, transfer: false });
    expect(access.entities.opportunity!.fields.amount).toBe('editable');
    expect(access.entities.company).toMatchObject({ read: [{ scope: true }], update: [], create: false });
    expect(access.entities.person).toMatchObject({ read: [{ scope: true }], update: [], create: false });
    expect(access).toMatchObject({ manageMetadata: false, manageUsers: false });
    expect(explainAccess(metadata, { roles: ['salesRep'] }, 'opportunity')[0]!.text).toBe('via role Sales rep: read where Owner is me');
  });

  it('ships a sales manager role that edits every sales record and deletes those of its teams', () => {
    const access = resolveAccess(metadata, { roles: ['salesManager'] });
    const team = { in: [{ var: 'record.team' }, { var: 'user.teams' }] };
    for (const entity of ['company', 'person', 'opportunity']) {
      expect(access.entities[entity]).toMatchObject({ read: [{ scope: true }], update: [{ scope: true }], delete: [{ scope: team }] });
    }
    expect(access).toMatchObject({ manageMetadata: false, manageUsers: false });
  });

  it('ships an active reminder workflow: a task for the owner a week before an open deal closes', () => {
    expect(metadata.workflows?.['closingSoon']).toMatchObject({
      trigger: { type: 'dateRelative', entity: 'opportunity', field: 'closeDate', offset: { amount: 7, unit: 'days' }, direction: 'before' },
      steps: [{ type: 'createTask', dueAt: { var: 'record.closeDate' } }],
    });
    expect(metadata.workflows?.['closingSoon']?.active).not.toBe(false);
  });
});
