import { PackFolderError, type PackProblem } from './pack-problem.js';
import { readPackFolder } from './read-pack-folder.js';
import { makeFolder, validPackFiles } from './testing/pack-fixtures.js';

async function problemsOf(files: Record<string, string | object>): Promise<PackProblem[]> {
  const dir = await makeFolder(files);
  try {
    await readPackFolder(dir);
  } catch (error) {
    if (error instanceof PackFolderError) return error.problems;
    throw error;
  }
  throw new Error('expected a PackFolderError');
}

describe('readPackFolder', () => {
  it('reads the manifest, merges the metadata files, and reads seed and translations in file order', async () => {
    const dir = await makeFolder(validPackFiles({ 'seed/10-tag.csv': 'name\nurgent\n', 'README.md': '# not read' }));
    const pack = await readPackFolder(dir);
    expect(pack.dir).toBe(dir);
    expect(pack.manifest).toEqual({ name: 'sales', version: '1.2.0', label: 'Sales', trellis: '>=0.1.0' });
    expect(Object.keys(pack.document.entities)).toEqual(['company', 'contact', 'opportunity', 'tag']);
    expect(pack.document).not.toHaveProperty('$schema');
    expect(pack.seed).toEqual([
      { entity: 'company', records: [{ name: 'Acme', employees: 12 }, { name: 'Smith, Jones & Co', employees: 3 }] },
      { entity: 'contact', records: [{ lastName: 'Ng', company: { $lookup: { name: 'Acme' } } }] },
      { entity: 'tag', records: [{ name: 'urgent' }] },
    ]);
    expect(pack.translations).toEqual({ de: { '/entities/company/label': 'Firma', '/entities/company/fields/name/label': 'Name' } });
    // The document carries them too, so installs and upgrades merge them like its other parts.
    expect(pack.document.translations).toEqual(pack.translations);
  });

  it('throws one error listing every problem, each with its file and place', async () => {
    const dir = await makeFolder(validPackFiles({ 'trellis-pack.json': { name: 'Sales', version: '1' }, 'seed/1-company.csv': 'name,colour\nA,red\n' }));
    await expect(readPackFolder(dir)).rejects.toThrow(
      /^Invalid pack folder .*:\n- trellis-pack.json \(\/name\): name must be 1-60 lowercase[^\n]*\n- trellis-pack.json \(\/version\): version must be a semantic version like "1.2.3"\n- seed\/1-company.csv:1:2: "colour" is not a field of company/,
    );
  });

  it('needs a manifest', async () => {
    const files = validPackFiles();
    delete files['trellis-pack.json'];
    expect(await problemsOf(files)).toEqual([{ file: 'trellis-pack.json', message: expect.stringContaining('is missing; a pack folder needs trellis-pack.json') }]);
  });

  it('gives the line and column of a JSON syntax error', async () => {
    expect(await problemsOf(validPackFiles({ 'trellis-pack.json': '{\n  "name": "sales",\n  "version": "1.0.0"\n  "label": "x"\n}\n' }))).toEqual([
      { file: 'trellis-pack.json', line: 4, column: 3, message: expect.stringContaining('is not valid JSON') },
    ]);
  });

  it('checks semver ranges and self-dependencies in the manifest', async () => {
    const problems = await problemsOf(validPackFiles({ 'trellis-pack.json': { name: 'sales', version: '1.0.0', trellis: 'soon', dependencies: { base: 'one', sales: '^1.0.0' } } }));
    expect(problems).toEqual([
      { file: 'trellis-pack.json', path: '/trellis', message: '"soon" is not a semver range; write e.g. ">=0.1.0"' },
      { file: 'trellis-pack.json', path: '/dependencies/base', message: '"one" is not a semver range; write e.g. "^1.0.0"' },
      { file: 'trellis-pack.json', path: '/dependencies/sales', message: 'a pack cannot depend on itself; remove this dependency' },
    ]);
  });

  it('refuses a component defined in two metadata files, unknown sections and non-object files', async () => {
    const files = validPackFiles({
      'metadata/more.json': { entities: { tag: { label: 'Tag', pluralLabel: 'Tags', plural: 'tags', fields: {} } }, views: {} },
      'metadata/z-list.json': [],
      'metadata/zz-roles.json': { roles: [] },
    });
    expect(await problemsOf(files)).toEqual([
      { file: 'metadata/more.json', path: '/entities/tag', message: 'entities "tag" is already defined in metadata/deals.json; define it in one file only' },
      { file: 'metadata/more.json', path: '/views', message: '"views" is not a metadata section; use entities, roles or workflows' },
      { file: 'metadata/z-list.json', message: expect.stringContaining('must be a JSON object like { "entities"') },
      { file: 'metadata/zz-roles.json', path: '/roles', message: 'roles must be an object of components by name' },
    ]);
  });

  it('needs metadata files', async () => {
    const files = validPackFiles();
    for (const f of Object.keys(files)) if (f.startsWith('metadata/') || f.startsWith('seed/') || f.startsWith('translations/')) delete files[f];
    expect(await problemsOf(files)).toEqual([{ file: 'metadata', message: expect.stringContaining('has no .json files') }]);
  });

  it('checks seed file names and JSON seed records', async () => {
    const problems = await problemsOf(
      validPackFiles({
        'seed/company.csv': 'name\nA\n',
        'seed/2-contact.json': [{ lastName: 'Ng', colour: 'red', company: { $lookup: { name: 'A' }, x: 1 } }, 'Ng'],
        'seed/3-deal.json': [],
        'seed/4-tag.json': { name: 'x' },
      }),
    );
    expect(problems).toEqual([
      { file: 'seed/2-contact.json', path: '/0/colour', message: expect.stringContaining('"colour" is not a field of contact; use its field names: firstName') },
      { file: 'seed/2-contact.json', path: '/0/company', message: expect.stringContaining('a $lookup must be the only key') },
      { file: 'seed/2-contact.json', path: '/1', message: 'must be an object of field values' },
      { file: 'seed/3-deal.json', message: expect.stringContaining('entity "deal" is not in the pack\'s metadata') },
      { file: 'seed/4-tag.json', message: expect.stringContaining('must be a JSON array of records') },
      { file: 'seed/company.csv', message: expect.stringContaining('seed files are named <NN>-<entity>.csv or .json') },
    ]);
  });

  it('accepts translations of labels only, at pointers that exist', async () => {
    const problems = await problemsOf(
      validPackFiles({
        'translations/de.json': {
          '/entities/company/label': 'Firma',
          '/entities/company/fields/industry/options/0/label': 'Software',
          '/entities/company/plural': 'firmen',
          '/entities/deal/label': 'Geschäft',
          'entities/company/label': 'x',
          '/entities/company/description': '',
        },
        'translations/German.json': {},
        'translations/fr.json': [],
      }),
    );
    expect(problems).toEqual([
      { file: 'translations/de.json', path: '/entities/company/plural', message: expect.stringContaining('does not point at a label; translate label, pluralLabel or description') },
      { file: 'translations/de.json', path: '/entities/deal/label', message: expect.stringContaining('is not a label of this metadata') },
      { file: 'translations/de.json', path: 'entities/company/label', message: expect.stringContaining('is not a JSON pointer') },
      { file: 'translations/de.json', path: '/entities/company/description', message: 'the translation must be a non-empty string' },
      { file: 'translations/fr.json', message: expect.stringContaining('must be an object of { "<JSON pointer of a label>": "text" }') },
      { file: 'translations/German.json', message: expect.stringContaining('"German" is not a locale') },
    ]);
  });
});
