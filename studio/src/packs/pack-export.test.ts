import { unzipSync, strFromU8 } from 'fflate';
import type { MetadataDocument } from '@trellis/metadata';
import { exportFormProblems, exportRequest, NEW_EXPORT, packZip, relatedLeftOut, suggestPackName, zipFileName, type ExportForm } from './pack-export.js';

const form = (extra: Partial<ExportForm>): ExportForm => ({ ...NEW_EXPORT, name: 'my-sales', ...extra });

describe('the export form', () => {
  it('accepts a lowercase-hyphen name and a semantic version', () => {
    expect(exportFormProblems(form({}))).toEqual({});
    expect(exportFormProblems(form({ name: 'b2b-sales-2', version: '2.1.0-beta.1' }))).toEqual({});
  });

  it('says what is wrong with a name the server would refuse, with a name it accepts', () => {
    expect(exportFormProblems(form({ name: '' })).name).toBe('Enter a pack name, e.g. “my-sales”.');
    expect(exportFormProblems(form({ name: 'My Sales' })).name).toBe('Use lowercase letters, digits and single hyphens, starting with a letter: e.g. “my-sales”.');
    expect(exportFormProblems(form({ name: 'sales--pack' })).name).toContain('single hyphens');
    expect(exportFormProblems(form({ name: '2fast' })).name).toContain('starting with a letter');
    expect(exportFormProblems(form({ name: 'a'.repeat(61) })).name).toBe('A pack name has at most 60 characters; this one has 61.');
  });

  it('refuses a version that is not major.minor.patch, and a choice of nothing', () => {
    expect(exportFormProblems(form({ version: '1.0' })).version).toBe('“1.0” is not a semantic version: use major.minor.patch, e.g. 1.0.0.');
    expect(exportFormProblems(form({ version: '' })).version).toBe('Enter a version, e.g. 1.0.0.');
    expect(exportFormProblems(form({ scope: 'chosen' })).selection).toBe('Choose at least one entity or workflow.');
    expect(exportFormProblems(form({ scope: 'chosen', workflows: ['notify'] }))).toEqual({});
  });

  it('suggests a pack name from free text', () => {
    expect(suggestPackName('  Ventes Été 2026! ')).toBe('ventes-ete-2026');
    expect(suggestPackName('42 things')).toBe('things');
  });

  it('asks for the whole workspace without a selection, and for the chosen components otherwise', () => {
    const chosen = form({ scope: 'chosen', entities: ['account'], workflows: [], description: '  Accounts  ' });
    expect(exportRequest(form({ entities: ['account'] }))).toEqual({ name: 'my-sales', version: '1.0.0', description: null, entities: null, workflows: null });
    expect(exportRequest(chosen)).toEqual({ name: 'my-sales', version: '1.0.0', description: 'Accounts', entities: ['account'], workflows: [] });
  });
});

describe('the entities a selection relates to', () => {
  const entity = (fields: MetadataDocument['entities'][string]['fields']) => ({ label: 'X', pluralLabel: 'Xs', plural: 'xs', fields });
  const document: MetadataDocument = {
    entities: {
      account: entity({ name: { type: 'text', label: 'Name' } }),
      contact: entity({ account: { type: 'relation', label: 'Account', target: 'account', cardinality: 'manyToOne' } }),
      deal: entity({ contact: { type: 'relation', label: 'Contact', target: 'contact', cardinality: 'manyToOne' }, owner: { type: 'relation', label: 'Owner', target: 'account', cardinality: 'manyToOne' } }),
    },
  };

  it('lists the related entities left out, once each, in document order', () => {
    expect(relatedLeftOut(document, ['deal'])).toEqual(['account', 'contact']);
    expect(relatedLeftOut(document, ['deal', 'contact', 'account'])).toEqual([]);
    expect(relatedLeftOut(document, ['account'])).toEqual([]);
  });
});

describe('the downloaded zip', () => {
  it('is named <name>-<version>.zip and holds the files under <name>/', () => {
    expect(zipFileName('my-sales', '1.2.0')).toBe('my-sales-1.2.0.zip');
    const zip = packZip('my-sales', [
      { path: 'trellis-pack.json', content: '{ "name": "my-sales" }\n' },
      { path: 'metadata/01-account.json', content: '{ "entities": {} }\n' },
    ]);
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['my-sales/metadata/01-account.json', 'my-sales/trellis-pack.json']);
    expect(strFromU8(files['my-sales/trellis-pack.json']!)).toBe('{ "name": "my-sales" }\n');
  });

  it('refuses a file path that would land outside the pack folder', () => {
    expect(() => packZip('x', [{ path: '../evil.json', content: '' }])).toThrow('“../evil.json”, which is not inside the pack folder');
    expect(() => packZip('x', [{ path: '/etc/passwd', content: '' }])).toThrow('not inside the pack folder');
  });
});
