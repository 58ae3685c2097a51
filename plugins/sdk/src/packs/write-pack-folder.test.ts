import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { salesDocument } from '@trellis/metadata';
import type { SeedData } from '../seed.js';
import { readPackFolder } from './read-pack-folder.js';
import { makeFolder, seedDocument } from './testing/pack-fixtures.js';
import { validatePackFolder } from './validate-pack-folder.js';
import { writePackFolder } from './write-pack-folder.js';

const manifest = { name: 'sales', version: '2.0.0', label: 'Sales', description: 'Deals', trellis: '>=0.1.0', dependencies: { base: '^1.0.0' } };

const seed: SeedData = [
  { entity: 'company', records: [{ name: 'Acme', employees: 12, industry: 'software' }, { name: 'Smith, "Jones"\nand Co' }] },
  { entity: 'tag', records: [{ name: 'big|deal' }, { name: 'urgent' }] },
  {
    entity: 'opportunity',
    records: [
      {
        name: 'Deal', amount: { amount: 1200.5, currency: 'EUR' }, stage: 'won', probability: 12.5, closeDate: '2026-03-31', channels: ['web', 'a|b'],
        strategic: true, nextCallAt: '2026-03-01T09:30:00+02:00', effort: 5400, extra: { nested: ['x', 1, null] }, weight: 0.5, fit: 3,
        company: { $lookup: { name: 'Acme' } }, tags: [{ $lookup: { name: 'big|deal' } }, { $lookup: { name: 'urgent' } }],
      },
      { name: 'Other', amount: { amount: 0 } },
    ],
  },
  { entity: 'contact', records: [{ lastName: 'Ng', company: { $lookup: { website: 'https://acme.example' } } }] },
  { entity: 'contact', records: [{ lastName: 'Null', firstName: null, email: '' }] },
];

describe('writePackFolder', () => {
  it('round-trips: reading the written folder gives the identical manifest, document, seed and translations', async () => {
    const dir = await makeFolder({});
    const translations = { de: { '/entities/company/label': 'Firma' }, 'pt-BR': { '/entities/company/label': 'Empresa' } };
    // A workspace export: the document carries its translations; they go to translations/, never to metadata/.
    const document = { ...seedDocument(), translations };
    const files = await writePackFolder(dir, { manifest, document, seed });
    expect(files).toEqual([
      'trellis-pack.json',
      'metadata/01-company.json',
      'metadata/02-contact.json',
      'metadata/03-opportunity.json',
      'metadata/04-tag.json',
      'seed/01-company.csv',
      'seed/02-tag.csv',
      'seed/03-opportunity.csv',
      'seed/04-contact.csv',
      'seed/05-contact.json',
      'translations/de.json',
      'translations/pt-BR.json',
    ]);
    const back = await readPackFolder(dir);
    expect(back.manifest).toEqual(manifest);
    expect(JSON.stringify(back.document)).toBe(JSON.stringify(document));
    expect(back.seed).toEqual(seed);
    expect(back.translations).toEqual(translations);
  });

  it('keeps the order of many entities, workflows and roles, and points files at the published schemas', async () => {
    const document = salesDocument();
    const names = Array.from({ length: 12 }, (_, i) => `extra${String.fromCharCode(97 + i)}`).reverse();
    for (const name of names) document.entities[name] = { label: name, pluralLabel: name, plural: `${name}s`, fields: { name: { type: 'text', label: 'Name' } } };
    document.roles = { reader: { label: 'Reader', entities: { company: { read: true } } } };
    document.workflows = {};
    const dir = await makeFolder({});
    const files = await writePackFolder(dir, { manifest: { ...manifest, $schema: 'old', dependencies: {} }, document, schemaDir: '../schema' });
    expect(files).toContain('metadata/16-extraa.json');
    expect(files).toContain('metadata/roles.json');
    expect(files).not.toContain('metadata/workflows.json');
    const back = await readPackFolder(dir);
    const { workflows: _empty, ...withoutEmpty } = document;
    expect(JSON.stringify(back.document)).toBe(JSON.stringify(withoutEmpty));
    expect(JSON.parse(await readFile(join(dir, 'trellis-pack.json'), 'utf8')).$schema).toBe('../schema/trellis-pack.json');
    expect(JSON.parse(await readFile(join(dir, 'metadata/roles.json'), 'utf8')).$schema).toBe('../../schema/trellis-pack-metadata.json');
    expect(await validatePackFolder(dir)).toEqual([]);
  });

  it('writes stable, readable files', async () => {
    const dir = await makeFolder({});
    await writePackFolder(dir, { manifest, document: seedDocument(), seed });
    expect(await readFile(join(dir, 'seed/01-company.csv'), 'utf8')).toBe('name,industry,employees\nAcme,software,12\n"Smith, ""Jones""\nand Co",,\n');
    expect(await readFile(join(dir, 'seed/04-contact.csv'), 'utf8')).toBe('lastName,company.website\nNg,https://acme.example\n');
    expect(await readFile(join(dir, 'metadata/04-tag.json'), 'utf8')).toBe(JSON.stringify({ entities: { tag: seedDocument().entities.tag } }, null, 2) + '\n');
  });
});
