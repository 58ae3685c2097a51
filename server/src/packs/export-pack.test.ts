import type { MetadataDocument } from '@trellis/metadata';
import { exportPackFiles } from './export-pack.js';

const document: MetadataDocument = {
  entities: { note: { label: 'Note', pluralLabel: 'Notes', plural: 'notes', fields: { title: { type: 'text', label: 'Title' } } } },
};

describe('exportPackFiles', () => {
  it('refuses a pack name or version that trellis-pack.json would not accept, saying which and how', async () => {
    await expect(exportPackFiles(document, { name: 'My Pack', version: '1.0' }, {})).rejects.toMatchObject({
      message: 'The pack name must be 1-60 lowercase letters, digits and single hyphens, starting with a letter (e.g. "b2b-sales"); version must be a semantic version like "1.2.3".',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('writes the description into trellis-pack.json', async () => {
    const files = await exportPackFiles(document, { name: 'notes', version: '1.0.0', description: 'Notes and more' }, {});
    expect(JSON.parse(files.find((f) => f.path === 'trellis-pack.json')!.content)).toEqual({ name: 'notes', version: '1.0.0', description: 'Notes and more' });
    expect(files.map((f) => f.path)).toEqual(['metadata/01-note.json', 'trellis-pack.json']);
  });
});
