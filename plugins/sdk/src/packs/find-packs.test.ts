import { join } from 'node:path';
import { findPacks } from './find-packs.js';
import { PackFolderError } from './pack-problem.js';
import { makeFolder, validPackFiles } from './testing/pack-fixtures.js';

const prefixed = (prefix: string, files: Record<string, string | object>) => Object.fromEntries(Object.entries(files).map(([f, c]) => [`${prefix}/${f}`, c]));

describe('findPacks', () => {
  it('finds a folder that is a pack, and packs in subfolders (or their pack/ folder), skipping missing folders', async () => {
    const single = await makeFolder(validPackFiles());
    const plugins = await makeFolder({
      ...prefixed('a-sales', validPackFiles({ 'trellis-pack.json': { name: 'a-sales', version: '1.0.0' } })),
      ...prefixed('starter/pack', validPackFiles({ 'trellis-pack.json': { name: 'starter', version: '0.1.0' } })),
      'sdk/package.json': '{}',
    });
    const packs = await findPacks([single, plugins, join(plugins, 'missing')]);
    expect(packs.map((p) => [p.manifest.name, p.dir])).toEqual([
      ['sales', single],
      ['a-sales', join(plugins, 'a-sales')],
      ['starter', join(plugins, 'starter', 'pack')],
    ]);
  });

  it('throws for a broken pack, or reports and skips it with onError', async () => {
    const plugins = await makeFolder({
      ...prefixed('good', validPackFiles()),
      ...prefixed('broken', validPackFiles({ 'trellis-pack.json': { name: 'broken' } })),
      ...prefixed('twin', validPackFiles()),
    });
    await expect(findPacks([plugins])).rejects.toThrow(PackFolderError);
    const errors: Array<[string, string]> = [];
    const packs = await findPacks([plugins], { onError: (dir, error) => errors.push([dir, (error as Error).message]) });
    expect(packs.map((p) => p.dir)).toEqual([join(plugins, 'good')]);
    expect(errors).toEqual([
      [join(plugins, 'broken'), expect.stringContaining('trellis-pack.json (/version): the manifest needs "version"')],
      [join(plugins, 'twin'), `Pack sales@1.2.0 is in both ${join(plugins, 'good')} and ${join(plugins, 'twin')}; keep one`],
    ]);
  });
});
