import { salesDocument } from '@trellis/metadata';
import { readPackFolder } from './read-pack-folder.js';
import { makeFolder, validPackFiles } from './testing/pack-fixtures.js';
import { validatePackFolder } from './validate-pack-folder.js';

const doc = salesDocument();

/** A `service` pack that depends on the `sales` pack (validPackFiles) and relates to its company entity. */
const serviceFiles = (manifest: object = {}) => ({
  'trellis-pack.json': { name: 'service', version: '1.0.0', dependencies: { sales: '^1.0.0' }, ...manifest },
  'metadata/ticket.json': {
    entities: {
      ticket: {
        label: 'Ticket', pluralLabel: 'Tickets', plural: 'tickets',
        fields: {
          subject: { type: 'text', label: 'Subject', required: true },
          company: { type: 'relation', label: 'Company', target: 'company', cardinality: 'manyToOne' },
        },
      },
    },
  },
  'seed/1-ticket.csv': 'subject,company.name\nBroken,Acme\n',
});

describe('validatePackFolder', () => {
  it('finds no problems in a valid pack', async () => {
    expect(await validatePackFolder(await makeFolder(validPackFiles()))).toEqual([]);
  });

  it('returns reading problems instead of throwing', async () => {
    expect(await validatePackFolder(await makeFolder({}))).toEqual([
      expect.objectContaining({ file: 'trellis-pack.json' }),
      expect.objectContaining({ file: 'metadata' }),
    ]);
  });

  it('reports document problems against the metadata file defining the component, with the line', async () => {
    const company = { ...doc.entities.company!, displayField: 'nope' };
    const dir = await makeFolder(validPackFiles({ 'metadata/companies.json': JSON.stringify({ entities: { company, contact: doc.entities.contact } }, null, 2) }));
    const problems = await validatePackFolder(dir);
    expect(problems).toEqual([
      {
        file: 'metadata/companies.json',
        path: '/entities/company/displayField',
        line: 7,
        message: expect.stringContaining('displayField "nope" of entity company is not one of its fields'),
      },
    ]);
  });

  it('validates a pack with its dependencies merged first, found in packDirs or given', async () => {
    const sales = await makeFolder(validPackFiles());
    const service = await makeFolder(serviceFiles());
    const alone = await validatePackFolder(service);
    expect(alone.map((p) => p.path)).toContain('/entities/ticket/fields/company/target');
    expect(alone.find((p) => p.path === '/entities/ticket/fields/company/target')).toMatchObject({ file: 'metadata/ticket.json', line: 16 });
    expect(await validatePackFolder(service, { packDirs: [sales] })).toEqual([]);
    expect(await validatePackFolder(service, { dependencies: [await readPackFolder(sales)] })).toEqual([]);
    expect(await validatePackFolder(service, { dependencies: [salesDocument()] })).toEqual([]);
  });

  it("labels a dependency's own problems as such", async () => {
    const broken = salesDocument();
    broken.entities.company!.displayField = 'nope';
    const problems = await validatePackFolder(await makeFolder(serviceFiles()), { dependencies: [broken] });
    expect(problems).toEqual([expect.objectContaining({ file: 'metadata (of a dependency)', path: '/entities/company/displayField' })]);
  });

  it('reports dependencies it cannot resolve, and components that redefine a dependency', async () => {
    const sales = await makeFolder(validPackFiles());
    const service = await makeFolder(serviceFiles({ dependencies: { sales: '^2.0.0' } }));
    expect(await validatePackFolder(service, { packDirs: [sales] })).toEqual([
      { file: 'trellis-pack.json', path: '/dependencies', message: 'Pack "sales" (needed by service) is needed at ^2.0.0, but only 1.2.0 is available; add a matching version' },
    ]);
    const redefining = await makeFolder({ ...serviceFiles(), 'metadata/tag.json': { entities: { tag: doc.entities.tag } } });
    expect(await validatePackFolder(redefining, { packDirs: [sales] })).toEqual([
      { file: 'metadata/tag.json', path: '/entities/tag', message: expect.stringContaining('entities "tag" is already defined by a dependency; rename it') },
    ]);
  });
});
