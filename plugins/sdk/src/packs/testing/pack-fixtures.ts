/** Test helpers: a document using every seedable kind of field, and throwaway pack folders in the OS temp dir. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { salesDocument, type MetadataDocument } from '@trellis/metadata';

/** salesDocument plus an opportunity field of each remaining seedable type. */
export function seedDocument(): MetadataDocument {
  const doc = salesDocument();
  Object.assign(doc.entities.opportunity!.fields, {
    channels: { type: 'multiSelect', label: 'Channels', options: [{ value: 'web', label: 'Web' }, { value: 'a|b', label: 'A or B' }, { value: 'phone', label: 'Phone' }] },
    strategic: { type: 'boolean', label: 'Strategic' },
    nextCallAt: { type: 'dateTime', label: 'Next call' },
    effort: { type: 'duration', label: 'Effort' },
    extra: { type: 'json', label: 'Extra' },
    weight: { type: 'decimal', label: 'Weight' },
    fit: { type: 'rating', label: 'Fit' },
  });
  return doc;
}

/** A new folder holding `files` (objects are written as JSON); returns its path. */
export async function makeFolder(files: Record<string, string | object>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'trellis-pack-'));
  for (const [file, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), typeof content === 'string' ? content : JSON.stringify(content, null, 2) + '\n');
  }
  return dir;
}

/** The files of a small valid pack: manifest, one metadata file per section, a CSV and a JSON seed, a translation. */
export function validPackFiles(overrides: Record<string, string | object> = {}): Record<string, string | object> {
  const doc = salesDocument();
  return {
    'trellis-pack.json': { $schema: '../schema/trellis-pack.json', name: 'sales', version: '1.2.0', label: 'Sales', trellis: '>=0.1.0' },
    'metadata/companies.json': { $schema: 'x', entities: { company: doc.entities.company, contact: doc.entities.contact } },
    'metadata/deals.json': { entities: { opportunity: doc.entities.opportunity, tag: doc.entities.tag } },
    'seed/1-company.csv': 'name,employees\nAcme,12\n"Smith, Jones & Co",3\n',
    'seed/2-contact.json': [{ lastName: 'Ng', company: { $lookup: { name: 'Acme' } } }],
    'translations/de.json': { '/entities/company/label': 'Firma', '/entities/company/fields/name/label': 'Name' },
    ...overrides,
  };
}
